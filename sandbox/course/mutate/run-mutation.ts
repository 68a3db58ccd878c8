/**
 * Grades every mutant of some lessons with their checks and sorts them into killed (a check
 * failed, errored or the run crashed) and survived (every check passed). Grading is the slow
 * part, so all the lessons' mutants share one pool of sandboxes.
 */
import type { Lesson } from "../types";
import type { Grader } from "../check/grader";
import { mapWithLimit } from "../check/pool";
import { readEquivalent, type EquivalentMark } from "./equivalent";
import { mutantsOf, type Mutant } from "./mutants";
import { fingerprintOf } from "./fingerprint";

/** How one mutant fared. */
export interface MutantVerdict {
  mutant: Mutant;
  status: "killed" | "survived" | "equivalent";
  /** The checks that failed against it (killed), or why it cannot be killed (equivalent). */
  by: string[];
  /** The seed of its run, to replay a survivor. */
  seed?: string;
}

/** The outcome for one lesson. */
export interface LessonMutation {
  id: string;
  /** Hash of everything the result depends on: starter, solution, checks, equivalent marks. */
  fingerprint: string;
  verdicts: MutantVerdict[];
  /** Marks in equivalent-mutants.md that name no mutant, or give no reason. */
  badMarks: string[];
  /** Set when the solution itself does not pass its checks: the lesson has no score. */
  error?: string;
}

/**
 * Mutates and grades `lessons`, `concurrency` sandboxes at a time.
 *
 * @example
 * ```ts
 * const results = await mutateLessons([lesson], nodeGrader({ timeoutMs: 30_000 }), { concurrency: 2 });
 * ```
 */
export async function mutateLessons(
  lessons: Lesson[],
  grade: Grader,
  options: { concurrency?: number; onLesson?: (result: LessonMutation) => void } = {},
): Promise<LessonMutation[]> {
  const plans = await Promise.all(lessons.map(async (lesson) => {
    const { marks, text } = await readEquivalent(lesson.dir);
    return { lesson, marks, mutants: mutantsOf(lesson), fingerprint: fingerprintOf(lesson, text) };
  }));
  const jobs = plans.flatMap((plan, lessonIndex) => [
    { lessonIndex, mutant: undefined as Mutant | undefined },
    ...plan.mutants.filter((mutant) => !plan.marks.some((mark) => mark.id === mutant.id)).map((mutant) => ({ lessonIndex, mutant })),
  ]);
  const remaining = plans.map((_, index) => jobs.filter((job) => job.lessonIndex === index).length);
  const graded = plans.map(() => new Map<string, MutantVerdict>());
  const solutionErrors = new Map<number, string>();
  const results: LessonMutation[] = new Array(plans.length);

  await mapWithLimit(jobs, options.concurrency ?? 2, async ({ lessonIndex, mutant }) => {
    const plan = plans[lessonIndex];
    if (!plan) return;
    // A mutant is killed by one failing check, so its run stops at the first.
    const report = await grade(mutant ? { files: mutant.files, checks: plan.lesson.checks, stopAtFirstFailure: true } : { files: plan.lesson.solution, checks: plan.lesson.checks });
    const failing = report.checks.filter((check) => check.status === "fail" || check.status === "error").map((check) => check.name);
    const crashed = report.status === "error" && failing.length === 0;
    if (!mutant) {
      if (failing.length > 0 || crashed) solutionErrors.set(lessonIndex, `the solution does not pass its checks (${failing.join(", ") || report.message || "the run failed"}); run lessons:check`);
    } else {
      graded[lessonIndex]?.set(mutant.id, {
        mutant,
        status: failing.length > 0 || crashed ? "killed" : "survived",
        by: crashed ? [`the run failed: ${report.message ?? "no message"}`] : failing,
        ...(report.seed ? { seed: report.seed } : {}),
      });
    }
    remaining[lessonIndex] = (remaining[lessonIndex] ?? 1) - 1;
    if (remaining[lessonIndex] === 0) {
      const result = assemble(plan, graded[lessonIndex] ?? new Map(), solutionErrors.get(lessonIndex));
      results[lessonIndex] = result;
      options.onLesson?.(result);
    }
  });
  return results;
}

function assemble(
  plan: { lesson: Lesson; marks: EquivalentMark[]; mutants: Mutant[]; fingerprint: string },
  graded: Map<string, MutantVerdict>,
  error: string | undefined,
): LessonMutation {
  const verdicts = plan.mutants.map((mutant): MutantVerdict => {
    const mark = plan.marks.find((candidate) => candidate.id === mutant.id);
    if (mark) return { mutant, status: "equivalent", by: [mark.reason] };
    return graded.get(mutant.id) ?? { mutant, status: "survived", by: [] };
  });
  const ids = new Set(plan.mutants.map((mutant) => mutant.id));
  const badMarks = plan.marks.flatMap((mark) => [
    ...(ids.has(mark.id) ? [] : [`\`${mark.id}\` names no mutant of the solution any more; remove it`]),
    ...(mark.reason ? [] : [`\`${mark.id}\` gives no reason; say why no check can tell it from the solution`]),
  ]);
  return { id: plan.lesson.id, fingerprint: plan.fingerprint, verdicts, badMarks, ...(error ? { error } : {}) };
}
