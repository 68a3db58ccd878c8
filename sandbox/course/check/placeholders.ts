/**
 * Finds scaffold placeholders (`TODO(author)`) left in a chapter or lesson, so a half-written
 * lesson from `lessons:new` cannot slip through even if its checks happen to pass.
 */
import { join } from "node:path";
import { isDirectory, listFilesRecursively, readTextFile } from "../files";
import { TODO_MARKER } from "../scaffold/templates";
import { problem, type Problem } from "./problem";

/**
 * A problem for each file under `dir` (only the files of this chapter or lesson, not its
 * lessons) that still contains the marker, naming the first line that does.
 *
 * @example
 * ```ts
 * await placeholdersIn("lessons/02-routing/06-cookies", ["lesson.mdx", "checks.ts", "starter", "solution"]);
 * ```
 */
export async function placeholdersIn(dir: string, entries: string[]): Promise<Problem[]> {
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry);
    if (await isDirectory(path)) files.push(...(await listFilesRecursively(path)).map((file) => join(path, file)));
    else files.push(path);
  }
  const found: Problem[] = [];
  for (const file of files) {
    const text = await readTextFile(file);
    if (text === undefined) continue;
    const line = text.split("\n").findIndex((content) => content.includes(TODO_MARKER));
    if (line !== -1) found.push(problem(file, `line ${line + 1}`, `still has a ${TODO_MARKER} placeholder from lessons:new; write the real text or code`));
  }
  return found;
}
