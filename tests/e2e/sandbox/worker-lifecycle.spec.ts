/**
 * The worker engine's lifecycle in Chromium: dispose() ends a run that would never end by
 * itself, frees the sandbox, and refuses work afterwards.
 */
import { expect, test } from "@playwright/test";
import { BROKEN, PASSING_WORKSPACE } from "../../sandbox/contract-fixtures";

test("dispose() ends a looping check at once and the sandbox refuses work afterwards", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => window.harness.ready());
  const outcome = await page.evaluate(async ({ workspace, looping }) => {
    // A time limit far beyond this test's own: only dispose() can end the run in time.
    await window.harness.create("worker", { timeoutMs: 600_000 });
    const sandbox = window.harness.sandbox();
    await sandbox.load({ ...workspace, files: { ...workspace.files, "app.ts": looping } });
    const running = sandbox.check();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await sandbox.dispose();
    const report = await running;
    const after = await sandbox.check().then(() => "checked", (error: Error) => error.message);
    return { status: report.status, message: report.message, after };
  }, { workspace: PASSING_WORKSPACE, looping: BROKEN.loopOnImport });
  expect(outcome.status).toBe("error");
  expect(outcome.message).toMatch(/the sandbox was disposed/);
  expect(outcome.after).toMatch(/disposed/);
});
