/**
 * The course as the site's server components read it. In production the course is loaded once
 * per build; in `next dev` it is read afresh on every render so lesson edits show up at once.
 */
import { join } from "node:path";
import { loadCourse, type Course, type Lesson } from "../../sandbox/course";

let cached: Promise<Course> | undefined;

/** Where the lessons live, relative to the project the site is built from. */
export const LESSONS_ROOT = join(process.cwd(), "lessons");

/**
 * The whole course, loaded from `lessons/`.
 *
 * @example
 * const course = await getCourse();
 * course.chapters.map((chapter) => chapter.title);
 */
export function getCourse(): Promise<Course> {
  if (process.env.NODE_ENV === "development") return loadCourse(LESSONS_ROOT);
  cached ??= loadCourse(LESSONS_ROOT);
  return cached;
}

/** Every lesson in course order. */
export function allLessons(course: Course): Lesson[] {
  return course.chapters.flatMap((chapter) => chapter.lessons);
}

/**
 * The lesson at `/learn/<chapter>/<lesson>`, or undefined.
 *
 * @example
 * findLessonBySlugs(course, "first-steps", "hello-vial")?.frontmatter.title; // "Hello, Vial"
 */
export function findLessonBySlugs(course: Course, chapter: string, lesson: string): Lesson | undefined {
  return allLessons(course).find((candidate) => candidate.chapterSlug === chapter && candidate.slug === lesson);
}

/**
 * The route parameters of every lesson page, for generateStaticParams.
 *
 * @example
 * lessonRouteParams(course); // [{ chapter: "first-steps", lesson: "hello-vial" }, ...]
 */
export function lessonRouteParams(course: Course): { chapter: string; lesson: string }[] {
  return allLessons(course).map((lesson) => ({ chapter: lesson.chapterSlug, lesson: lesson.slug }));
}

/**
 * The URL of a lesson page.
 *
 * @example
 * lessonHref("first-steps/hello-vial"); // "/learn/first-steps/hello-vial"
 */
export function lessonHref(lessonId: string): string {
  return `/learn/${lessonId}`;
}
