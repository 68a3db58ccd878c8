/**
 * What a lesson builds on: the previous lesson when it starts from that lesson's files, then the
 * earlier lessons its `builds-on` names. A lesson can only build on what the learner has already
 * met, so every id must name a lesson that comes before it in the course.
 */
import { LessonError } from "./lesson-error";
import { parseNumberedName } from "./names";

/**
 * The ids `lesson` builds on, checked against the course order. `courseIds` is every lesson id of
 * the course in order, broken lessons included (so a typo is told apart from a broken lesson).
 *
 * @example
 * resolveBuildsOn("lessons/02-b/01-c/lesson.mdx", "b/c", { from: "previous", "builds-on": ["a/x"] }, "a/y", ["a/x", "a/y", "b/c"]);
 * // ["a/y", "a/x"]
 */
export function resolveBuildsOn(
  mdxPath: string,
  lessonId: string,
  frontmatter: { from?: "previous"; "builds-on"?: string[] },
  previousId: string | undefined,
  courseIds: readonly string[],
): string[] {
  const own = courseIds.indexOf(lessonId);
  const implied = frontmatter.from === "previous" && previousId ? [previousId] : [];
  for (const id of frontmatter["builds-on"] ?? []) {
    const problem =
      id === lessonId ? "names this lesson itself; a lesson builds on earlier ones"
      : implied.includes(id) ? `names "${id}", which \`from: previous\` already implies; leave it out`
      : !courseIds.includes(id) && courseIds.includes(withoutNumbers(id)) ? `names the folders "${id}"; write the lesson's id, "${withoutNumbers(id)}"`
      : !courseIds.includes(id) ? `names "${id}", which is not a lesson of this course (ids are chapter-slug/lesson-slug, such as "${courseIds[0] ?? "first-steps/hello-vial"}")`
      : courseIds.indexOf(id) > own ? `names "${id}", which comes later in the course; a lesson builds only on earlier ones`
      : undefined;
    if (problem) throw new LessonError(mdxPath, "builds-on", problem);
  }
  return [...implied, ...(frontmatter["builds-on"] ?? [])];
}

/** `01-basics/02-ping` as the id `basics/ping`. */
function withoutNumbers(path: string): string {
  return path
    .split("/")
    .map((part) => parseNumberedName(part)?.slug ?? part)
    .join("/");
}
