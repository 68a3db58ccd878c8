/**
 * The standard the course's own lessons keep (see lessons/AUTHORING.md), as a list of what
 * breaks it. Derived from the course itself, never from a list of its lessons, so adding a
 * lesson with `lessons:new` changes nothing here: a scaffold still holds TODO(author)
 * placeholders, is unfinished, and is lessons:check's to refuse until it is written.
 */
import type { Course, Lesson } from "../../sandbox/course";
import { TODO_MARKER } from "../../sandbox/course/scaffold/templates";

/** The chapters the course covers, in this order (others may come between or after). */
export const CORE_CHAPTERS = ["first-steps", "routing", "sessions", "validation", "secure-deployment"];

function isFinished(lesson: Lesson): boolean {
  return ![lesson.body, lesson.checks, ...Object.values(lesson.solution)].some((text) => text.includes(TODO_MARKER));
}

/**
 * Every way `course` breaks the standard; empty when it keeps it.
 *
 * @example
 * ```ts
 * expect(standardProblems(await loadCourse("lessons"))).toEqual([]);
 * ```
 */
export function standardProblems(course: Course): string[] {
  const found: string[] = [];
  const slugs = course.chapters.map((chapter) => chapter.slug);
  const positions = CORE_CHAPTERS.map((slug) => slugs.indexOf(slug));
  if (positions.some((position, index) => position === -1 || (index > 0 && position < (positions[index - 1] ?? 0)))) {
    found.push(`chapters ${slugs.join(", ")} do not cover ${CORE_CHAPTERS.join(", ")} in that order`);
  }
  const lessons = course.chapters.flatMap((chapter) => chapter.lessons);
  lessons.forEach((lesson, index) => {
    if (lesson.id !== `${lesson.chapterSlug}/${lesson.slug}`) found.push(`${lesson.id}: id is not chapter/slug`);
    if (lesson.previous !== lessons[index - 1]?.id || lesson.next !== lessons[index + 1]?.id) found.push(`${lesson.id}: not linked to its neighbours in course order`);
    if (!isFinished(lesson)) return;
    if (lesson.tasks.length < 2 || lesson.tasks.length > 4) found.push(`${lesson.id}: has ${lesson.tasks.length} tasks, not 2 to 4`);
    for (const task of lesson.tasks) if ((task.hint?.length ?? 0) <= 10) found.push(`${lesson.id}: task ${task.n} has no real hint`);
    if (!lesson.body.includes("> **Coming from Flask?**")) found.push(`${lesson.id}: has no note for readers coming from Flask`);
    // A lesson that grades the learner's own tests has its unhappy paths in its seeded bugs.
    const gradesTests = /\blearnerTests\(/.test(lesson.checks) && /\bbugs:\s*\[\s*\{/.test(lesson.checks);
    // A configuration lesson's unhappy paths are starts that must fail: `.toThrow(/SECRET_KEY/)`.
    const refusesStarts = /(?<!\.not)\.toThrow\([^)]/.test(lesson.checks);
    // 503 is the unhappy path of an app whose database is down (the health checks' lesson).
    const refusesRequests = /toBe\((4\d\d|503)\)/.test(lesson.checks);
    // A lesson that reviews files it cannot run (a Dockerfile) refuses what must not be in them: toEqual([]) of what it found.
    const refusesFiles = /\bparse\.(dockerfile|yaml)\(/.test(lesson.checks) && /toEqual\(\[\]\)/.test(lesson.checks);
    if (!gradesTests && !refusesStarts && !refusesRequests && !refusesFiles) found.push(`${lesson.id}: checks no unhappy path (a 4xx or 503 status, a start refused with an error, findings in a reviewed file, or seeded bugs for the learner's tests)`);
  });
  return found;
}
