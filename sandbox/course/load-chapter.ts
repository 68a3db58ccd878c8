/**
 * Reads one chapter folder: its chapter.mdx and the list of its numbered lesson folders. The
 * lessons themselves are loaded by the course loader, which needs them all in order.
 */
import { join } from "node:path";
import { LessonError } from "./lesson-error";
import { splitFrontmatter } from "./frontmatter";
import { parseOrThrow } from "./zod-problem";
import { chapterFrontmatter, type ChapterFrontmatter } from "./schema";
import { listEntries, readTextFile } from "./files";
import { parseNumberedName, type NumberedName } from "./names";

/** A chapter folder: its frontmatter and its lesson folders in order. */
export interface ChapterFolder extends NumberedName {
  dir: string;
  frontmatter: ChapterFrontmatter;
  lessonFolders: (NumberedName & { dir: string })[];
}

/**
 * Reads `dir` (a `NN-slug` chapter folder). Throws a LessonError on the first problem.
 *
 * @example
 * ```ts
 * const chapter = await loadChapterFolder("lessons/02-routing", { number: 2, slug: "routing" });
 * ```
 */
export async function loadChapterFolder(dir: string, name: NumberedName): Promise<ChapterFolder> {
  const mdxPath = join(dir, "chapter.mdx");
  const source = await readTextFile(mdxPath);
  if (source === undefined) throw new LessonError(mdxPath, "file", "is missing; every chapter folder needs a chapter.mdx with a title and summary");
  const frontmatter = parseOrThrow(chapterFrontmatter, splitFrontmatter(source, mdxPath).data, mdxPath, "frontmatter");

  const lessonFolders: ChapterFolder["lessonFolders"] = [];
  for (const entry of await listEntries(dir)) {
    const parsed = entry.isDirectory ? parseNumberedName(entry.name) : undefined;
    if (!parsed) continue;
    const clash = lessonFolders.find((other) => other.number === parsed.number || other.slug === parsed.slug);
    if (clash) {
      const what = clash.number === parsed.number ? `number ${parsed.number}` : `slug "${parsed.slug}"`;
      throw new LessonError(join(dir, entry.name), "folder name", `has the same ${what} as ${join(dir, `${String(clash.number).padStart(2, "0")}-${clash.slug}`)}; each lesson needs its own`);
    }
    lessonFolders.push({ ...parsed, dir: join(dir, entry.name) });
  }
  lessonFolders.sort((a, b) => a.number - b.number);
  return { ...name, dir, frontmatter, lessonFolders };
}
