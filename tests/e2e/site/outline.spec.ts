/**
 * `/learn` reads as a path: chapters in order with their time and how much is passed, each
 * lesson with its time and the lessons it builds on (linked), its state, and the capstone
 * audit's tally ("7 of 11 fixed") from the saved last check. Progress is put straight into the
 * browser's store, as checks run here would leave it (an imported file's results do not count:
 * import-dialog.spec.ts).
 */
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

/** Saved records: the first lesson passed, the audit checked with 7 of its 11 vulnerabilities fixed. */
const RECORDS = [
  { lessonId: "first-steps/hello-vial", files: { "app.ts": "// mine\n" }, passed: true, updatedAt: 5 },
  {
    lessonId: "capstone/audit",
    files: { "app.ts": "// mine\n" },
    passed: false,
    // Task 1 is the app still working: its checks pass, and are not counted as fixes.
    lastCheck: { status: "fail", passedChecks: 13, totalChecks: 17, tasks: { "1": { passed: 6, total: 6 }, "2": { passed: 3, total: 4 }, "3": { passed: 2, total: 4 }, "4": { passed: 2, total: 3 } }, at: 6 },
    updatedAt: 6,
  },
];

/** Writes `records` into the site's IndexedDB store (site/persistence/idb-repository.ts), as the workspace does. */
async function saveRecords(page: Page, records: unknown[]): Promise<void> {
  await page.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("learn-vial", 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore("lessons", { keyPath: "lessonId" });
        request.result.createObjectStore("meta");
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const transaction = db.transaction("lessons", "readwrite");
    for (const record of list) transaction.objectStore("lessons").put(record);
    await new Promise((resolve, reject) => ((transaction.oncomplete = resolve), (transaction.onerror = reject)));
    db.close();
  }, records);
}

test("the outline shows chapters in order with their time, and each lesson's time and what it builds on", async ({ page }) => {
  await page.goto("/learn");
  const chapters = page.locator(".outline-chapter h2");
  await expect(chapters.first()).toHaveText("Chapter 1 First steps");
  await expect(chapters.last()).toContainText("Capstone");
  const numbers = (await chapters.allTextContents()).map((text) => Number(/Chapter (\d+)/.exec(text)?.[1]));
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));

  await expect(page.getByTestId("chapter-meta-first-steps")).toHaveText(/^3 lessons · 45 min/);
  await expect(page.getByTestId("chapter-progress-first-steps")).toHaveText("0 of 3 passed");

  const responses = page.getByTestId("lesson-first-steps/responses");
  await expect(responses).toContainText("15 min");
  await expect(responses.locator(".outline-lesson__builds-on")).toHaveText("Builds on Hello, Vial");
  await expect(responses.getByRole("link", { name: "Hello, Vial" })).toHaveAttribute("href", "/learn/first-steps/hello-vial");
  await expect(page.getByTestId("lesson-first-steps/hello-vial").locator(".outline-lesson__builds-on")).toHaveCount(0);

  // The audit builds on several chapters, and shows no tally before it is checked.
  const audit = page.getByTestId("lesson-capstone/audit");
  await expect(audit.getByRole("link", { name: "Queries with parameters" })).toHaveAttribute("href", "/learn/data/queries");
  await expect(page.getByTestId("chapter-progress-capstone")).toHaveText("0 of 3 passed");
  await expect(page.getByTestId("tally-capstone/audit")).toHaveCount(0);

  // A builds-on link leads to that lesson.
  await responses.getByRole("link", { name: "Hello, Vial" }).click();
  await expect(page).toHaveURL(/\/learn\/first-steps\/hello-vial$/);
});

test("the lesson page names what it builds on, linked", async ({ page }) => {
  await page.goto("/learn/first-steps/reading-the-request");
  const header = page.locator(".lesson__header");
  await expect(header.locator(".lesson__builds-on")).toHaveText("Builds on Responses");
  await expect(header.getByRole("link", { name: "Responses" })).toHaveAttribute("href", "/learn/first-steps/responses");
});

test("saved progress shows what is passed per chapter and the audit's tally, and axe stays clean", async ({ page }) => {
  await page.goto("/learn");
  await saveRecords(page, RECORDS);
  await page.reload();

  await expect(page.getByTestId("state-first-steps/hello-vial")).toHaveText("Passed");
  await expect(page.getByTestId("chapter-progress-first-steps")).toHaveText("1 of 3 passed");
  // 3 + 2 + 2 of tasks 2 to 4's 4 + 4 + 3 checks; task 1's six passing checks are not fixes.
  await expect(page.getByTestId("tally-capstone/audit")).toHaveText("7 of 11 fixed");
  await expect(page.getByTestId("chapter-progress-capstone")).toHaveText("0 of 3 passed · 7 of 11 fixed");

  // Still there after a reload: it is read from the saved records, not kept by the page.
  await page.reload();
  await expect(page.getByTestId("tally-capstone/audit")).toHaveText("7 of 11 fixed");

  const require = createRequire(import.meta.url);
  const axePath = require.resolve("axe-core/axe.min.js");
  test.skip(!existsSync(axePath), "axe-core is not installed");
  await page.evaluate(readFileSync(axePath, "utf8"));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
  expect(violations).toEqual([]);
});
