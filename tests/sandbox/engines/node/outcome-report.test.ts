import { describe, expect, it } from "vitest";
import { reportFromOutcome } from "../../../../sandbox/engines/node/outcome-report";
import type { HostOutcome } from "../../../../sandbox/engines/node/run-host";
import type { HostEvent } from "../../../../sandbox/payload/protocol";

const limits = { timeoutMs: 10_000, memoryMb: 256, outputLimitBytes: 1_000_000 };

function outcome(overrides: Partial<HostOutcome>): HostOutcome {
  return { events: [], code: 0, signal: null, timedOut: false, outputExceeded: false, forgedLines: 0, tail: "", durationMs: 5, ...overrides };
}

const plan: HostEvent = { type: "plan", checks: [{ name: "one", task: 1 }, { name: "two", task: 2, hint: "Hint two." }, { name: "three", task: 3 }] };
const firstPassed: HostEvent[] = [plan, { type: "check-start", name: "one" }, { type: "check-end", result: { name: "one", task: 1, status: "pass" } }, { type: "check-start", name: "two" }];

describe("reportFromOutcome", () => {
  it("trusts the grader's report when there is one", () => {
    const report = { status: "pass", durationMs: 3, checks: [{ name: "one", status: "pass" }] };
    expect(reportFromOutcome(outcome({ report }), limits)).toEqual(report);
  });

  it("names the check that was running when the run timed out, keeping the finished ones", () => {
    const report = reportFromOutcome(outcome({ timedOut: true, signal: "SIGKILL", code: null, events: firstPassed }), limits);
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/^The check "two" did not finish within 10 s/);
    expect(report.checks.map((c) => c.status)).toEqual(["pass", "error", "skip"]);
    expect(report.checks[1]).toMatchObject({ name: "two", task: 2, hint: "Hint two." });
  });

  it("says the code did not finish loading when it timed out before any check", () => {
    expect(reportFromOutcome(outcome({ timedOut: true }), limits).message).toMatch(/did not finish loading within 10 s/);
  });

  it("blames process.exit with where it was called, even when a report got out", () => {
    const report = reportFromOutcome(outcome({ events: [...firstPassed, { type: "exit", code: 3, at: "app.ts:7:5" }], report: { status: "pass", durationMs: 1, checks: [] } }), limits);
    expect(report.message).toMatch(/^Your code called process\.exit\(3\) at app\.ts:7:5 before the checks finished/);
    expect(report.checks[1]?.status).toBe("error");
  });

  it("says when the output limit stopped the run, with the tail of the output", () => {
    const report = reportFromOutcome(outcome({ outputExceeded: true, tail: "spam 99999" }), limits);
    expect(report.message).toMatch(/printed more than 1 MB of output/);
    expect(report.message).toContain("spam 99999");
  });

  it("reads a segmentation fault as running out of memory (the memory cap ends node that way)", () => {
    const report = reportFromOutcome(outcome({ code: null, signal: "SIGSEGV" }), limits);
    expect(report.message).toMatch(/ran out of memory \(the limit is 256 MB/);
  });

  it("recognises running out of memory", () => {
    const report = reportFromOutcome(outcome({ code: 134, tail: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory" }), limits);
    expect(report.message).toMatch(/ran out of memory \(the limit is 256 MB\)/);
  });

  it("reports an exit without a report, and mentions ignored look-alike reports", () => {
    const report = reportFromOutcome(outcome({ code: 0, forgedLines: 1 }), limits);
    expect(report.message).toMatch(/ended without a grade report: the process exited with code 0\. A report-like line printed by the code was ignored/);
  });

  it("turns a report of the wrong shape into an error", () => {
    expect(reportFromOutcome(outcome({ report: { status: "great" } }), limits).status).toBe("error");
  });
});
