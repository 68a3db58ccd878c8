/**
 * Known-wrong solutions: `wrong/<mistake>/` folders in a lesson, each the solution with a few
 * files replaced to make one realistic mistake, and a one-line NOTE.md naming it. lessons:check
 * grades each one and fails the lesson when one passes every check: the checks must refuse
 * the mistakes learners really make, not only the empty starter.
 */
import { join } from "node:path";
import { isDirectory, listEntries, readFiles } from "../files";
import type { Files, Lesson } from "../types";
import type { GradeReport } from "../../report";
import type { Grader } from "./grader";
import { problem, type Problem } from "./problem";

/** The note's file name inside a variant folder; it is not one of the learner's files. */
export const NOTE_FILE = "NOTE.md";

/** One wrong variant of a lesson's solution. */
export interface WrongVariant {
  /** The folder name, e.g. `plaintext-password`. */
  name: string;
  dir: string;
  /** The one-line note: which mistake this is. */
  note: string;
  /** The solution with the variant's files laid over it. */
  files: Files;
}

/** What grading a wrong variant showed: which checks refused it. */
export interface WrongVerdict {
  name: string;
  note: string;
  /** The check that refused the variant: the run stops at the first failure (empty: the mistake went unnoticed). */
  caughtBy: string[];
}

/**
 * Reads `lesson.dir/wrong/*`; a lesson without the folder has no variants.
 *
 * @example
 * ```ts
 * const { variants, problems } = await loadWrongVariants(lesson);
 * ```
 */
export async function loadWrongVariants(lesson: Lesson): Promise<{ variants: WrongVariant[]; problems: Problem[] }> {
  const root = join(lesson.dir, "wrong");
  const variants: WrongVariant[] = [];
  const problems: Problem[] = [];
  if (!(await isDirectory(root))) return { variants, problems };
  for (const entry of await listEntries(root)) {
    const dir = join(root, entry.name);
    if (!entry.isDirectory) {
      problems.push(problem(dir, "stray file", "does not belong here (wrong/ holds one folder per mistake); move or delete it"));
      continue;
    }
    const { [NOTE_FILE]: rawNote, ...files } = (await readFiles(dir)) ?? {};
    const note = rawNote?.trim() ?? "";
    if (!note || note.includes("\n")) {
      problems.push(problem(join(dir, NOTE_FILE), "note", `${note ? "has more than one line" : "is missing or empty"}; write one line naming the mistake, e.g. "compares passwords in plain text"`));
      continue;
    }
    if (Object.keys(files).length === 0) {
      problems.push(problem(dir, "files", "holds no files; put the solution's files as the mistake would change them here"));
      continue;
    }
    variants.push({ name: entry.name, dir, note, files: { ...lesson.solution, ...files } });
  }
  return { variants, problems };
}

/**
 * Grades every variant with the lesson's checks and judges the reports: a variant that passes
 * every check, or that does not even load, is a problem.
 *
 * @example
 * ```ts
 * const { verdicts, problems } = await gradeWrongVariants(lesson, variants, grade);
 * ```
 */
export async function gradeWrongVariants(lesson: Lesson, variants: WrongVariant[], grade: Grader): Promise<{ verdicts: WrongVerdict[]; problems: Problem[] }> {
  const verdicts: WrongVerdict[] = [];
  const problems: Problem[] = [];
  // All at once: a grader that limits its own concurrency (lessons:check's does) queues them.
  // One refusing check is the verdict, so each variant's run stops at the first failure.
  const reports = await Promise.all(variants.map((variant) => grade({ files: variant.files, checks: lesson.checks, stopAtFirstFailure: true })));
  variants.forEach((variant, index) => {
    const report = reports[index] as GradeReport;
    const found = judgeWrongVariant(variant, report);
    if (found) problems.push(found);
    verdicts.push({ name: variant.name, note: variant.note, caughtBy: caughtBy(report) });
  });
  return { verdicts, problems };
}

function caughtBy(report: GradeReport): string[] {
  return report.checks.filter((check) => check.status === "fail" || check.status === "error").map((check) => check.name);
}

/** The problem a wrong variant's report shows, if any. */
export function judgeWrongVariant(variant: WrongVariant, report: GradeReport): Problem | undefined {
  const where = `${variant.dir}/`;
  if (report.status === "error" && report.checks.length === 0) {
    return problem(where, "load", `the wrong variant (${variant.note}) must load so the checks are what refuses it, but: ${report.message ?? "no message"}`);
  }
  if (caughtBy(report).length === 0) {
    const seed = report.seed ? ` (seed ${report.seed})` : "";
    return problem(where, "checks", `the wrong variant "${variant.note}" passes all ${report.checks.length} checks${seed}; strengthen checks.ts until one refuses it`);
  }
  return undefined;
}
