/**
 * The checks' fake clock lives in the grader's process; the learner's app runs in another. A
 * check's `clock.advance()` must still reach the app's `Date.now` (rate-limit windows, session
 * ages), or a lesson could only test a window by waiting it out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeSandbox } from "../../../../sandbox/engines/node/index";

const APP = `import { Vial, rateLimit } from "vial";
export const app = new Vial();
app.use(rateLimit({ window: 60, max: 2, name: "hits" }));
app.get("/now", () => String(Date.now()));
`;

const CHECKS = `import { check, clock, expect, http } from "grader";
import { app } from "./app";
check("Date.now in the app follows clock.advance", async () => {
  const before = parseInt((await http(app).get("/now")).text, 10);
  clock.advance(120);
  const after = parseInt((await http(app).get("/now")).text, 10);
  expect(after - before, "how far the app's clock moved, in ms").toBeGreaterThan(119_999);
  expect(after - before, "how far the app's clock moved, in ms").toBeLessThan(130_000);
});
check("a rate-limit window is crossed without waiting", async () => {
  clock.advance(61);
  const client = http(app);
  await client.get("/now");
  await client.get("/now");
  expect((await client.get("/now")).status, "third hit in the window").toBe(429);
  clock.advance(61);
  expect((await client.get("/now")).status, "first hit after the window").toBe(200);
});
`;

describe("the fake clock across the realm split (node engine)", () => {
  let sandbox: NodeSandbox;
  beforeAll(() => {
    sandbox = new NodeSandbox({ timeoutMs: 8000 });
  });
  afterAll(() => sandbox.dispose());

  it("reaches the learner's Date.now", async () => {
    await sandbox.load({ files: { "app.ts": APP }, checks: CHECKS });
    const report = await sandbox.check();
    expect(report.checks.map((check) => [check.name, check.status, check.message])).toEqual([
      ["Date.now in the app follows clock.advance", "pass", undefined],
      ["a rate-limit window is crossed without waiting", "pass", undefined],
    ]);
  }, 30_000);
});
