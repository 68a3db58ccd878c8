/**
 * `lessons:new` as a function: add a lesson folder (and, if asked, its chapter) at the end of a
 * chapter, from the templates. It never overwrites anything.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { LessonError } from "../lesson-error";
import { isDirectory, listEntries } from "../files";
import { isSlug, numberedName, parseNumberedName } from "../names";
import { scanCourse } from "../load-course";
import { chapterMdx, lessonMdx, PLACEHOLDER_CHECKS, solutionFrom, STARTER_APP } from "./templates";

/** What to scaffold. */
export interface NewLessonOptions {
  /** Course folder; default `lessons`. */
  root?: string;
  /** Chapter slug (`routing`), folder (`02-routing`) or number (`2`). */
  chapter: string;
  /** The new lesson's slug, e.g. `cookies`. */
  slug: string;
  /** Create the chapter if it does not exist. */
  newChapter?: boolean;
  /** Start from the previous lesson's solution (`from: previous`). */
  fromPrevious?: boolean;
}

/**
 * Scaffolds a lesson; resolves to the paths written. Throws a LessonError naming the argument
 * that is wrong (unknown chapter, bad or taken slug).
 *
 * @example
 * ```ts
 * await newLesson({ chapter: "routing", slug: "host-matching" });
 * // ["lessons/02-routing/06-host-matching/lesson.mdx", ...]
 * ```
 */
export async function newLesson(options: NewLessonOptions): Promise<string[]> {
  const root = options.root ?? "lessons";
  if (!isSlug(options.slug)) {
    throw new LessonError(options.slug, "slug", "must be lowercase words joined by dashes, e.g. trailing-slashes");
  }
  const written: string[] = [];
  const chapterDir = await findOrCreateChapter(root, options, written);
  const lessons = (await listEntries(chapterDir)).flatMap((entry) => (entry.isDirectory ? [parseNumberedName(entry.name)] : [])).filter((name) => name !== undefined);
  if (lessons.some((lesson) => lesson.slug === options.slug)) {
    throw new LessonError(chapterDir, "slug", `already has a lesson "${options.slug}"; pick another slug`);
  }
  const number = Math.max(0, ...lessons.map((lesson) => lesson.number)) + 1;
  const dir = join(chapterDir, numberedName(number, options.slug));

  const files: Record<string, string> = { "checks.ts": PLACEHOLDER_CHECKS };
  let focus = "app.ts";
  if (options.fromPrevious) {
    const previous = await lastLessonBefore(root, chapterDir);
    focus = previous.frontmatter.focus;
    files[`solution/${focus}`] = solutionFrom(previous.solution[focus] ?? "");
  } else {
    files["starter/app.ts"] = STARTER_APP;
    files["solution/app.ts"] = solutionFrom(STARTER_APP);
  }
  files["lesson.mdx"] = lessonMdx({ slug: options.slug, focus, fromPrevious: options.fromPrevious === true });
  for (const [name, contents] of Object.entries(files)) {
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, contents, { flag: "wx" });
    written.push(path);
  }
  return written;
}

async function findOrCreateChapter(root: string, options: NewLessonOptions, written: string[]): Promise<string> {
  if (!(await isDirectory(root))) throw new LessonError(root, "folder", "does not exist; run this from the repository root");
  const chapters = (await listEntries(root)).flatMap((entry) => {
    const name = entry.isDirectory ? parseNumberedName(entry.name) : undefined;
    return name ? [{ ...name, folder: entry.name }] : [];
  });
  const wanted = options.chapter;
  const found = chapters.find((chapter) => chapter.folder === wanted || chapter.slug === wanted || String(chapter.number) === wanted.replace(/^0+/, ""));
  if (found) return join(root, found.folder);
  const known = chapters.map((chapter) => chapter.folder).join(", ") || "none";
  if (!options.newChapter) {
    throw new LessonError(root, "chapter", `has no chapter "${wanted}" (chapters: ${known}); to start a new chapter add --new-chapter`);
  }
  const slug = parseNumberedName(wanted)?.slug ?? wanted;
  if (!isSlug(slug)) throw new LessonError(wanted, "chapter", "must be lowercase words joined by dashes, e.g. sessions");
  const number = Math.max(0, ...chapters.map((chapter) => chapter.number)) + 1;
  const dir = join(root, numberedName(number, slug));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "chapter.mdx"), chapterMdx(slug), { flag: "wx" });
  written.push(join(dir, "chapter.mdx"));
  return dir;
}

async function lastLessonBefore(root: string, chapterDir: string) {
  const { course, problems } = await scanCourse(root);
  const chapterIndex = course.chapters.findIndex((chapter) => chapter.dir === chapterDir);
  const earlier = course.chapters.slice(0, chapterIndex === -1 ? undefined : chapterIndex + 1).flatMap((chapter) => chapter.lessons);
  const previous = earlier.at(-1);
  if (!previous) {
    const why = problems[0] ? ` (${problems[0].message})` : "";
    throw new LessonError(chapterDir, "--from-previous", `there is no earlier lesson that loads to continue from${why}`);
  }
  return previous;
}
