/**
 * The hostile-learner attacks (tests/sandbox/attacks/<name>/app.ts) graded by the worker engine
 * in Chromium with lesson 1's real checks: none may pass, and nothing may reach the canary (a
 * local server each attack is told of by `./canary`) during the run. Attacks written for node
 * (child processes, node:fs, sockets) cannot even load in a Worker; they run too, and must not
 * pass either.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { loadCourse } from "../../../sandbox/course/index";
import { startCountingServer } from "../support/counting-server";
import type { CountingServer } from "../support/counting-server";

const ATTACKS = "tests/sandbox/attacks";

const course = await loadCourse("lessons");
const lesson = course.chapters.flatMap((chapter) => chapter.lessons).find((candidate) => candidate.id.endsWith("hello-vial"))!;
// Folders holding an app.ts are attacks (a folder may group other material, as realm/ did).
const attacks = readdirSync(ATTACKS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`${ATTACKS}/${entry.name}/app.ts`))
  .map((entry) => entry.name)
  .sort();

test.describe.configure({ mode: "serial" });

let page: Page;
let offSite: CountingServer;

test.beforeAll(async ({ browser }) => {
  offSite = await startCountingServer();
  page = await browser.newPage();
  await page.goto("/");
  await page.evaluate(() => window.harness.ready());
  await page.evaluate(() => window.harness.create("worker", { timeoutMs: 6000, checkTimeoutMs: 2000 }));
});

test.afterAll(async () => {
  await page.close();
  await offSite.close();
});

test("there are attacks to run, and lesson 1's checks fail its starter", async () => {
  expect(attacks).toEqual(expect.arrayContaining(["eval-import", "font-face", "network-browser", "storage", "forged-messages", "fake-report-lines", "process-exit"]));
  const report = await page.evaluate(async (workspace) => {
    await window.harness.sandbox().load(workspace);
    return window.harness.sandbox().check();
  }, { files: lesson.starter, checks: lesson.checks });
  expect(report.status).toBe("fail");
});

for (const name of attacks) {
  test(`${name}: not a pass, and nothing reaches off the site`, async () => {
    const source = readFileSync(join(ATTACKS, name, "app.ts"), "utf8");
    const canary = `export const canary = { host: "127.0.0.1", port: ${new URL(offSite.origin).port} };\n`;
    const hitsBefore = offSite.hits.length;
    const report = await page.evaluate(async (workspace) => {
      const sandbox = window.harness.sandbox();
      await sandbox.load(workspace);
      const report = await sandbox.check();
      // Give requests the attack started without waiting a moment to arrive.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return report;
    }, { files: { ...lesson.starter, "app.ts": source, "canary.ts": canary }, checks: lesson.checks });
    expect(offSite.hits.slice(hitsBefore)).toEqual([]);
    expect(report.status, JSON.stringify(report, null, 2)).not.toBe("pass");
  });
}
