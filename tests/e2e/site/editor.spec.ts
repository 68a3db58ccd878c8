/**
 * The editor is drawn first and gains the rest a task or two later (site/workspace/code-editor.tsx):
 * the syntax colours, the default keys (move a line) and the undo history must all arrive.
 */
import { expect, test } from "@playwright/test";
import { editorText, openLesson, setEditorText, useWorkerEngine } from "./helpers";

test.beforeEach(async ({ context }) => useWorkerEngine(context));

test("the editor gains syntax colours, its default keys and undo after it is drawn", async ({ page }) => {
  await openLesson(page);
  // Highlighting wraps keywords in spans of their own; plain text has none.
  await expect.poll(() => page.locator(".cm-line span", { hasText: /^export$/ }).count()).toBeGreaterThan(0);

  await setEditorText(page, "const first = 1;\nconst second = 2;");
  await page.keyboard.press("Alt+ArrowUp"); // defaultKeymap's moveLineUp, the cursor being on the last line
  await expect.poll(() => editorText(page)).toBe("const second = 2;\nconst first = 1;");

  await page.keyboard.press("ControlOrMeta+z");
  await expect.poll(() => editorText(page)).toBe("const first = 1;\nconst second = 2;");
});
