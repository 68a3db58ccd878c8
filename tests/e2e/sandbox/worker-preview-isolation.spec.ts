/**
 * The worker engine's preview runs the learner's HTML in an opaque origin with no network
 * (sandbox/engines/worker/preview-policy.ts): a hostile app's script in the preview can read or
 * write none of the site's storage, reach neither the page nor the Service Worker's caches, and
 * send nothing off-site. After a reload the site's data and cached files are as they were.
 */
import { expect, test } from "@playwright/test";
import { startCountingServer } from "../support/counting-server";
import type { CountingServer } from "../support/counting-server";

/** The iframe attributes the site's preview panel uses (site/workspace/preview-panel.tsx). */
const PREVIEW_SANDBOX = "allow-scripts allow-forms allow-popups allow-modals allow-same-origin";

const attackingApp = (offSite: string) => `import { Vial } from "vial";
export const app = new Vial();
const ATTACK = ${JSON.stringify(`
const OFF = ${JSON.stringify(offSite)};
const tried = {};
const now = (name, action) => { try { tried[name] = "reached: " + String(action()).slice(0, 60); } catch (error) { tried[name] = error.name; } };
const later = async (name, action) => { try { tried[name] = "reached: " + String(await action()).slice(0, 60); } catch (error) { tried[name] = error?.name ?? String(error); } };
(async () => {
  tried.origin = self.origin;
  now("readLocalStorage", () => localStorage.getItem("learn-vial:probe"));
  now("writeLocalStorage", () => localStorage.setItem("learn-vial:probe", "owned"));
  now("parentDocument", () => parent.document.title);
  now("parentLocalStorage", () => parent.localStorage.getItem("learn-vial:probe"));
  await later("indexedDB", () => new Promise((resolve, reject) => { const open = indexedDB.open("site-data"); open.onsuccess = () => resolve("opened"); open.onerror = () => reject(open.error); }));
  await later("cachesKeys", () => caches.keys());
  await later("cachesWrite", async () => { const cache = await caches.open("sandbox-harness"); await cache.put("/harness.js", new Response("document.title = 'owned'")); return "written"; });
  await later("serviceWorker", () => navigator.serviceWorker.register("/preview/evil-sw.js"));
  await later("fetchOffSite", () => fetch(OFF + "/fetch").then((response) => response.status));
  await later("fetchSite", () => fetch("/").then((response) => response.status));
  await later("imageOffSite", () => new Promise((resolve, reject) => { const image = new Image(); image.onload = resolve; image.onerror = () => reject({ name: "error event" }); image.src = OFF + "/image.png"; }));
  now("beacon", () => navigator.sendBeacon(OFF + "/beacon", "x"));
  parent.postMessage({ tried }, "*");
})();
`)};
app.get("/", () => new Response("<h1>Innocent</h1><script>" + ATTACK + "</script>", { headers: { "content-type": "text/html; charset=utf-8" } }));
`;

let offSite: CountingServer;
test.beforeAll(async () => {
  offSite = await startCountingServer();
});
test.afterAll(async () => {
  await offSite.close();
});

/** What the harness page keeps: a localStorage item, an IndexedDB record, its cached script. */
async function siteData(page: import("@playwright/test").Page) {
  return page.evaluate(async () => {
    const record = await new Promise<unknown>((resolve, reject) => {
      const open = indexedDB.open("site-data", 1);
      open.onupgradeneeded = () => open.result.createObjectStore("kv");
      open.onsuccess = () => {
        const read = open.result.transaction("kv").objectStore("kv").get("work");
        read.onsuccess = () => resolve(read.result);
        read.onerror = () => reject(read.error);
      };
      open.onerror = () => reject(open.error);
    });
    const cached = await (await caches.open("sandbox-harness")).match("/harness.js");
    return { localStorage: localStorage.getItem("learn-vial:probe"), record, cachedScript: (await cached?.text())?.length ?? 0, caches: await caches.keys() };
  });
}

test("a preview app's script reaches none of the site's storage, page, caches or the network", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => window.harness.ready());
  await page.evaluate(async () => {
    localStorage.setItem("learn-vial:probe", "site");
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open("site-data", 1);
      open.onupgradeneeded = () => open.result.createObjectStore("kv");
      open.onsuccess = () => {
        const transaction = open.result.transaction("kv", "readwrite");
        transaction.objectStore("kv").put({ files: { "app.ts": "mine" } }, "work");
        transaction.oncomplete = () => resolve();
      };
      open.onerror = () => reject(open.error);
    });
  });
  const before = await siteData(page);
  expect(before.localStorage).toBe("site");
  expect(before.cachedScript).toBeGreaterThan(0);

  const tried = await page.evaluate(async ({ app, sandboxFlags }) => {
    await window.harness.create("worker");
    const sandbox = window.harness.sandbox();
    await sandbox.load({ files: { "app.ts": app }, checks: "" });
    const { url } = await sandbox.start();
    const frame = document.createElement("iframe");
    frame.setAttribute("sandbox", sandboxFlags);
    frame.src = url;
    const reported = new Promise<Record<string, string>>((resolve) => {
      addEventListener("message", (event) => {
        if (event.source === frame.contentWindow) resolve((event.data as { tried: Record<string, string> }).tried);
      });
    });
    document.body.append(frame);
    return reported;
  }, { app: attackingApp(offSite.origin), sandboxFlags: PREVIEW_SANDBOX });

  expect(tried).toEqual({
    origin: "null",
    readLocalStorage: "SecurityError",
    writeLocalStorage: "SecurityError",
    parentDocument: "SecurityError",
    parentLocalStorage: "SecurityError",
    indexedDB: "SecurityError",
    cachesKeys: "SecurityError",
    cachesWrite: "SecurityError",
    serviceWorker: "SecurityError",
    fetchOffSite: "TypeError",
    fetchSite: "TypeError",
    imageOffSite: "error event",
    // sendBeacon only queues (true); the policy drops the request: the off-site count stays 0.
    beacon: "reached: true",
  });
  expect(offSite.hits).toEqual([]);

  await page.reload();
  await page.evaluate(() => window.harness.ready());
  expect(await page.title()).toBe("Sandbox harness");
  expect(await siteData(page)).toEqual(before);
  expect(offSite.hits).toEqual([]);
});
