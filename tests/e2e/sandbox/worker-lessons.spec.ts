/**
 * The real course on the worker engine: each lesson's solution passes its checks, and its
 * starter does not (as `npm run lessons:check` proves on the node engine). Catches lesson code
 * that works in Node but not in a browser Worker.
 */
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { loadCourse } from "../../../sandbox/course/index";
import { usesDatabase } from "../../../sandbox/engines/uses-database";

const course = await loadCourse("lessons");
const lessons = course.chapters.flatMap((chapter) => chapter.lessons);

test.describe.configure({ mode: "serial" });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await page.goto("/");
  await page.evaluate(() => window.harness.ready());
  await page.evaluate(() => window.harness.create("worker"));
});

test.afterAll(async () => {
  await page.close();
});

for (const lesson of lessons) {
  test(`${lesson.id}: the solution passes and the starter does not`, async () => {
    // PGlite starts in the grader Worker for each run: tens of seconds on a loaded machine.
    if (usesDatabase(lesson.checks)) test.setTimeout(240_000);
    const grade = (files: Record<string, string>) =>
      page.evaluate(async (workspace) => {
        const sandbox = window.harness.sandbox();
        await sandbox.load(workspace);
        return sandbox.check();
      }, { files, checks: lesson.checks });
    const solved = await grade(lesson.solution);
    expect(solved.status, JSON.stringify(solved, null, 2)).toBe("pass");
    const started = await grade(lesson.starter);
    expect(started.status, JSON.stringify(started, null, 2)).not.toBe("pass");
  });
}
