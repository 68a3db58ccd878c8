/**
 * The session-cookie, weak-key, guarded-routes, IDOR and account-enumeration probes in a browser Worker (headless Chromium): the same
 * miniature lessons the node engine's test grades (tests/sandbox/grader/attack/probe-fixtures.ts),
 * each passing its correct app and failing its broken one. The fake clock the session probe
 * moves and the keys it re-signs with are the payload runtime's own, so this is where a
 * bundling mistake would show.
 */
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { PROBE_FIXTURES } from "../../sandbox/grader/attack/probe-fixtures";

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

const grade = (files: Record<string, string>, checks: string) =>
  page.evaluate(async (workspace) => {
    const sandbox = window.harness.sandbox();
    await sandbox.load(workspace);
    return sandbox.check();
  }, { files, checks });

for (const fixture of PROBE_FIXTURES) {
  test(`attack.${fixture.probe} passes a correct app and fails one that ${fixture.mistake}`, async () => {
    const correct = await grade(fixture.correct, fixture.checks);
    expect(correct.checks.map((check) => [check.status, check.message ?? null]), JSON.stringify(correct, null, 2)).toEqual([["pass", null]]);
    const broken = await grade(fixture.broken, fixture.checks);
    expect(broken.checks[0]?.status, JSON.stringify(broken, null, 2)).toBe("fail");
    expect(broken.checks[0]?.message).toMatch(/expected no findings, got \d+:\n- /);
  });
}
