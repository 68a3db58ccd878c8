/**
 * What a lesson page loads, and when (issue 18): the workspace only once it is on screen after
 * the page has loaded, and no link's page data before the learner follows it.
 */
import { expect, test } from "@playwright/test";
import { FIRST_LESSON, HELLO_SOLUTION, runChecks, setEditorText, useWorkerEngine } from "./helpers";

test.describe("loading", () => {
  test("on a phone the workspace loads when scrolled to, and then works", async ({ page, context }) => {
    await useWorkerEngine(context);
    await page.setViewportSize({ width: 412, height: 823 });
    const scripts: string[] = [];
    page.on("request", (request) => request.resourceType() === "script" && scripts.push(request.url()));
    await page.goto(FIRST_LESSON, { waitUntil: "load" });
    await expect(page.getByRole("heading", { level: 1, name: "Hello, Vial" })).toBeVisible();
    // Long enough for the idle callback and a lazy chunk to have arrived, were they wanted.
    await page.waitForTimeout(3000);
    const before = scripts.length;
    await expect(page.locator("#workspace")).toHaveAttribute("aria-busy", "true");
    await expect(page.locator(".cm-content")).toHaveCount(0);

    await page.locator("#workspace").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("engine-bar")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
    expect(scripts.length).toBeGreaterThan(before);
    await setEditorText(page, HELLO_SOLUTION);
    expect(await runChecks(page)).toMatch(/All 4 checks pass/);
  });

  test("the skip link brings the workspace in on a phone", async ({ page, context }) => {
    await useWorkerEngine(context);
    await page.setViewportSize({ width: 412, height: 823 });
    await page.goto(FIRST_LESSON, { waitUntil: "load" });
    await page.getByRole("link", { name: "Skip to the editor" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.locator(".cm-content")).toBeVisible({ timeout: 60_000 });
  });

  test("links do not fetch the pages they point to until followed", async ({ page }) => {
    const pageData: string[] = [];
    page.on("request", (request) => request.url().includes("_rsc=") && pageData.push(request.url()));
    await page.goto("/learn", { waitUntil: "load" });
    await page.waitForTimeout(3000);
    expect(pageData).toEqual([]);
    await page.getByTestId("lesson-first-steps/hello-vial").getByRole("link", { name: /Hello, Vial/ }).click();
    await expect(page).toHaveURL(new RegExp(`${FIRST_LESSON}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Hello, Vial" })).toBeVisible();
  });
});
