import { expect, test } from "@playwright/test";
import { HELLO_SOLUTION, openLesson, runChecks, setEditorText, useWorkerEngine } from "./helpers";

test.beforeEach(async ({ context }) => useWorkerEngine(context));

test("the starter fails with reasons; the fix passes; the outline shows the lesson passed", async ({ page }) => {
  await openLesson(page);
  expect(await runChecks(page)).toMatch(/of 4 checks pass/);
  const task1 = page.getByTestId("checks-task-1");
  await expect(task1).toContainText("Not yet");
  await expect(task1).toContainText("status of GET /: expected 200, got 404");
  // Several checks fail: each exchange is one line until opened.
  await task1.getByText("Request and response: GET / → 404").first().click();
  await expect(task1.getByText("Request sent").first()).toBeVisible();
  await expect(page.getByTestId("task-1-status")).toHaveText("Not yet");
  await task1.getByRole("button", { name: "Show a hint" }).click();
  await expect(task1).toContainText("Call app.get with the path /");

  await setEditorText(page, HELLO_SOLUTION);
  expect(await runChecks(page, () => page.keyboard.press("ControlOrMeta+Enter"))).toMatch(/All 4 checks pass/);
  await expect(page.getByTestId("task-1-status")).toHaveText("Done");
  await expect(page.getByTestId("task-2-status")).toHaveText("Done");

  await page.goto("/learn");
  await expect(page.getByTestId("state-first-steps/hello-vial")).toHaveText("Passed");
});

test("the preview shows the app answering, and follows edits", async ({ page }) => {
  await openLesson(page);
  await page.getByRole("tab", { name: "Preview" }).click();
  const frame = page.frameLocator("[data-testid=preview-frame]");
  await expect(frame.locator("body")).toContainText("Not Found", { timeout: 30_000 });
  await setEditorText(page, HELLO_SOLUTION);
  await expect(frame.locator("body")).toContainText("Hello, Vial!", { timeout: 30_000 });
  await page.getByLabel("Path to open in the preview").fill("/about");
  await page.getByRole("button", { name: "Go" }).click();
  await expect(frame.locator("body")).toContainText("Vial", { timeout: 30_000 });
  await expect(frame.locator("body")).not.toContainText("Not Found");
});

test("an infinite loop or a syntax error is reported clearly, and the next check works", async ({ page }) => {
  await openLesson(page);
  await setEditorText(page, 'import { Vial } from "vial";\nexport const app = new Vial();\napp.get("/", () => { while (true) {} });\n');
  await runChecks(page);
  await expect(page.getByTestId("checks-summary")).toHaveText(/could not run|of \d+ checks pass/);
  await expect(page.locator(".checks")).toContainText(/time|loop|did not finish|timed out/i);

  await setEditorText(page, 'import { Vial } from "vial";\nexport const app = new Vial(;\n');
  await runChecks(page);
  await expect(page.getByTestId("checks-error")).toContainText(/app\.ts/);

  await setEditorText(page, HELLO_SOLUTION);
  expect(await runChecks(page)).toMatch(/All 4 checks pass/);
});
