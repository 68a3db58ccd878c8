import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test } from "@playwright/test";
import { siteHeaders } from "../../../site/build/site-headers.mjs";
import { FIRST_LESSON, HELLO_SOLUTION, openLesson, runChecks, useWorkerEngine } from "./helpers";

test.beforeEach(async ({ context }) => useWorkerEngine(context));

test("after one visit to the home page, a lesson opens and checks with the network off", async ({ page, context }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-offline-ready", "true", { timeout: 60_000 });
  await context.setOffline(true);
  // The Service Worker's own requests are offline too, so what follows comes from its cache.
  expect(await page.evaluate(() => fetch("/dev/lessons-version").then(() => "online", () => "offline"))).toBe("offline");
  const response = await page.goto("/learn/routing/methods");
  expect(response?.fromServiceWorker()).toBe(true);
  // The cached copy is as protected as the online page: the same headers, the pinned scripts.
  for (const [name, value] of Object.entries(siteHeaders("/learn/routing/methods"))) expect(response?.headers()[name.toLowerCase()], name).toBe(value);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute("content", /'sha256-/);
  await expect(page.getByTestId("engine-bar")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
  expect(await runChecks(page)).toMatch(/of \d+ checks pass/);
  // A lesson whose checks read a Dockerfile: the config parsers' bundle, never fetched online in
  // this browser, comes from the precache too.
  await page.goto("/learn/production/container-and-ci");
  await expect(page.getByTestId("engine-bar")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
  expect(await runChecks(page)).toMatch(/of 9 checks pass/);
  await context.setOffline(false);
});

test("a lesson reloads offline right after the page says the course is saved for offline use", async ({ page, context }) => {
  // The first visit is the lesson itself, in a fresh browser: the Service Worker installs while
  // the learner reads, and says "saved" only once it controls the page with the course cached.
  await page.goto(FIRST_LESSON);
  await expect(page.getByText("The course is saved for offline use.")).toBeVisible({ timeout: 90_000 });
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByTestId("engine-bar")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
  expect(await runChecks(page)).toMatch(/of 4 checks pass/);
  // Another lesson, never opened, is there too.
  const other = await page.goto("/learn/sessions/login");
  expect(other?.fromServiceWorker()).toBe(true);
  await expect(page.getByTestId("engine-bar")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
  await context.setOffline(false);
});

test("the sandbox, its preview and the checks work while the course is still being saved; \"saved\" comes only once it is", async ({ page, context }) => {
  // One page of the course held back (the Service Worker's own requests go through the context's
  // routes): its precache cannot finish until the page arrives.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route("**/learn/sessions/login", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(FIRST_LESSON);
  await expect(page.getByTestId("engine-bar")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
  // The Service Worker took control without waiting for the precache.
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 }).toBe(true);
  expect(await runChecks(page)).toMatch(/of 4 checks pass/);
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(page.frameLocator("[data-testid=preview-frame]").locator("body")).toContainText("Not Found", { timeout: 30_000 });
  // Still saving: not a word about offline use yet.
  await expect(page.getByText("The course is saved for offline use.")).toHaveCount(0);
  expect(await page.locator("html").getAttribute("data-offline-ready")).toBeNull();

  release();
  await expect(page.getByText("The course is saved for offline use.")).toBeVisible({ timeout: 90_000 });
  await context.setOffline(true);
  const other = await page.goto("/learn/sessions/login");
  expect(other?.fromServiceWorker()).toBe(true);
  await expect(page.getByTestId("engine-bar")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
  await context.setOffline(false);
});

test("keyboard only: reach the editor, type, run the checks, read the result", async ({ page }) => {
  await openLesson(page);
  await page.locator("body").focus();
  let reachedSkipLink = false;
  for (let step = 0; step < 15 && !reachedSkipLink; step++) {
    await page.keyboard.press("Tab");
    reachedSkipLink = (await page.evaluate(() => document.activeElement?.textContent)) === "Skip to the editor";
  }
  expect(reachedSkipLink).toBe(true);
  await page.keyboard.press("Enter");
  let inEditor = false;
  for (let step = 0; step < 10 && !inEditor; step++) {
    await page.keyboard.press("Tab");
    inEditor = await page.evaluate(() => document.activeElement?.classList.contains("cm-content") ?? false);
  }
  expect(inEditor).toBe(true);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(HELLO_SOLUTION);
  await runChecks(page, () => page.keyboard.press("Control+Enter"));
  await expect(page.getByTestId("announcer")).toHaveText(/All 4 checks pass/);
  // Tab leaves the editor (it does not trap focus) and reaches the results.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.classList.contains("cm-content"))).toBe(false);
});

const require = createRequire(import.meta.url);
const axePath = (() => {
  try {
    return require.resolve("axe-core/axe.min.js");
  } catch {
    return null;
  }
})();

test("an accessibility scan finds no problems of any impact (axe's minor and moderate too)", async ({ page }) => {
  test.skip(!axePath || !existsSync(axePath), "axe-core is not installed (add it as a devDependency to run this scan)");
  for (const path of ["/", "/learn", FIRST_LESSON, `${FIRST_LESSON} after a check`]) {
    if (path === FIRST_LESSON) await openLesson(page);
    else if (path.endsWith("after a check")) {
      // The results, a hint revealed, and a WebContainer booting in the background (no StackBlitz here).
      await runChecks(page);
      await page.getByTestId("checks-task-1").getByRole("button", { name: "Show a hint" }).click();
      await page.getByTestId("engine-choice").selectOption("webcontainer");
      await expect(page.getByTestId("engine-upgrade")).toBeVisible();
    } else await page.goto(path);
    // Evaluated through the debugging protocol: the page's policy (rightly) refuses an added inline script.
    await page.evaluate(readFileSync(axePath!, "utf8"));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run();
      return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
    });
    expect(violations, path).toEqual([]);
  }
});
