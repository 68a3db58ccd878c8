/**
 * The engine picker on a real lesson page, with no engine chosen by the learner: when the browser
 * says "online" but no request gets through (a firewall, a dead Wi-Fi, some Chromium versions
 * under offline emulation), the page must not wait out the WebContainer boot. Here the
 * connectivity probe is made to fail while `navigator.onLine` stays true.
 */
import { expect, test } from "@playwright/test";
import { FIRST_LESSON } from "./helpers";

test("a browser that says online while requests fail gets the worker engine, told it is offline", async ({ context, page }) => {
  await context.route(/stackblitz\.com|webcontainer/, (route) => route.abort());
  await context.route(/__learn-vial-connectivity/, (route) => route.abort("internetdisconnected"));
  await page.goto(FIRST_LESSON);
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  const bar = page.getByTestId("engine-bar");
  await expect(bar).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
  await expect(bar).toContainText("you are offline");
});
