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
 * A grader may also offer sessions ({@link GradingSession}), for many runs of one lesson.
 *
 * @example
 * ```ts
 * const grade: Grader = async (input) => ({ status: "pass", durationMs: 0, checks: [] });
 * ```
 */
export type Grader = ((input: GradeInput) => Promise<GradeReport>) & {
  /** Starts a session that grades runs of one lesson's checks, at most `lanes` at once. */
  session?(lanes: number): GradingSession;
};

/**
 * Grades many runs of the same checks (a lesson's solution, starter, wrong variants, mutants),
 * `lanes` at a time, keeping what it safely can between them; runs wait their turn in the order
 * they were asked for. close() frees it all once every run has its report.
 */
export interface GradingSession {
  grade(input: GradeInput): Promise<GradeReport>;
  close(): Promise<void>;
}

/**
 * A session for any grader: its own session when it has one, else every run on its own with at
 * most `lanes` at once.
 *
 * @example
 * ```ts
 * const session = gradingSession(grade, 2);
 * try { await Promise.all(inputs.map((input) => session.grade(input))); } finally { await session.close(); }
 * ```
 */
export function gradingSession(grade: Grader, lanes: number): GradingSession {
  if (grade.session) return grade.session(lanes);
  const limited = limitConcurrency(grade, lanes);
  return { grade: limited, close: async () => {} };
}

/**
 * `job`, with at most `limit` calls running at once; the rest wait their turn in order.
 *
 * @example
 * ```ts
 * const limited = limitConcurrency(grade, 2);
 * ```
 */
export function limitConcurrency<A, R>(job: (arg: A) => Promise<R>, limit: number): (arg: A) => Promise<R> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (arg) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await job(arg);
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
