/**
 * Engine choice in a real, cross-origin isolated page, with StackBlitz blocked so WebContainer
 * boot hangs as it does offline (it never fails on its own): the picker must fall back to the
 * worker engine and say why, and the WebContainer engine must fail with a clear error.
 */
import { expect, test } from "@playwright/test";
import { PASSING_WORKSPACE } from "../../sandbox/contract-fixtures";

test.beforeEach(async ({ context }) => {
  await context.route(/stackblitz\.com|webcontainer/, (route) => route.abort());
});

test("with StackBlitz unreachable, the picker falls back to the worker engine and says why", async ({ page }) => {
  await page.goto("/");
  const choice = await page.evaluate(() => window.harness.pick(2000));
  expect(choice).toEqual({ kind: "worker", reason: "Using the worker engine: StackBlitz did not answer within 2 s.", isolated: true });
});

test("choosing the worker engine does not contact StackBlitz", async ({ page }) => {
  const contacted: string[] = [];
  page.on("request", (request) => {
    if (/stackblitz/.test(request.url())) contacted.push(request.url());
  });
  await page.goto("/");
  const choice = await page.evaluate(() => window.harness.pick(2000, "worker"));
  expect(choice.reason).toBe("Using the worker engine: you chose worker.");
  expect(contacted).toEqual([]);
});

test("the WebContainer engine fails with a clear error when StackBlitz does not answer", async ({ page }) => {
  await page.goto("/");
  const failure = await page.evaluate(async (workspace) => {
    await window.harness.create("webcontainer", { bootTimeoutMs: 2000 });
    return window.harness.sandbox().load(workspace).then(() => "loaded", (error: Error) => error.message);
  }, PASSING_WORKSPACE);
  expect(failure).toMatch(/^StackBlitz did not answer within 2 s, so WebContainers could not start\..*reload the page/);
});
