import { describe, expect, it, vi } from "vitest";
import { watchHostProcess } from "../../../sandbox/engines/webcontainer/host-process";
import type { ProcessLike } from "../../../sandbox/engines/webcontainer/types";
import { createMarker } from "../../../sandbox/payload/protocol";

const NONCE = "n0nce-_x";

/** A process whose output is written by the test; like WebContainers', the stream never closes. */
function fakeProcess() {
  let push: (chunk: string) => void = () => {};
  let exitWith: (code: number) => void = () => {};
  const kill = vi.fn(() => exitWith(137));
  const process: ProcessLike = {
    output: new ReadableStream<string>({ start: (controller) => void (push = (chunk) => controller.enqueue(chunk)) }),
    exit: new Promise<number>((resolve) => (exitWith = resolve)),
    input: new WritableStream(),
    kill,
    resize: () => {},
  };
  return { process, push: (chunk: string) => push(chunk), exit: (code: number) => exitWith(code), kill };
}

const report = { status: "pass", durationMs: 2, checks: [] };

describe("watchHostProcess", () => {
  it("splits terminal output (\\r\\n) into the learner's text and the report, and ends at exit", async () => {
    const { process, push, exit } = fakeProcess();
    const onOutput = vi.fn();
    const run = watchHostProcess(process, { nonce: NONCE, outputLimitBytes: 10_000, onOutput, drainMs: 20 });
    push("hello\r\n");
    push(createMarker(NONCE, "event", { type: "plan", checks: [] }).replace(/\n/g, "\r\n"));
    push(createMarker(NONCE, "report", report).replace(/\n/g, "\r\n"));
    await new Promise((resolve) => setTimeout(resolve, 10));
    exit(0);
    const outcome = await run.outcome;
    expect(outcome.report).toEqual(report);
    expect(outcome.events).toEqual([{ type: "plan", checks: [] }]);
    expect(outcome.code).toBe(0);
    expect(onOutput.mock.calls.map(([text]) => text).join("")).toBe("hello\n");
  });

  it("still finds the report when the terminal dropped the marker's NUL, but never without the nonce", async () => {
    const { process, push, exit } = fakeProcess();
    const run = watchHostProcess(process, { nonce: NONCE, outputLimitBytes: 10_000, onOutput: () => {}, drainMs: 20 });
    push(`VIAL:report guessed ${JSON.stringify({ ...report, status: "fail" })}\r\n`);
    push(createMarker(NONCE, "report", report).split("\u0000").join(""));
    await new Promise((resolve) => setTimeout(resolve, 10));
    exit(0);
    expect((await run.outcome).report).toEqual(report);
  });

  it("kills a run that overruns its time", async () => {
    const { process, kill } = fakeProcess();
    const run = watchHostProcess(process, { nonce: NONCE, timeoutMs: 30, outputLimitBytes: 10_000, onOutput: () => {}, drainMs: 5 });
    const outcome = await run.outcome;
    expect(outcome.timedOut).toBe(true);
    expect(kill).toHaveBeenCalled();
  });

  it("kills a run that prints past the limit, keeping the tail for the message", async () => {
    const { process, push, kill } = fakeProcess();
    const onOutput = vi.fn();
    const run = watchHostProcess(process, { nonce: NONCE, outputLimitBytes: 100, onOutput, drainMs: 5 });
    for (let i = 0; i < 20; i++) push(`line ${i}\r\n`);
    const outcome = await run.outcome;
    expect(outcome.outputExceeded).toBe(true);
    expect(kill).toHaveBeenCalled();
    expect(outcome.tail).toContain("line 1");
  });

  it("counts report-like lines without the nonce as forged", async () => {
    const { process, push, exit } = fakeProcess();
    const run = watchHostProcess(process, { nonce: NONCE, outputLimitBytes: 10_000, onOutput: () => {}, drainMs: 20 });
    push(createMarker("not-the-nonce", "report", report));
    await new Promise((resolve) => setTimeout(resolve, 10));
    exit(1);
    const outcome = await run.outcome;
    expect(outcome.report).toBeUndefined();
    expect(outcome.forgedLines).toBe(1);
  });
});
