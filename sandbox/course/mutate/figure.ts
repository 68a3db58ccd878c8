/**
 * The mutation figure lessons:check prints beside each lesson, read from lessons/MUTATION.md
 * (grading every mutant takes minutes; lessons:check only reports the last lessons:mutate run).
 * A row made for other files than the lesson has now is shown as out of date.
 */
import { scanCourse } from "../load-course";
import type { Course } from "../types";
import { readEquivalent } from "./equivalent";
import { percent, readReport } from "./report";
import { fingerprintOf } from "./fingerprint";

/**
 * A function giving the text to append to a lesson's progress line: `, 14/15 mutants killed
 * (93%)`, with a note when the lesson has no row or an out-of-date one; nothing when the
 * course has no report.
 *
 * @example
 * ```ts
 * const figure = await mutationFigure("lessons"); // or mutationFigure(root, course) with a course already loaded
 * console.log(`✓ sessions/login: ...${figure("sessions/login")}`);
 * ```
 */
export async function mutationFigure(root: string, scanned?: Course): Promise<(lessonId: string) => string> {
  const rows = await readReport(root);
  // A course that was never mutated (a new course, a test fixture) gets no figure at all.
  if (rows.size === 0) return () => "";
  const course = scanned ?? (await scanCourse(root)).course;
  const current = new Map<string, string>();
  for (const lesson of course.chapters.flatMap((chapter) => chapter.lessons)) {
    current.set(lesson.id, fingerprintOf(lesson, (await readEquivalent(lesson.dir)).text));
  }
  return (lessonId) => {
    const row = rows.get(lessonId);
    const rerun = `npm run lessons:mutate -- ${lessonId}`;
    if (!row) return `, no mutation figure yet (${rerun})`;
    const figure = `${row.killed}/${row.killed + row.survived} mutants killed (${percent(row.ratio)})`;
    return row.fingerprint === current.get(lessonId) ? `, ${figure}` : `, ${figure} when last mutated; out of date (${rerun})`;
  };
}
