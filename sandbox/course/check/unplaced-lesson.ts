/**
 * The course reads as a path: every lesson but the first says what it builds on, with
 * `from: previous` or `builds-on`. The loader accepts a lesson without either (so the site and
 * `learn` keep working while a lesson is written); `lessons:check` does not.
 */
import { join } from "node:path";
import type { Lesson } from "../types";
import { problem, type Problem } from "./problem";

/**
 * A problem when `lesson`, not the course's first, names nothing it builds on.
 *
 * @example
 * unplacedLesson(lesson, course.chapters[0]?.lessons[0]?.id); // [] or one problem
 */
export function unplacedLesson(lesson: Lesson, firstLessonId: string | undefined): Problem[] {
  if (lesson.id === firstLessonId || lesson.buildsOn.length > 0) return [];
  return [
    problem(
      join(lesson.dir, "lesson.mdx"),
      "builds-on",
      "is missing; name the earlier lessons whose skills this one uses (a `builds-on:` list of ids such as sessions/login), or start from the previous lesson with `from: previous`, so the outline can show where the lesson fits",
    ),
  ];
}
