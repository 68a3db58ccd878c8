/**
 * The sandbox contract (tests/sandbox/contract-cases.ts), the cookie scenarios and the
 * browser-only scenarios, run against the worker engine in headless Chromium through the
 * harness page (harness-server.ts). One page and one sandbox for the whole file, as in the
 * node engine's suite, so each scenario also proves the sandbox survived the ones before.
 */
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { contractScenarios } from "../../sandbox/contract-cases";
import { cookieScenarios } from "../../sandbox/cookie-cases";
import { browserScenarios } from "./harness/browser-cases";

test.describe.configure({ mode: "serial" });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  page.on("pageerror", (error) => console.error("page error:", error));
  await page.goto("/");
  await page.evaluate(() => window.harness.ready());
  // Short limits keep the suite quick; the scenarios do not depend on their values.
  await page.evaluate(() => window.harness.create("worker", { timeoutMs: 4000, checkTimeoutMs: 1000, outputLimitBytes: 200_000 }));
});

test.afterAll(async () => {
  await page.close();
});

test("the harness offers every scenario", async () => {
  const names = await page.evaluate(() => window.harness.names());
  expect(names).toEqual([...contractScenarios, ...cookieScenarios, ...browserScenarios].map((scenario) => scenario.name));
});

for (const scenario of [...contractScenarios, ...cookieScenarios, ...browserScenarios]) {
  test(`worker engine: ${scenario.name}`, async () => {
    test.setTimeout(scenario.slow ? 60_000 : 30_000);
    await page.evaluate((name) => window.harness.run(name), scenario.name);
  });
}
