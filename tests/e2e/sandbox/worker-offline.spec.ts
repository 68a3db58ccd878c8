/**
 * The worker engine needs no network once the site has been loaded: after one online visit the
 * page is reloaded with the browser offline, and it still loads the engine, grades and serves
 * the preview. The harness server counts requests, which proves nothing came from it meanwhile.
 * What "offline" means is asserted by a request failing, not by `navigator.onLine`: some
 * Chromium versions keep reporting "online" under Playwright's offline emulation.
 */
import { expect, test } from "@playwright/test";
import { PASSING_WORKSPACE } from "../../sandbox/contract-fixtures";

/** What the harness server has answered so far ("GET /path", in order). */
async function served(baseURL: string): Promise<string[]> {
  const response = await fetch(new URL("/__requests", baseURL));
  return ((await response.json()) as { paths: string[] }).paths;
}

test("the worker engine loads, checks and previews offline after one visit", async ({ context, page, baseURL }) => {
  await page.goto("/");
  await page.evaluate(() => window.harness.ready());
  // The first visit fetches the payload's bundles, which the Service Worker keeps.
  await page.evaluate(async (workspace) => {
    await window.harness.create("worker");
    await window.harness.sandbox().load(workspace);
  }, PASSING_WORKSPACE);

  await context.setOffline(true);
  const before = await served(baseURL!);
  await page.reload();
  const report = await page.evaluate(async (workspace) => {
    await window.harness.ready();
    await window.harness.create("worker");
    const sandbox = window.harness.sandbox();
    await sandbox.load(workspace);
    const report = await sandbox.check();
    const { url } = await sandbox.start();
    const home = await (await fetch(url)).text();
    const network = await fetch(`/__requests?probe=${Date.now()}`, { cache: "no-store" }).then(() => "answered", () => "failed");
    return { status: report.status, home, network };
  }, PASSING_WORKSPACE);

  expect(report.network, "a request to the server while offline").toBe("failed");
  expect(report.status).toBe("pass");
  expect(report.home).toContain("Hello from Vial");
  expect((await served(baseURL!)).slice(before.length), "requests the server answered while offline").toEqual([]);
  await context.setOffline(false);
});

test("in this browser a plain Request drops Cookie and a Response drops Set-Cookie (why the engine has its own)", async ({ page }) => {
  await page.goto("/");
  const seen = await page.evaluate(() => ({
    cookie: new Request("http://x.test/", { headers: { cookie: "a=1" } }).headers.get("cookie"),
    setCookie: new Response("", { headers: { "set-cookie": "a=1" } }).headers.get("set-cookie"),
  }));
  expect(seen).toEqual({ cookie: null, setCookie: null });
});
