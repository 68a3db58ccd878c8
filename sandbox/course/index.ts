/**
 * The course as data: load the lessons/ folder into chapters and lessons, validated by the
 * schemas the site, the `learn` command and `lessons:check` share.
 *
 * @example
 * ```ts
 * import { loadCourse, findLesson } from "../sandbox/course";
 * const course = await loadCourse("lessons");
 * const lesson = findLesson(course, "routing/methods");
 * ```
 */
export { loadCourse, scanCourse, type CourseScan } from "./load-course";
export { findLesson } from "./find-lesson";
export { LessonError } from "./lesson-error";
export { chapterFrontmatter, lessonFrontmatter, taskAttributes, type ChapterFrontmatter, type LessonFrontmatter } from "./schema";
export type { Course, Chapter, Lesson, Task, Files } from "./types";
export { hintSteps } from "./hints";
