/**
 * Each file in tests/sandbox/attacks/realm/ is a learner's app.ts that tries to forge a pass
 * from the learner's realm without implementing the route: patched intrinsics, fake report
 * messages and lines, hijacked ports, rewritten messages, process.exit or self.close() after a
 * fake report, an endless loop (the node-only ones, which read the heap or hook stdout, fail to
 * load in a Worker and count too). In the worker engine, in Chromium, none may pass, and a real
 * fix right after must pass, so the sandbox is not left broken. The node engine runs the same
 * files (tests/sandbox/engines/node/forgery.test.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";

const ATTACKS = "tests/sandbox/attacks/realm";

const CHECKS = `import { check, expect, http } from "grader";
import { app } from "./app";
check("GET / says hello", async () => {
  const res = await http(app).get("/");
  expect(res.status, "status of GET /").toBe(200);
  expect(res.text, "body of GET /").toContain("Hello");
}, { task: 1 });
`;

const HONEST_APP = `import { Vial } from "vial";\nexport const app = new Vial();\napp.get("/", () => "Hello");\n`;

const attacks = readdirSync(ATTACKS).filter((name) => name.endsWith(".ts")).sort();

test.describe.configure({ mode: "serial" });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await page.goto("/");
  await page.evaluate(() => window.harness.ready());
  await page.evaluate(() => window.harness.create("worker", { timeoutMs: 8000, checkTimeoutMs: 1500 }));
});

test.afterAll(async () => {
  await page.close();
});

test("the browser forgeries are there, and the honest app passes these checks", async () => {
  expect(attacks).toEqual(expect.arrayContaining(["worker-capture-ports.ts", "worker-close-after-report.ts", "worker-fake-report-message.ts", "worker-rewrite-messages.ts"]));
  const report = await page.evaluate(async (workspace) => {
    await window.harness.sandbox().load(workspace);
    return window.harness.sandbox().check();
  }, { files: { "app.ts": HONEST_APP }, checks: CHECKS });
  expect(report.status, JSON.stringify(report, null, 2)).toBe("pass");
});

for (const file of attacks) {
  test(`${file} does not pass, and the sandbox grades a real fix afterwards`, async () => {
    const source = readFileSync(join(ATTACKS, file), "utf8");
    const { forged, fixed } = await page.evaluate(async ({ workspace, honest }) => {
      const sandbox = window.harness.sandbox();
      await sandbox.load(workspace);
      const forged = await sandbox.check();
      await sandbox.write("app.ts", honest);
      return { forged, fixed: await sandbox.check() };
    }, { workspace: { files: { "app.ts": source }, checks: CHECKS }, honest: HONEST_APP });
    expect(["fail", "error"], JSON.stringify(forged, null, 2)).toContain(forged.status);
    expect(forged.checks.filter((check) => check.status === "pass")).toEqual([]);
    expect(fixed.status, JSON.stringify(fixed, null, 2)).toBe("pass");
  });
}
