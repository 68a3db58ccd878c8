/**
 * Finds files that have no business in the course: editor droppings, stray notes, a solution
 * file identical to the starter. The loader ignores what it does not know, so without this
 * check such files would ship to learners or hide a mistake.
 */
import { join } from "node:path";
import { isDirectory, listEntries, listFilesRecursively } from "../files";
import { parseNumberedName } from "../names";
import type { Lesson } from "../types";
import { problem, type Problem } from "./problem";

const ROOT_FILES = new Set(["AUTHORING.md", "README.md", "MUTATION.md"]);
const LESSON_ENTRIES = new Set(["lesson.mdx", "checks.ts", "starter", "solution", "wrong", "equivalent-mutants.md"]);
const LESSON_FOLDERS = new Set(["starter", "solution", "wrong"]);
const JUNK = /(^\.DS_Store$|^Thumbs\.db$|~$|\.swp$|\.orig$|\.rej$|\.bak$|(^|\/)node_modules\/)/;

/**
 * Stray entries in the course root and in each chapter folder.
 *
 * @example
 * ```ts
 * const found = await strayInCourse("lessons");
 * ```
 */
export async function strayInCourse(root: string): Promise<Problem[]> {
  const found: Problem[] = [];
  if (!(await isDirectory(root))) return found;
  for (const entry of await listEntries(root)) {
    const path = join(root, entry.name);
    if (!entry.isDirectory) {
      if (!ROOT_FILES.has(entry.name)) found.push(stray(path, `only NN-chapter folders, ${[...ROOT_FILES].join(" and ")} belong in ${root}/`));
      continue;
    }
    if (!parseNumberedName(entry.name)) {
      found.push(stray(path, "chapter folders are named NN-slug, e.g. 03-sessions"));
      continue;
    }
    for (const inner of await listEntries(path)) {
      if (inner.name === "chapter.mdx" && !inner.isDirectory) continue;
      if (inner.isDirectory && parseNumberedName(inner.name)) continue;
      found.push(stray(join(path, inner.name), "a chapter folder holds chapter.mdx and NN-slug lesson folders only"));
    }
  }
  return found;
}

/**
 * Stray entries in one lesson folder, junk inside starter/ and solution/, and solution files
 * that are byte-for-byte the starter's (solution/ holds only what changes).
 *
 * @example
 * ```ts
 * const found = await strayInLesson(lesson);
 * ```
 */
export async function strayInLesson(lesson: Lesson): Promise<Problem[]> {
  const found: Problem[] = [];
  for (const entry of await listEntries(lesson.dir)) {
    const allowed = LESSON_ENTRIES.has(entry.name) && entry.isDirectory === LESSON_FOLDERS.has(entry.name);
    if (!allowed) found.push(stray(join(lesson.dir, entry.name), "a lesson folder holds lesson.mdx, checks.ts, starter/, solution/, wrong/ and equivalent-mutants.md only"));
  }
  for (const folder of LESSON_FOLDERS) {
    const dir = join(lesson.dir, folder);
    if (!(await isDirectory(dir))) continue;
    for (const file of await listFilesRecursively(dir)) {
      if (JUNK.test(file)) found.push(stray(join(dir, file), "editor, OS or merge leftovers must not ship to learners"));
    }
  }
  const solutionDir = join(lesson.dir, "solution");
  if (await isDirectory(solutionDir)) {
    for (const file of await listFilesRecursively(solutionDir)) {
      if (lesson.starter[file] !== undefined && lesson.starter[file] === lesson.solution[file]) {
        found.push(problem(join(solutionDir, file), "file", "is identical to the starter's; solution/ should hold only the files the learner changes"));
      }
    }
  }
  return found;
}

function stray(path: string, rule: string): Problem {
  return problem(path, "stray file", `does not belong here (${rule}); move or delete it`);
}
