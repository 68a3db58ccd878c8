import { expect, test } from "@playwright/test";
import { editorText, openLesson, setEditorText, useWorkerEngine, waitForSaved } from "./helpers";

test.beforeEach(async ({ context }) => useWorkerEngine(context));

const EDIT = 'import { Vial } from "vial";\n\nexport const app = new Vial();\n\napp.get("/", () => "kept across reloads");\n';

test("edits survive a reload; compare shows a diff without changing them; reset asks and can be undone", async ({ page }) => {
  await openLesson(page);
  await setEditorText(page, EDIT);
  await waitForSaved(page);
  await page.reload();
  await openLesson(page, page.url());
  expect(await editorText(page)).toContain("kept across reloads");

  await page.getByRole("button", { name: "Compare with solution" }).click();
  const dialog = page.getByRole("dialog", { name: "Your files beside the solution" });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(".diff__row--changed, .diff__row--added").first()).toBeVisible();
  await expect(dialog).toContainText("kept across reloads");
  await dialog.getByRole("button", { name: "Close" }).click();
  expect(await editorText(page)).toContain("kept across reloads");

  await page.getByRole("button", { name: "Reset…" }).click();
  const confirm = page.getByRole("dialog", { name: "Reset your files?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  expect(await editorText(page)).toContain("kept across reloads");
  await page.getByRole("button", { name: "Reset…" }).click();
  await confirm.getByRole("button", { name: "Reset files" }).click();
  await expect(page.locator(".cm-content")).toContainText("// Your routes go here.");
  await page.getByRole("button", { name: "Undo reset" }).click();
  await expect(page.locator(".cm-content")).toContainText("kept across reloads");
});

test("progress exports to a file and imports back; a bad file is refused and changes nothing", async ({ page }, testInfo) => {
  await openLesson(page);
  await setEditorText(page, EDIT);
  await waitForSaved(page);

  await page.goto("/learn");
  await expect(page.getByTestId("state-first-steps/hello-vial")).toHaveText("In progress");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export progress" }).click();
  const exported = testInfo.outputPath("progress.json");
  await (await downloading).saveAs(exported);

  const input = page.getByTestId("import-input");
  await input.setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"name":"not progress"}') });
  await expect(page.getByTestId("transfer-notice")).toHaveText(/not a Learn Vial progress file.*Nothing was imported/);
  await input.setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{oops") });
  await expect(page.getByTestId("transfer-notice")).toHaveText(/not valid JSON/);
  await expect(page.getByTestId("state-first-steps/hello-vial")).toHaveText("In progress");

  // Another browser: a fresh context with no saved work.
  const other = await page.context().browser()!.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/learn");
  await expect(otherPage.getByTestId("state-first-steps/hello-vial")).toHaveText("Not started");
  await otherPage.getByTestId("import-input").setInputFiles(exported);
  await expect(otherPage.getByTestId("import-replaced")).toHaveCount(0);
  await expect(otherPage.getByTestId("import-added")).toContainText("Hello, Vial");
  await otherPage.getByRole("button", { name: /^Import \d+ lesson/ }).click();
  await expect(otherPage.getByTestId("transfer-notice")).toHaveText(/Imported \d+ lesson/);
  await expect(otherPage.getByTestId("state-first-steps/hello-vial")).toHaveText("Imported, not checked here");
  await useWorkerEngine(other);
  await openLesson(otherPage);
  expect(await editorText(otherPage)).toContain("kept across reloads");
  await other.close();
});
