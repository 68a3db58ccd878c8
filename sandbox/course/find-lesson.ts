/**
 * Looking a lesson up the ways people name it: by id (`routing/methods`), by bare slug
 * (`methods`) when that is unambiguous, or by folder path (`02-routing/02-methods`).
 */
import { parseNumberedName } from "./names";
import type { Course, Lesson } from "./types";

/**
 * Finds a lesson by id, slug or `NN-chapter/NN-lesson` folder path; `undefined` if none or if a
 * bare slug matches lessons in two chapters.
 *
 * @example
 * ```ts
 * findLesson(course, "first-steps/hello-vial");
 * findLesson(course, "hello-vial");
 * findLesson(course, "01-first-steps/01-hello-vial");
 * ```
 */
export function findLesson(course: Course, idOrSlug: string): Lesson | undefined {
  const wanted = normalise(idOrSlug);
  const lessons = course.chapters.flatMap((chapter) => chapter.lessons);
  const byId = lessons.find((lesson) => lesson.id === wanted);
  if (byId) return byId;
  if (wanted.includes("/")) return undefined;
  const bySlug = lessons.filter((lesson) => lesson.slug === wanted);
  return bySlug.length === 1 ? bySlug[0] : undefined;
}

/**
 * Whether the path `file` lies in the lesson that `name` names (id, slug or folder), going by
 * the slugs of its folders; works before the course is loaded.
 *
 * @example
 * ```ts
 * isInNamedLesson("lessons/03-sessions/02-login/checks.ts", "sessions/login"); // true
 * ```
 */
export function isInNamedLesson(file: string, name: string): boolean {
  const wanted = name.split("/").filter(Boolean).map((part) => parseNumberedName(part)?.slug ?? part);
  const slugs = file.split(/[\\/]/).map((part) => parseNumberedName(part)?.slug ?? part);
  return slugs.some((_, index) => wanted.every((part, offset) => slugs[index + offset] === part));
}

/** Accepts `lessons/01-a/02-b/`, `01-a/02-b` or `a/b` and gives `a/b`. */
function normalise(name: string): string {
  return name
    .replace(/\\/g, "/")
    .split("/")
    .filter((part, index) => part !== "" && !(index === 0 && part === "lessons"))
    .map((part) => parseNumberedName(part)?.slug ?? part)
    .join("/");
}
