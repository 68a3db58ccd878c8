import { describe, expect, it } from "vitest";
import { createAppLog } from "../../../sandbox/grader/app-log";
import { isCheckFailure } from "../../../sandbox/grader/failure";

describe("createAppLog (what checks read with appLog.lines())", () => {
  it("gives what was printed as lines, in order, across texts with one or several lines", async () => {
    const log = createAppLog();
    log.record('{"n":1}');
    log.record('{"n":2}\n{"n":3}');
    log.record("Error: boom\r\n    at handler (app.ts:7:9)");
    expect(await log.api.lines()).toEqual(['{"n":1}', '{"n":2}', '{"n":3}', "Error: boom", "    at handler (app.ts:7:9)"]);
  });

  it("waits for what is still on its way before reading", async () => {
    const log = createAppLog(async () => {
      await Promise.resolve();
      log.record("printed just before the response");
    });
    expect(await log.api.lines()).toEqual(["printed just before the response"]);
  });

  it("starts afresh for each check", async () => {
    const log = createAppLog();
    log.record("from the last check");
    log.reset();
    log.record("from this one");
    expect(await log.api.lines()).toEqual(["from this one"]);
  });

  it("fails the check when the app printed more than it keeps, so a secret cannot hide past a cut", async () => {
    const log = createAppLog();
    log.record("password=hunter2");
    for (let i = 0; i < 3; i++) log.record("x".repeat(100_000));
    log.record("small");
    const read = await log.api.lines().then(() => undefined, (error: unknown) => error);
    expect(isCheckFailure(read)).toBe(true);
    expect(String(read)).toMatch(/more than 256,000 characters/);
    log.reset();
    log.record("fresh");
    expect(await log.api.lines()).toEqual(["fresh"]);
  });
});
