/**
 * The engines on a real lesson page with no route to StackBlitz (as behind many school and
 * company firewalls, and on this machine): the worker engine runs at once; WebContainers boot in
 * the background only when the learner chooses them, a failed boot is remembered across tabs,
 * and the choice can always be changed back.
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { FIRST_LESSON, openLesson, runChecks } from "./helpers";

const FAILURE_KEY = "learn-vial:webcontainer-failed";

/** Refuses every request to StackBlitz, and counts them. */
async function noStackBlitz(context: BrowserContext): Promise<{ requests: number }> {
  const seen = { requests: 0 };
  await context.route(/stackblitz\.com|webcontainer(-api)?\.io/, (route) => {
    seen.requests++;
    return route.abort("namenotresolved");
  });
  return seen;
}

const bar = (page: Page) => page.getByTestId("engine-bar");

test("with no engine chosen, the lesson runs on the worker engine at once and no WebContainer is booted", async ({ context, page }) => {
  const stackblitz = await noStackBlitz(context);
  await openLesson(page);
  await expect(bar(page)).toHaveAttribute("data-engine", "worker");
  await expect(bar(page)).toHaveAttribute("data-upgrade", "none");
  await expect(page.getByTestId("engine-choice")).toHaveValue("worker");
  expect(await runChecks(page)).toMatch(/of 4 checks pass/);
  expect(stackblitz.requests).toBe(0);
});

test("choosing WebContainer boots one in the background while the worker engine keeps running, and the choice can be changed back", async ({ context, page }) => {
  const stackblitz = await noStackBlitz(context);
  await openLesson(page);
  await page.getByTestId("engine-choice").selectOption("webcontainer");
  await expect(bar(page)).toHaveAttribute("data-upgrade", "booting");
  await expect(page.getByTestId("engine-upgrade")).toContainText("Starting a WebContainer in the background");
  await expect(page.getByRole("progressbar", { name: "WebContainer start-up" })).toBeVisible();
  // Meanwhile the worker engine answers checks.
  await expect(bar(page)).toHaveAttribute("data-engine", "worker");
  expect(await runChecks(page)).toMatch(/of 4 checks pass/);
  await expect.poll(() => stackblitz.requests).toBeGreaterThan(0);
  expect(await page.evaluate(() => localStorage.getItem("learn-vial:engine"))).toBe("webcontainer");

  await page.getByTestId("engine-choice").selectOption("worker");
  await expect(bar(page)).toHaveAttribute("data-upgrade", "none");
  await expect(page.getByTestId("engine-upgrade")).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem("learn-vial:engine"))).toBe("worker");
  const before = stackblitz.requests;
  await openLesson(page);
  await expect(page.getByTestId("engine-choice")).toHaveValue("worker");
  await expect(bar(page)).toHaveAttribute("data-upgrade", "none");
  expect(stackblitz.requests).toBe(before);
});

test("a failed WebContainer boot is said, remembered in other tabs (which then do not wait), and can be tried again", async ({ context, page }) => {
  test.setTimeout(120_000);
  await noStackBlitz(context);
  await openLesson(page);
  await page.getByTestId("engine-choice").selectOption("webcontainer");
  // The boot gives up after 30 s without an answer from StackBlitz.
  await expect(bar(page)).toHaveAttribute("data-upgrade", "unavailable", { timeout: 45_000 });
  await expect(page.getByTestId("engine-upgrade")).toContainText("StackBlitz did not answer within 30 s");
  await expect(bar(page)).toHaveAttribute("data-engine", "worker");
  expect(await page.evaluate((key) => localStorage.getItem(key), FAILURE_KEY)).toContain("StackBlitz did not answer");

  const second = await context.newPage();
  await openLesson(second);
  await expect(second.getByTestId("engine-choice")).toHaveValue("webcontainer");
  await expect(bar(second)).toHaveAttribute("data-upgrade", "unavailable");
  await expect(second.getByTestId("engine-upgrade")).toContainText(/ago, so they are not tried again for a while/);

  await second.getByRole("button", { name: "Try WebContainer again" }).click();
  await expect(bar(second)).toHaveAttribute("data-upgrade", "booting");
  expect(await second.evaluate((key) => localStorage.getItem(key), FAILURE_KEY)).toBeNull();
});

test("a browser that says online while requests fail does not boot WebContainers, and says it is offline", async ({ context, page }) => {
  const stackblitz = await noStackBlitz(context);
  await context.route(/__learn-vial-connectivity/, (route) => route.abort("internetdisconnected"));
  await context.addInitScript(() => localStorage.setItem("learn-vial:engine", "webcontainer"));
  await page.goto(FIRST_LESSON);
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  await expect(bar(page)).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
  await expect(bar(page)).toHaveAttribute("data-upgrade", "unavailable");
  await expect(page.getByTestId("engine-upgrade")).toContainText("you are offline");
  expect(stackblitz.requests).toBe(0);
});

test("a check pressed before the engine is ready says what it waits for, and runs once the engine is", async ({ context, page }) => {
  // The worker engine's payload arrives late, as on a slow connection.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route(/\/sandbox\/[^/]+\.mjs/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(FIRST_LESSON);
  await expect(page.locator("#workspace")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  await expect(bar(page)).toHaveAttribute("data-phase", "starting");
  await page.getByRole("button", { name: /^Check/ }).click();
  await expect(page.getByTestId("checks-progress")).toHaveText(/Waiting for the Web Worker engine to start: your check runs as soon as it is ready/);
  await expect(page.getByTestId("announcer")).toHaveText(/Waiting for the sandbox to start/);
  release();
  await expect(bar(page)).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
  await expect(page.getByTestId("checks-summary")).toHaveText(/of 4 checks pass/, { timeout: 30_000 });
  await expect(page.locator("#workspace")).toHaveAttribute("data-check-runs", "1");
});
