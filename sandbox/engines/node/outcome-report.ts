import { errorReport, parseGradeReport } from "../../report";
import type { CheckResult, GradeReport } from "../../report";
import type { HostEvent } from "../../payload/protocol";
import type { HostOutcome } from "./run-host";

export interface OutcomeLimits {
  timeoutMs: number;
  memoryMb: number;
  outputLimitBytes: number;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function size(bytes: number): string {
  return bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : `${Math.round(bytes / 1000)} KB`;
}

/**
 * The checks a stopped run got through, from its events: finished results as they were, the
 * one running marked as the cause, the rest skipped.
 */
function partialChecks(events: HostEvent[], runningMessage: string): { checks: CheckResult[]; running?: string } {
  const plan = events.find((e): e is Extract<HostEvent, { type: "plan" }> => e.type === "plan")?.checks ?? [];
  const finished = events.filter((e): e is Extract<HostEvent, { type: "check-end" }> => e.type === "check-end").map((e) => e.result as CheckResult);
  const started = events.filter((e): e is Extract<HostEvent, { type: "check-start" }> => e.type === "check-start");
  const running = started.length > finished.length ? started.at(-1)?.name : undefined;
  const checks = plan.map((entry, index): CheckResult => {
    const done = finished[index];
    if (done) return done;
    const base = { name: entry.name, ...(entry.task !== undefined ? { task: entry.task } : {}), ...(entry.hint ? { hint: entry.hint } : {}) };
    if (entry.name === running && index === finished.length) return { ...base, status: "error", message: runningMessage };
    return { ...base, status: "skip", message: "Not run: the run was stopped before this check." };
  });
  return { checks, running };
}

/**
 * Turns how a check run ended into its grade report: the grader's own report when there is a
 * trusted one, otherwise an `error` report that names the cause (process.exit, a time-out, a
 * flood of output, running out of memory, a crash).
 *
 * @example
 * const report = reportFromOutcome(await run.outcome, { timeoutMs: 10_000, memoryMb: 256, outputLimitBytes: 1e6 });
 */
export function reportFromOutcome(outcome: HostOutcome, limits: OutcomeLimits): GradeReport {
  const { events, tail, durationMs } = outcome;
  const exit = events.find((e): e is Extract<HostEvent, { type: "exit" }> => e.type === "exit");
  if (exit) {
    const message = `Your code called process.exit(${exit.code})${exit.at ? ` at ${exit.at}` : ""} before the checks finished. Lesson code must not end the process: return a response instead.`;
    const { checks } = partialChecks(events, "This check was running when the code called process.exit().");
    return errorReport(message, tail, durationMs, checks);
  }
  if (outcome.report !== undefined && !outcome.outputExceeded) {
    return parseGradeReport(outcome.report, tail);
  }
  if (outcome.outputExceeded) {
    const { checks } = partialChecks(events, "This check was running when the output limit was reached.");
    return errorReport(`Your code printed more than ${size(limits.outputLimitBytes)} of output, so the run was stopped. Is there a console.log inside a loop?`, tail, durationMs, checks);
  }
  if (outcome.timedOut) {
    const { checks, running } = partialChecks(events, `This check did not finish within ${seconds(limits.timeoutMs)}: the code is probably stuck in a loop that never ends.`);
    const loaded = events.some((e) => e.type === "plan");
    const message = running
      ? `The check "${running}" did not finish within ${seconds(limits.timeoutMs)}, so the run was stopped. Is there a loop that never ends (a while or for whose condition stays true)?`
      : loaded
        ? `The checks did not finish within ${seconds(limits.timeoutMs)}, so the run was stopped.`
        : `Your code did not finish loading within ${seconds(limits.timeoutMs)}, so the run was stopped. Is there a loop that never ends at the top level of a file?`;
    return errorReport(message, tail, durationMs, checks);
  }
  const { checks } = partialChecks(events, "This check was running when the process ended.");
  // V8 says so when the heap is full; memory capped off the heap (confine.ts) ends node with a
  // segmentation fault instead, as it cannot commit a page it was promised.
  const crashed = outcome.signal === "SIGSEGV" || outcome.signal === "SIGBUS";
  if (/heap out of memory|Allocation failed/i.test(tail) || crashed) {
    return errorReport(`Your code ran out of memory (the limit is ${limits.memoryMb} MB). Is something growing without end, like an array filled in a loop?`, tail.slice(-500), durationMs, checks);
  }
  const how = outcome.signal ? `was killed by ${outcome.signal}` : `exited with code ${outcome.code}`;
  const forged = outcome.forgedLines > 0 ? " A report-like line printed by the code was ignored: only the grader can report results." : "";
  return errorReport(`The checks ended without a grade report: the process ${how}.${forged}`, tail, durationMs, checks);
}
