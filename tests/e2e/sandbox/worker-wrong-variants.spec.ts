/**
 * The attack kit in a browser Worker: every known-wrong solution (wrong/<mistake>/) of the
 * lessons whose checks use the kit, the database (PGlite in the grader Worker, from the page's
 * files), grade the learner's own tests with learnerTests (whose requests cross between two
 * Workers), read the app's log with appLog (forwarded from the learner Worker's console) or review
 * a Dockerfile and a workflow with parse (dockerfile-ast and yaml, handed to the grader Worker) fails
 * those checks on the worker engine too, as
 * `npm run lessons:check` proves on the node engine. parse5, csp_evaluator and the fake clock
 * are bundled into the payload runtime, so this is where a bundling mistake would show.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { loadCourse } from "../../../sandbox/course/index";
import { usesDatabase } from "../../../sandbox/engines/uses-database";
import { loadWrongVariants } from "../../../sandbox/course/check/wrong-variants";

const course = await loadCourse("lessons");
const usesKit = async (dir: string) => /\battack\.|\bclock\.|\blearnerTests\(|\bappLog\.|\bparse\.|\bappProcess\./.test(await readFile(join(dir, "checks.ts"), "utf8"));
const lessons = [];
for (const lesson of course.chapters.flatMap((chapter) => chapter.lessons)) {
  if (usesDatabase(lesson.checks) || (await usesKit(lesson.dir))) lessons.push({ lesson, variants: (await loadWrongVariants(lesson)).variants });
}

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

for (const { lesson, variants } of lessons) {
  for (const variant of variants) {
    test(`${lesson.id}: wrong/${variant.name} fails its checks`, async () => {
      // PGlite starts in the grader Worker for each run: tens of seconds on a loaded machine.
      if (usesDatabase(lesson.checks)) test.setTimeout(240_000);
      const report = await page.evaluate(async (workspace) => {
        const sandbox = window.harness.sandbox();
        await sandbox.load(workspace);
        return sandbox.check();
      }, { files: variant.files, checks: lesson.checks });
      expect(report.status, `${variant.note}\n${JSON.stringify(report, null, 2)}`).toBe("fail");
      expect(report.checks.some((check) => check.status === "fail"), "some check refused the variant").toBe(true);
    });
  }
}
