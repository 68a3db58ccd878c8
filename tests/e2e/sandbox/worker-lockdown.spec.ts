/**
 * Learner code in the worker engine runs on the site's origin: it must not reach the network,
 * the site's storage or other pages. The checks here run inside the sandbox, as a lesson's would.
 */
import { expect, test } from "@playwright/test";

const APP = `import { Vial } from "vial";
export const app = new Vial();
app.get("/", () => ({
  fetch: typeof fetch, xhr: typeof XMLHttpRequest, socket: typeof WebSocket, idb: typeof indexedDB,
  caches: typeof caches, channel: typeof BroadcastChannel, worker: typeof Worker,
  storage: typeof navigator.storage,
}));
`;

const CHECKS = `import { check, expect, http } from "grader";
import { app } from "./app";
check("nothing reaches past the sandbox", async () => {
  const seen = (await http(app).get("/")).json();
  expect(seen).toEqual({ fetch: "undefined", xhr: "undefined", socket: "undefined", idb: "undefined", caches: "undefined", channel: "undefined", worker: "undefined", storage: "undefined" });
}, { task: 1 });
`;

test("learner code has no network, storage or messaging", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => window.harness.ready());
  const report = await page.evaluate(async ({ app, checks }) => {
    await window.harness.create("worker");
    const sandbox = window.harness.sandbox();
    await sandbox.load({ files: { "app.ts": app }, checks });
    return sandbox.check();
  }, { app: APP, checks: CHECKS });
  expect(report.checks[0]?.message ?? "").toBe("");
  expect(report.status).toBe("pass");
});
