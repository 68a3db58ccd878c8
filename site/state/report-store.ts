/**
 * The latest grade report of the open lesson, and whether a check is running. Task badges in the
 * prose and the checks panel both read it.
 */
import type { CheckResult, GradeReport } from "../../sandbox/report";
import { createStore } from "./store";

export interface ReportState {
  running: boolean;
  report: GradeReport | null;
  /** How many check runs have finished, so screen readers announce a repeat result too. */
  runs: number;
  /** What a check asked for is waiting for before it can run ("the Web Worker engine to start"), if anything. */
  waitingFor?: string | null;
}

export const reportStore = createStore<ReportState>({ running: false, report: null, runs: 0, waitingFor: null });

/** A task's badge: not checked yet, every check passing, some failing, or the run broke. */
export type TaskStatus = "pending" | "pass" | "fail" | "error";

/**
 * The status of task `n` in `report`: `error` when the run broke or any of its checks errored,
 * `fail` when any failed, `pass` when all passed, `pending` with no report or no checks for it.
 *
 * @example
 * taskStatus(report, 1); // "fail"
 */
export function taskStatus(report: GradeReport | null, n: number): TaskStatus {
  if (!report) return "pending";
  const checks = checksOfTask(report, n);
  if (report.status === "error" && checks.every((check) => check.status === "skip")) return "error";
  if (checks.length === 0) return report.status === "error" ? "error" : "pending";
  if (checks.some((check) => check.status === "error")) return "error";
  if (checks.some((check) => check.status === "fail")) return "fail";
  if (checks.every((check) => check.status === "pass")) return "pass";
  return "pending";
}

/**
 * The checks of task `n`, in report order.
 *
 * @example
 * checksOfTask(report, 2).map((check) => check.name);
 */
export function checksOfTask(report: GradeReport, n: number): CheckResult[] {
  return report.checks.filter((check) => check.task === n);
}

/**
 * Whether a report passes the lesson: no error, at least one check, and every check passing.
 *
 * @example
 * isLessonPassed({ status: "pass", durationMs: 3, checks: [{ name: "a", status: "pass" }] }); // true
 */
export function isLessonPassed(report: GradeReport): boolean {
  return report.status === "pass" && report.checks.length > 0 && report.checks.every((check) => check.status === "pass");
}

/**
 * A one-line summary for the status line and screen readers.
 *
 * @example
 * summarizeReport(report); // "3 of 4 checks pass"
 */
export function summarizeReport(report: GradeReport): string {
  if (report.status === "error") return "The checks could not run: see the error below";
  const passed = report.checks.filter((check) => check.status === "pass").length;
  if (isLessonPassed(report)) return `All ${passed} checks pass — lesson complete`;
  return `${passed} of ${report.checks.length} checks pass`;
}
