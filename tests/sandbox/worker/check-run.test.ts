import { describe, expect, it, vi } from "vitest";
import { runCheckInWorker } from "../../../sandbox/engines/worker/check-run";
import type { CheckRunOptions } from "../../../sandbox/engines/worker/check-run";
import type { HostMessage } from "../../../sandbox/engines/worker/protocol";
import { FakeChannel } from "./fake-channel";

const plan: HostMessage = { type: "event", event: { type: "plan", checks: [{ name: "GET / says hello", task: 1 }, { name: "GET /users", task: 2, hint: "Add the route." }] } };
const firstStart = { type: "event", event: { type: "check-start", name: "GET / says hello" } } as const;
const firstDone = { type: "event", event: { type: "check-end", result: { name: "GET / says hello", task: 1, status: "pass" } } } as const;

function options(overrides: Partial<CheckRunOptions> = {}): CheckRunOptions {
  return { files: { "app.ts": "x" }, timeoutMs: 200, checkTimeoutMs: 100, outputLimitBytes: 1000, onOutput: () => {}, ...overrides };
}

describe("runCheckInWorker", () => {
  it("posts the run's files and limits, passes output on, and returns the host's report", async () => {
    const onOutput = vi.fn();
    const worker = new FakeChannel((_message, channel) => channel.emit(
      { type: "output", text: "hello\n" },
      { type: "report", report: { status: "pass", durationMs: 3, checks: [{ name: "a", status: "pass" }] } },
    ));
    const report = await runCheckInWorker(worker, options({ onOutput, timeoutMs: 10_000 }));
    expect(report).toEqual({ status: "pass", durationMs: 3, checks: [{ name: "a", status: "pass" }] });
    expect(onOutput).toHaveBeenCalledWith("hello\n");
    expect(worker.posted).toEqual([{ type: "check", files: { "app.ts": "x" }, entry: undefined, checkTimeoutMs: 100, budgetMs: 8500 }]);
  });

  it("turns a report that does not match the schema into an error", async () => {
    const worker = new FakeChannel((_message, channel) => channel.emit({ type: "report", report: { status: "great" } }));
    const report = await runCheckInWorker(worker, options());
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/did not match the expected shape/);
  });

  it("stops a run that never reports, naming the check that was running and skipping the rest", async () => {
    const worker = new FakeChannel((_message, channel) => channel.emit(plan, firstStart, firstDone, { type: "event", event: { type: "check-start", name: "GET /users" } }));
    const report = await runCheckInWorker(worker, options({ timeoutMs: 50 }));
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/The check "GET \/users" did not finish within 0.1 s/);
    expect(report.checks.map((check) => check.status)).toEqual(["pass", "error"]);
    expect(report.checks[1]).toMatchObject({ hint: "Add the route." });
  });

  it("says the code did not finish loading when it never got to the checks", async () => {
    const report = await runCheckInWorker(new FakeChannel(), options({ timeoutMs: 30 }));
    expect(report.message).toMatch(/did not finish loading/);
  });

  it("ends the run when the output limit is passed", async () => {
    const worker = new FakeChannel((_message, channel) => channel.emit({ type: "output", text: "x".repeat(1000) }, { type: "output-exceeded" }));
    const report = await runCheckInWorker(worker, options());
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/printed more than 1 KB of output/);
  });

  it("ends the run at process.exit(), naming where it was called", async () => {
    const worker = new FakeChannel((_message, channel) => channel.emit(plan, { type: "event", event: { type: "exit", code: 2, at: "app.ts:4:3" } }, { type: "report", report: { status: "pass", durationMs: 1, checks: [] } }));
    const report = await runCheckInWorker(worker, options());
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/process\.exit\(2\) at app\.ts:4:3/);
  });

  it("reports a worker that died on its own", async () => {
    const worker = new FakeChannel((_message, channel) => {
      channel.emit({ type: "output", text: "allocating\n" });
      channel.crash("out of memory");
    });
    const report = await runCheckInWorker(worker, options());
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/stopped before the checks finished: out of memory[\s\S]*allocating/);
  });

  it("ends at once when the worker is terminated with a reason (the sandbox was disposed)", async () => {
    const worker = new FakeChannel(() => worker.terminate("the sandbox was disposed"));
    const report = await runCheckInWorker(worker, options({ timeoutMs: 60_000 }));
    expect(report.message).toMatch(/the sandbox was disposed/);
  });

  it("reports a worker that could not load the payload, without running anything", async () => {
    const worker = new FakeChannel(undefined, "fails");
    const report = await runCheckInWorker(worker, options());
    expect(report.message).toMatch(/The sandbox could not start: could not load/);
    expect(worker.posted).toEqual([]);
  });

  it("goes by the report from the private port, whatever the code posted itself", async () => {
    const worker = new FakeChannel((_message, channel) => {
      channel.untrustedMessages = 3;
      channel.emit({ type: "report", report: { status: "fail", durationMs: 1, checks: [{ name: "a", status: "fail" }] } });
    });
    expect((await runCheckInWorker(worker, options())).status).toBe("fail");
  });
});
