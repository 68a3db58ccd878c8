/**
 * The worker engine's preview of a database lesson: served by a grader Worker that holds PGlite
 * (the learner's Worker never does), after the app's exported initDb made the schema, as
 * `flask init-db` before `flask run`. Without it, the first query would fail (no table).
 */
import { expect, test } from "@playwright/test";
import { loadCourse } from "../../../sandbox/course/index";

const course = await loadCourse("lessons");
const lesson = course.chapters.flatMap((chapter) => chapter.lessons).find((candidate) => candidate.id === "data/queries")!;

test("a database lesson's preview answers from PGlite after initDb, and an unknown id is 404", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/");
  await page.evaluate(() => window.harness.ready());
  await page.evaluate(() => window.harness.create("worker"));
  const answers = await page.evaluate(async (workspace) => {
    const sandbox = window.harness.sandbox();
    await sandbox.load(workspace);
    const { url } = await sandbox.start!();
    const list = await fetch(`${url}notes?q=`);
    const missing = await fetch(`${url}notes/4242`);
    return { list: { status: list.status, body: await list.text() }, missing: missing.status };
  }, { files: lesson.solution, checks: lesson.checks });
  expect(answers.list.status, answers.list.body).toBe(200);
  expect(JSON.parse(answers.list.body)).toEqual({ notes: [] });
  expect(answers.missing).toBe(404);
});
