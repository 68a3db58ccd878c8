/**
 * What the Testing chapter promises a learner (issue 15): a careless test file (status codes
 * only, the happy path only) is told which seeded bugs it missed, by number and area, and a
 * thorough one passes. lessons:check cannot show the "which": it stops a wrong variant's run at
 * its first failing check, so these tests grade each file in full.
 */
import { findLesson, loadCourse } from "../../../sandbox/course";
import { nodeGrader } from "../../../sandbox/course/check/node-grader";
import { loadWrongVariants } from "../../../sandbox/course/check/wrong-variants";
import type { Lesson } from "../../../sandbox/course/types";
import type { GradeReport } from "../../../sandbox/report";

const MISSED = /^Your tests missed seeded bug (\d+) of (\d+) \(([^)]+)\)/;

/** The lesson and each of its file sets (solution, then wrong variants by name), graded in full. */
export async function gradeTestFiles(id: string): Promise<{ lesson: Lesson; solution: GradeReport; variants: Map<string, GradeReport> }> {
  const lesson = findLesson(await loadCourse("lessons"), id);
  if (!lesson) throw new Error(`lesson ${id} is missing`);
  const { variants } = await loadWrongVariants(lesson);
  const grade = nodeGrader({ timeoutMs: 120_000 });
  const [solution, ...graded] = await Promise.all([lesson.solution, ...variants.map((variant) => variant.files)].map((files) => grade({ files, checks: lesson.checks })));
  return { lesson, solution: solution!, variants: new Map(variants.map((variant, index) => [variant.name, graded[index]!])) };
}

/** The seeded bugs a report says the tests missed, as "3 (login)", from the failing checks' messages. */
export function missedBugs(report: GradeReport): string[] {
  return report.checks.flatMap((check) => {
    const match = check.status === "pass" ? null : MISSED.exec(check.message ?? "");
    return match ? [`${match[1]} (${match[3]})`] : [];
  });
}

/** The names of the checks a report failed. */
export function failing(report: GradeReport): string[] {
  return report.checks.filter((check) => check.status !== "pass").map((check) => check.name);
}
