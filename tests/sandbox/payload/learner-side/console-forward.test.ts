import { describe, expect, it } from "vitest";
import { forwardConsole } from "../../../../sandbox/payload/learner-side/console-forward";
import type { LearnerMessage } from "../../../../sandbox/payload/realm/messages";

/** A console that records what it printed, standing in for a learner realm's own. */
function fakeConsole(): { console: Console; printed: [string, unknown[]][] } {
  const printed: [string, unknown[]][] = [];
  const target = {} as Record<string, (...args: unknown[]) => void>;
  for (const name of ["log", "info", "debug", "warn", "error"]) target[name] = (...args) => void printed.push([name, args]);
  return { console: target as unknown as Console, printed };
}

describe("forwardConsole (the app's log, sent to the grader)", () => {
  it("still prints, and sends each call's text, formatted as Node prints it, with its stream", () => {
    const { console, printed } = fakeConsole();
    const sent: LearnerMessage[] = [];
    forwardConsole(console, (message) => sent.push(message));
    console.log(JSON.stringify({ level: "info", path: "/notes" }));
    console.info("%d requests", 3);
    console.error("Unhandled error", new TypeError("boom"));
    expect(printed.map(([name]) => name)).toEqual(["log", "info", "error"]);
    expect(sent[0]).toEqual({ type: "log", stream: "stdout", text: '{"level":"info","path":"/notes"}' });
    expect(sent[1]).toEqual({ type: "log", stream: "stdout", text: "3 requests" });
    expect(sent[2]).toMatchObject({ type: "log", stream: "stderr" });
    expect((sent[2] as { text: string }).text).toMatch(/^Unhandled error TypeError: boom\n\s+at /);
  });

  it("cuts a huge text, so one call cannot make the message invalid", () => {
    const { console } = fakeConsole();
    const sent: LearnerMessage[] = [];
    forwardConsole(console, (message) => sent.push(message));
    console.warn("x".repeat(2_000_000));
    expect((sent[0] as { text: string }).text.length).toBeLessThanOrEqual(100_001);
  });
});
