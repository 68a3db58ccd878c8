/**
 * The graded half of lessons:check: the solution passes every check, the starter loads and
 * fails at least one, and checks and tasks cover each other. Task numbers come from the
 * solution's grade report, i.e. from what the checks really declared when they ran.
 */
import { join } from "node:path";
import type { CheckResult, GradeReport } from "../../report";
import type { Lesson } from "../types";
import type { Grader } from "./grader";
import { problem, type Problem } from "./problem";

/** The two reports of one lesson. */
export interface LessonReports {
  solution: GradeReport;
  starter: GradeReport;
}

/**
 * Grades the lesson's solution and starter with `grade`, side by side. The solution runs every
 * check; the starter's run stops at its first failing check, since one failure is all it must
 * show (judgeStarter), and the checks after it would only cost time.
 *
 * @example
 * ```ts
 * const reports = await gradeLesson(lesson, nodeGrader);
 * ```
 */
export async function gradeLesson(lesson: Lesson, grade: Grader): Promise<LessonReports> {
  // Both at once: a grader that limits its own concurrency (lessons:check's does) queues them.
  const [solution, starter] = await Promise.all([
    grade({ files: lesson.solution, checks: lesson.checks }),
    grade({ files: lesson.starter, checks: lesson.checks, stopAtFirstFailure: true }),
  ]);
  return { solution, starter };
}

/**
 * Every problem the two reports reveal.
 *
 * @example
 * ```ts
 * const found = judgeReports(lesson, await gradeLesson(lesson, grade));
 * ```
 */
export function judgeReports(lesson: Lesson, reports: LessonReports): Problem[] {
  return [...judgeSolution(lesson, reports.solution), ...judgeStarter(lesson, reports.starter), ...judgeTasks(lesson, reports.solution)];
}

function judgeSolution(lesson: Lesson, report: GradeReport): Problem[] {
  const dir = `${join(lesson.dir, "solution")}/`;
  if (report.status === "error" && report.checks.length === 0) {
    return [problem(dir, "load", `the solution does not load or the checks could not run: ${report.message ?? "no message"}`)];
  }
  const found = report.checks
    .filter((check) => check.status !== "pass")
    .map((check) => problem(dir, describeCheck(check), `${check.status === "skip" ? "is skipped" : "fails"} against the solution: ${check.message ?? check.status}`));
  if (report.status === "error" && found.length === 0) {
    found.push(problem(dir, "load", `the run ended in an error: ${report.message ?? "no message"}`));
  }
  if (report.checks.length === 0 && report.status !== "error") {
    found.push(problem(join(lesson.dir, "checks.ts"), "check()", "defines no checks; each task needs at least one"));
  }
  return found;
}

function judgeStarter(lesson: Lesson, report: GradeReport): Problem[] {
  const dir = `${join(lesson.dir, "starter")}/`;
  const origin = lesson.frontmatter.from === "previous" ? " (built from the previous lesson's solution)" : "";
  if (report.status === "error") {
    return [problem(dir, "load", `the starter${origin} must run, but grading it ended in an error: ${report.message ?? "no message"}`)];
  }
  if (report.checks.length > 0 && report.checks.every((check) => check.status === "pass")) {
    return [problem(dir, "checks", `all ${report.checks.length} checks already pass against the starter${origin}; it must fail at least one so the learner has something to do`)];
  }
  return [];
}

function judgeTasks(lesson: Lesson, report: GradeReport): Problem[] {
  if (report.status === "error" && report.checks.length === 0) return [];
  const checksFile = join(lesson.dir, "checks.ts");
  const mdxFile = join(lesson.dir, "lesson.mdx");
  const numbers = lesson.tasks.map((task) => task.n);
  const found: Problem[] = [];
  const names = new Set<string>();
  for (const check of report.checks) {
    if (names.has(check.name)) {
      found.push(problem(checksFile, describeCheck(check), "is the name of two checks; names identify checks in the results, so make each one unique"));
    }
    names.add(check.name);
    if (check.task === undefined) {
      found.push(problem(checksFile, describeCheck(check), `names no task; pass { task: N } as the third argument of check() (tasks in lesson.mdx: ${numbers.join(", ")})`));
    } else if (!numbers.includes(check.task)) {
      found.push(problem(checksFile, describeCheck(check), `names task ${check.task}, which lesson.mdx does not have (its tasks: ${numbers.join(", ")})`));
    }
  }
  for (const task of lesson.tasks) {
    if (!report.checks.some((check) => check.task === task.n)) {
      found.push(problem(mdxFile, `<Task n={${task.n}}>`, `has no check; add a check with { task: ${task.n} } to checks.ts`));
    }
  }
  return found;
}

function describeCheck(check: CheckResult): string {
  return `check "${check.name}"${check.task === undefined ? "" : ` (task ${check.task})`}`;
}
