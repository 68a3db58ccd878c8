/**
 * `error` reports, made without zod: the page builds them (a sandbox that is not running, a
 * check run that broke) long before it needs report.ts's schemas, which it loads only to read
 * a grader's report after a check.
 */
import type { CheckResult, GradeReport } from "./report";

/** How much captured output an error report carries, so a flood of logs stays readable. */
const OUTPUT_IN_MESSAGE = 2000;

/**
 * Builds an `error` report, appending the tail of the captured output when there is any.
 *
 * @example
 * errorReport("The checks did not finish within 10 s.", "last lines of output");
 */
export function errorReport(message: string, output = "", durationMs = 0, checks: CheckResult[] = []): GradeReport {
  const tail = output.trim();
  const shown = tail.length > OUTPUT_IN_MESSAGE ? "…" + tail.slice(-OUTPUT_IN_MESSAGE) : tail;
  return {
    status: "error",
    durationMs,
    message: shown ? `${message}\n\nOutput:\n${shown}` : message,
    checks,
  };
}
