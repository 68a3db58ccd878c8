/**
 * The comforts of the workspace on the first lesson: Solve and its undo, hints one step at a
 * time, a results area that shows every failing check and keeps the size the learner gives it,
 * and editor settings that stay.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { editorText, FIRST_LESSON, HELLO_SOLUTION, openLesson, runChecks, setEditorText, useWorkerEngine, waitForSaved } from "./helpers";

test.beforeEach(async ({ context }) => useWorkerEngine(context));

const MY_WORK = 'import { Vial } from "vial";\n\nexport const app = new Vial();\n\napp.get("/", () => "my own attempt");\n';
const LESSON_MDX = readFileSync("lessons/01-first-steps/01-hello-vial/lesson.mdx", "utf8");

test("Solve shows the solution in the editor and passes; Undo solve brings the learner's work back, also after a reload", async ({ page }) => {
  await openLesson(page);
  await setEditorText(page, MY_WORK);
  await waitForSaved(page);
  await page.getByRole("button", { name: "Solve" }).click();
  await expect.poll(() => editorText(page)).toBe(HELLO_SOLUTION);
  await expect(page.getByTestId("announcer")).toHaveText(/The solution is in the editor/);
  expect(await runChecks(page)).toMatch(/All 4 checks pass/);

  await page.reload();
  await openLesson(page, FIRST_LESSON);
  expect(await editorText(page)).toContain("Hello, Vial!");
  await page.getByRole("button", { name: "Undo solve" }).click();
  await expect.poll(() => editorText(page)).toBe(MY_WORK);
  await expect(page.getByRole("button", { name: "Undo solve" })).toHaveCount(0);
  await waitForSaved(page);
  await page.reload();
  await openLesson(page, FIRST_LESSON);
  expect(await editorText(page)).toContain("my own attempt");
});

/** The hints of task `n` as the lesson writes them, in order. */
function authoredHints(n: number): string[] {
  const element = LESSON_MDX.match(new RegExp(`<Task n=\\{${n}\\}[^\\n]*>`))![0];
  const first = element.match(/ hint="([^"]+)"/)![1]!;
  const more = JSON.parse(element.match(/moreHints=\{(\[.*\])\}/)![1]!) as string[];
  return [first, ...more].map((hint) => hint.replace(/`/g, ""));
}

test("hints are revealed one step at a time, the same in the checks panel and in the lesson text", async ({ page }) => {
  const steps = authoredHints(1);
  expect(steps.length).toBeGreaterThanOrEqual(3);
  await openLesson(page);
  await runChecks(page);
  const inPanel = page.getByTestId("checks-task-1").getByRole("list", { name: "Hints for task 1" });
  const inText = page.locator("#task-1").getByRole("list", { name: "Hints for task 1" });
  await expect(inPanel).toHaveCount(0);

  await page.getByTestId("checks-task-1").getByRole("button", { name: "Show a hint" }).click();
  await expect(inPanel.getByRole("listitem")).toHaveText([steps[0]!]);
  await expect(inText.getByRole("listitem")).toHaveText([steps[0]!]);

  await page.locator("#task-1").getByRole("button", { name: `Next hint (2 of ${steps.length})` }).click();
  await expect(inPanel.getByRole("listitem")).toHaveText(steps.slice(0, 2));
  await expect(inText.getByRole("listitem")).toHaveText(steps.slice(0, 2));

  for (let step = 3; step <= steps.length; step++) {
    await page.getByTestId("checks-task-1").getByRole("button", { name: `Next hint (${step} of ${steps.length})` }).click();
  }
  await expect(inPanel.getByRole("listitem")).toHaveText(steps);
  await expect(page.getByTestId("checks-task-1")).toContainText("That was the last hint.");
  await expect(page.getByTestId("checks-task-1").getByRole("button", { name: /Next hint/ })).toHaveCount(0);
  // Task 2's hints are its own.
  await expect(page.locator("#task-2").getByRole("button", { name: "Show a hint" })).toBeVisible();
});

/** For each element matching `selector`, whether it is entirely within the visible part of its panel and of the window. */
async function inView(page: Page, selector: string): Promise<boolean[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const panel = element.closest(".panels__panel")!.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return box.height > 0 && box.top >= panel.top - 1 && box.bottom <= Math.min(panel.bottom, innerHeight) + 1;
    }),
  );
}

test("the results area shows every failing check, and keeps the size the learner gives it", async ({ page }) => {
  // A full-HD screen's browser window; the editor keeps a few lines.
  await page.setViewportSize({ width: 1280, height: 900 });
  await openLesson(page);
  expect(await runChecks(page)).toMatch(/1 of 4 checks pass/);
  const failing = '#panel-checks .check[data-status="fail"] .check__name';
  await expect(page.locator(failing)).toHaveCount(3);
  await expect.poll(() => inView(page, failing)).toEqual([true, true, true]);

  // The learner makes it small with the keyboard; it stays small after a reload.
  const separator = page.getByRole("separator", { name: "Resize the results area" });
  await separator.focus();
  await page.keyboard.press("End");
  const small = await page.getByTestId("results-area").evaluate((element) => element.getBoundingClientRect().height);
  expect(small).toBeLessThan(120);
  await page.reload();
  await openLesson(page, FIRST_LESSON);
  await expect.poll(() => page.getByTestId("results-area").evaluate((element) => Math.round(element.getBoundingClientRect().height))).toBe(Math.round(small));
  await page.keyboard.press("Tab");
  await separator.focus();
  await page.keyboard.press("PageUp");
  expect(await page.getByTestId("results-area").evaluate((element) => element.getBoundingClientRect().height)).toBeGreaterThan(small + 100);
});

test("line wrapping and font size are settings that stay", async ({ page }) => {
  await openLesson(page);
  const long = `${MY_WORK}// ${"a long comment that goes on ".repeat(12)}\n`;
  await setEditorText(page, long);
  const lastLine = page.locator(".cm-line", { hasText: "a long comment" });
  const oneLine = await lastLine.evaluate((element) => element.getBoundingClientRect().height);
  await page.getByRole("checkbox", { name: "Wrap lines" }).check();
  await expect.poll(() => lastLine.evaluate((element) => element.getBoundingClientRect().height)).toBeGreaterThan(oneLine * 2);
  await page.getByRole("combobox", { name: "Font size" }).selectOption("20");
  await expect.poll(() => page.locator(".cm-content").evaluate((element) => getComputedStyle(element).fontSize)).toBe("20px");
  await page.reload();
  await openLesson(page, FIRST_LESSON);
  await expect(page.getByRole("checkbox", { name: "Wrap lines" })).toBeChecked();
  await expect(page.getByRole("combobox", { name: "Font size" })).toHaveValue("20");
  await expect(page.getByTestId("code-editor")).toHaveAttribute("data-wrap", "true");
  expect(await page.locator(".cm-content").evaluate((element) => getComputedStyle(element).fontSize)).toBe("20px");
});
