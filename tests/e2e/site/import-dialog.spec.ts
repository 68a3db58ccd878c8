/**
 * Importing a progress file: the dialog says which lessons' saved work it would replace before
 * anything changes; cancel keeps everything; a hostile file is refused by name, its markup shown
 * as text.
 */
import { expect, test, type Page } from "@playwright/test";
import { editorText, openLesson, setEditorText, useWorkerEngine, waitForSaved, watchViolations } from "./helpers";

const MINE = 'import { Vial } from "vial";\n\nexport const app = new Vial();\n\napp.get("/", () => "my own work");\n';

/** A progress file's bytes holding `lessons`. */
function progressFile(lessons: unknown[]): Buffer {
  return Buffer.from(JSON.stringify({ format: "learn-vial-progress", version: 1, exportedAt: "2025-01-01T00:00:00.000Z", lessons }));
}

const FROM_FILE = { lessonId: "first-steps/hello-vial", files: { "app.ts": "// from the file\n" }, passed: true, updatedAt: 5 };
const NEW_LESSON = { lessonId: "routing/methods", files: { "app.ts": "// methods from the file\n" }, passed: false, updatedAt: 6 };

async function choose(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId("import-input").setInputFiles({ name, mimeType: "application/json", buffer });
}

test.beforeEach(async ({ context }) => useWorkerEngine(context));

test("the import dialog lists what it replaces; cancel changes nothing, confirm replaces", async ({ page }) => {
  const violations = await watchViolations(page);
  await openLesson(page);
  await setEditorText(page, MINE);
  await waitForSaved(page);
  await page.goto("/learn");
  await expect(page.getByTestId("state-first-steps/hello-vial")).toHaveText("In progress");

  await choose(page, "progress.json", progressFile([FROM_FILE, NEW_LESSON]));
  const dialog = page.getByRole("dialog", { name: "Import this progress file?" });
  await expect(dialog).toBeVisible();
  // The file says passed; only its files are taken.
  await expect(dialog.getByTestId("import-replaced")).toHaveText("Hello, Vial — in progress now, imported, not checked here after");
  await expect(dialog.getByTestId("import-added")).toHaveText("Methods — imported, not checked here after");
  await expect(dialog).toContainText("Your saved work and progress in 1 lesson will be replaced");

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("transfer-notice")).toHaveText("Import cancelled. Nothing was changed.");
  await expect(page.getByTestId("state-first-steps/hello-vial")).toHaveText("In progress");
  await expect(page.getByTestId("state-routing/methods")).toHaveText("Not started");

  // Escape is a cancel too.
  await choose(page, "progress.json", progressFile([FROM_FILE, NEW_LESSON]));
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("state-routing/methods")).toHaveText("Not started");

  await choose(page, "progress.json", progressFile([FROM_FILE, NEW_LESSON]));
  await dialog.getByRole("button", { name: "Replace 1 and import" }).click();
  await expect(page.getByTestId("transfer-notice")).toHaveText("Imported 2 lessons.");
  await expect(page.getByTestId("state-first-steps/hello-vial")).toHaveText("Imported, not checked here");
  await expect(page.getByTestId("state-routing/methods")).toHaveText("Imported, not checked here");
  await openLesson(page);
  expect(await editorText(page)).toBe("// from the file\n");
  expect(violations).toEqual([]);
});

test("a hostile file is refused by field, its markup shown as text, and nothing changes", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/learn");
  const markup = "<img src=x onerror=window.__pwned=1>";
  await choose(page, "evil.json", progressFile([{ ...FROM_FILE, files: { [markup]: "x" } }]));
  const notice = page.getByTestId("transfer-notice");
  await expect(notice).toContainText(`files["${markup}"] must be made of letters`);
  await expect(notice).toContainText("Nothing was imported.");
  await expect(notice.locator("img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await choose(page, "proto.json", Buffer.from('{"format":"learn-vial-progress","version":1,"exportedAt":"x","lessons":[],"__proto__":{"isAdmin":true}}'));
  await expect(notice).toHaveText(/__proto__ is a reserved name\. Nothing was imported\./);
  await choose(page, "paths.json", progressFile([{ ...FROM_FILE, files: { "../../etc/passwd": "x" } }]));
  await expect(notice).toHaveText(/files\["\.\.\/\.\.\/etc\/passwd"\] leaves the lesson's folder/);
  await choose(page, "huge.json", Buffer.alloc(20 * 1024 * 1024 + 1, 0x20));
  await expect(notice).toHaveText(/too large.*Nothing was imported/);
  await expect(page.getByTestId("state-first-steps/hello-vial")).toHaveText("Not started");
  expect(violations).toEqual([]);
});

test("a forged file claiming every lesson passed counts no pass, no tally and no finished course", async ({ page }) => {
  await page.goto("/learn");
  const ids = await page.locator('[data-testid^="lesson-"]').evaluateAll((items) => items.map((item) => item.getAttribute("data-testid")!.slice("lesson-".length)));
  expect(ids).toContain("capstone/audit");
  const allPassed = ids.map((lessonId) => ({
    lessonId,
    files: { "app.ts": "// not mine\n" },
    passed: true,
    lastCheck: { status: "pass", passedChecks: 11, totalChecks: 11, tasks: Object.fromEntries([1, 2, 3, 4, 5, 6].map((task) => [String(task), { passed: 11, total: 11 }])), at: 5 },
    updatedAt: 5,
  }));
  await choose(page, "all-passed.json", progressFile(allPassed));
  await page.getByRole("dialog").getByRole("button", { name: `Import ${ids.length} lessons` }).click();
  await expect(page.getByTestId("transfer-notice")).toHaveText(`Imported ${ids.length} lessons.`);

  await expect(page.getByTestId("state-capstone/audit")).toHaveText("Imported, not checked here");
  await expect(page.getByText("Passed", { exact: true })).toHaveCount(0);
  await expect(page.getByTestId("tally-capstone/audit")).toHaveCount(0);
  for (const meta of await page.locator('[data-testid^="chapter-progress-"]').allTextContents()) {
    expect(meta).toMatch(/^0 of (\d+) passed · \1 imported, not checked here$/);
  }
  // Still so after a reload, and the home page does not treat the course as finished.
  await page.reload();
  await expect(page.getByTestId("state-first-steps/hello-vial")).toHaveText("Imported, not checked here");
  await page.goto("/");
  await expect(page.getByRole("link", { name: /^Continue where you left off: / })).toBeVisible();
});
