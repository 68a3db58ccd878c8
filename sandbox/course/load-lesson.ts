/**
 * Loads one lesson folder on its own. Everything that needs the neighbouring lessons (`from:
 * previous`, previous/next links) is resolved afterwards by the course loader.
 */
import { join } from "node:path";
import { LessonError } from "./lesson-error";
import { splitFrontmatter } from "./frontmatter";
import { parseOrThrow } from "./zod-problem";
import { lessonFrontmatter, type LessonFrontmatter } from "./schema";
import { extractTasks } from "./tasks";
import { readFiles, readTextFile } from "./files";
import type { Files, Task } from "./types";

/** A lesson read from its folder, before its starter is resolved against the previous lesson. */
export interface LessonFolder {
  id: string;
  slug: string;
  number: number;
  chapterSlug: string;
  dir: string;
  frontmatter: LessonFrontmatter;
  body: string;
  tasks: Task[];
  checks: string;
  /** Files of starter/ (absent when the lesson starts from the previous lesson's solution). */
  ownStarter: Files | undefined;
  /** Files of solution/: only those that differ from the starter need to be there. */
  ownSolution: Files;
}

/**
 * Reads and validates `dir` (a `NN-slug` lesson folder). Throws a LessonError on the first problem.
 * With `parseTasks` false the MDX is not parsed for tasks (`tasks` stays empty): parsing is most of
 * a lesson's load time, and `lessons:check --lesson` needs the tasks of one lesson only.
 *
 * @example
 * ```ts
 * const folder = await loadLessonFolder("lessons/01-first-steps/01-hello-vial", "first-steps", 1, "hello-vial");
 * ```
 */
export async function loadLessonFolder(dir: string, chapterSlug: string, number: number, slug: string, parseTasks = true): Promise<LessonFolder> {
  const mdxPath = join(dir, "lesson.mdx");
  const source = await readTextFile(mdxPath);
  if (source === undefined) throw new LessonError(mdxPath, "file", "is missing; every lesson folder needs a lesson.mdx");
  const { data, body } = splitFrontmatter(source, mdxPath);
  const frontmatter = parseOrThrow(lessonFrontmatter, data, mdxPath, "frontmatter");
  const tasks = parseTasks ? extractTasks(source, mdxPath) : [];
  if (parseTasks && tasks.length === 0) {
    throw new LessonError(mdxPath, "<Task>", 'none found; number the learner\'s tasks with <Task n={1} hint="...">...</Task>');
  }
  const unknownTask = parseTasks ? frontmatter.tally?.tasks.find((n) => !tasks.some((task) => task.n === n)) : undefined;
  if (unknownTask !== undefined) {
    throw new LessonError(mdxPath, "tally.tasks", `names task ${unknownTask}, which this lesson does not have (its tasks: ${tasks.map((task) => task.n).join(", ")})`);
  }

  const checksPath = join(dir, "checks.ts");
  const checks = await readTextFile(checksPath);
  if (checks === undefined) throw new LessonError(checksPath, "file", "is missing; every lesson needs checks.ts with at least one check per task");

  const ownStarter = await readFiles(join(dir, "starter"));
  if (ownStarter === undefined && frontmatter.from !== "previous") {
    throw new LessonError(join(dir, "starter"), "folder", "is missing; add starter/ with the learner's first files, or set `from: previous` in lesson.mdx");
  }
  const ownSolution = await readFiles(join(dir, "solution"));
  if (ownSolution === undefined || Object.keys(ownSolution).length === 0) {
    throw new LessonError(join(dir, "solution"), "folder", "is missing or empty; add the finished files (those that differ from the starter)");
  }
  return {
    id: `${chapterSlug}/${slug}`, slug, number, chapterSlug, dir,
    frontmatter, body, tasks, checks, ownStarter, ownSolution,
  };
}
