/**
 * Learner code in the worker engine is confined by the runner page's policy and opaque origin
 * (sandbox/engines/worker/runner-page.ts), not by deleting globals: every global is there, and
 * every route to the network or to storage fails anyway. An off-site server counts what reached
 * it: nothing may.
 */
import { expect, test } from "@playwright/test";
import { startCountingServer } from "../support/counting-server";
import type { CountingServer } from "../support/counting-server";

/** Each probe returns what happened: "reached: …" if it got through, else the error's name. */
const probes = (offSite: string) => `
const OFF = ${JSON.stringify(offSite)};
const outcome = (promise: Promise<unknown>) => Promise.resolve().then(() => promise).then((value) => "reached: " + String(value).slice(0, 40), (error: any) => String(error?.name ?? error));
const failsNow = (action: () => unknown) => { try { return "reached: " + String(action()).slice(0, 40); } catch (error: any) { return String(error?.name ?? error); } };
export async function probe() {
  return {
    origin: self.origin,
    globalsPresent: [typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof indexedDB, typeof FontFace].join(" "),
    fetch: await outcome(fetch(OFF + "/fetch")),
    fetchRestoredFromPrototype: await outcome(Object.getPrototypeOf(self).fetch?.call(self, OFF + "/proto") ?? Promise.reject({ name: "absent" })),
    xhr: failsNow(() => { const request = new XMLHttpRequest(); request.open("GET", OFF + "/xhr", false); request.send(); return request.status; }),
    webSocket: await outcome(new Promise((resolve, reject) => { const socket = new WebSocket(OFF.replace("http", "ws") + "/ws"); socket.onopen = resolve; socket.onerror = () => reject({ name: "error event" }); })),
    importCall: await outcome(import(/* @vite-ignore */ OFF + "/import.js")),
    evalImport: await outcome((0, eval)("import(" + JSON.stringify(OFF + "/eval-import.js") + ")")),
    functionImport: await outcome(new Function("u", "return import(u)")(OFF + "/function-import.js")),
    importScripts: failsNow(() => (self as any).importScripts(OFF + "/import-scripts.js")),
    nestedWorker: failsNow(() => new Worker(OFF + "/worker.js")),
    fontFace: await outcome(new FontFace("probe", "url(" + OFF + "/font.woff2)").load()),
    indexedDB: failsNow(() => indexedDB.open("learn-vial")),
    caches: typeof (self as any).caches,
    storageManager: typeof (navigator as any).storage,
    fileSystem: await outcome(new Promise((resolve, reject) => (self as any).webkitRequestFileSystem(0, 1024, resolve, reject))),
  };
}
`;

const APP = `import { Vial } from "vial";
import { probe } from "./probe";
export const app = new Vial();
app.get("/", async () => probe());
`;

/** What Chromium answers in the runner's Workers (measured; see sandbox/README.md). */
const EXPECTED = {
  origin: "null",
  globalsPresent: "function function function object function",
  fetch: "TypeError",
  fetchRestoredFromPrototype: "TypeError",
  xhr: "NetworkError",
  webSocket: "error event",
  // The module loader turns a literal import() into its own require, which refuses URLs; the
  // spellings it cannot see reach the browser, and the policy refuses them.
  importCall: "LearnerCodeError",
  evalImport: "TypeError",
  functionImport: "TypeError",
  importScripts: "NetworkError",
  nestedWorker: "SecurityError",
  fontFace: "NetworkError",
  indexedDB: "SecurityError",
  caches: "undefined",
  storageManager: "undefined",
  fileSystem: "SecurityError",
};

const CHECKS = `import { check, expect, http } from "grader";
import { app } from "./app";
check("every route out of the sandbox fails", async () => {
  expect((await http(app).get("/")).json()).toEqual(${JSON.stringify(EXPECTED)});
});
`;

let offSite: CountingServer;
test.beforeAll(async () => {
  offSite = await startCountingServer();
});
test.afterAll(async () => {
  await offSite.close();
});

test("learner code reaches neither the network nor storage, in checks and in the preview", async ({ page }) => {
  await page.goto("/");
  const outcome = await page.evaluate(async ({ app, probe, checks }) => {
    await window.harness.ready();
    await window.harness.create("worker");
    const sandbox = window.harness.sandbox();
    await sandbox.load({ files: { "app.ts": app, "probe.ts": probe }, checks });
    const report = await sandbox.check();
    const { url } = await sandbox.start();
    const preview = await (await fetch(url)).json();
    return { report, preview };
  }, { app: APP, probe: probes(offSite.origin), checks: CHECKS });
  // The preview's app runs in the same kind of Worker as the checks.
  expect(outcome.preview).toEqual(EXPECTED);
  expect(outcome.report.checks[0]?.message ?? "").toBe("");
  expect(outcome.report.status).toBe("pass");
  expect(offSite.hits).toEqual([]);
});

test("sessions still sign and verify: the runner lends Web Crypto to its Workers", async ({ page }) => {
  await page.goto("/");
  const report = await page.evaluate(async () => {
    await window.harness.ready();
    await window.harness.create("worker");
    const sandbox = window.harness.sandbox();
    await sandbox.load({
      files: { "app.ts": "export const app = {};\n" },
      checks: `import { check, expect } from "grader";
check("HMAC, digest and randomUUID work without a secure context", async () => {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode("secret"), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  const signature = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode("hello"));
  expect(await crypto.subtle.verify("HMAC", key, signature, new TextEncoder().encode("hello"))).toBe(true);
  expect(await crypto.subtle.verify("HMAC", key, signature, new TextEncoder().encode("hellO"))).toBe(false);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode("abc")));
  expect(Array.from(digest.slice(0, 4))).toEqual([0xba, 0x78, 0x16, 0xbf]);
  expect(crypto.randomUUID()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
`,
    });
    return sandbox.check();
  });
  expect(report.checks[0]?.message ?? "").toBe("");
  expect(report.status).toBe("pass");
});
