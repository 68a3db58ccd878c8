/**
 * Hostile SQL from the learner's app in the worker engine, where PGlite runs in the grader's
 * Worker: the same lesson as the node engine's test (tests/sandbox/engines/database-attack-lesson.ts),
 * so the same boundary holds with the browser's copy of the parser and PGlite, and an endless
 * statement is stopped in the Worker that holds PGlite while the grader's Worker goes on.
 */
import { expect, test } from "@playwright/test";
import { APP, ATTACKS, attackChecks, ENDLESS } from "../../sandbox/engines/database-attack-lesson";

test("every attack is refused with a clear error, fools no read of the checks and leaves nothing behind", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/");
  await page.evaluate(() => window.harness.ready());
  await page.evaluate(() => window.harness.create("worker"));
  const report = await page.evaluate(async (workspace) => {
    const sandbox = window.harness.sandbox();
    await sandbox.load(workspace);
    return sandbox.check();
  }, { files: { "app.ts": APP }, checks: attackChecks(true) });
  expect(report.checks.filter((check) => check.status !== "pass").map((check) => `${check.name}: ${check.message}`)).toEqual([]);
  expect(report.checks).toHaveLength(ATTACKS.length + ENDLESS.length + 3);
});
