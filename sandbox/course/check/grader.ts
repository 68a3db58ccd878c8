/**
 * What lessons:check needs from a sandbox: grade some files against some checks. Kept as a
 * plain function so the checker can be tested with any engine and the CLI can pick one.
 */
import type { GradeReport } from "../../report";
import type { Files } from "../types";

/** The files and checks handed to a sandbox (the shape of the sandbox's Workspace). */
export interface GradeInput {
  files: Files;
  checks: string;
  entry?: string;
  /** The files are known to be wrong: one failing check is the answer, so skip the checks after it. */
  stopAtFirstFailure?: boolean;
}

/**
 * Runs `input.checks` against `input.files` in a fresh sandbox and returns the grade report.
 *
 * @example
 * ```ts
 * const grade: Grader = async (input) => ({ status: "pass", durationMs: 0, checks: [] });
 * ```
 */
export type Grader = (input: GradeInput) => Promise<GradeReport>;
