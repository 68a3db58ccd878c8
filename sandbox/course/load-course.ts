/**
 * Loads the whole course from `lessons/`: chapters and lessons in number order, `from: previous`
 * starters resolved, previous/next links set. `scanCourse` keeps going past broken lessons and
 * reports them all (for `lessons:check`); `loadCourse` refuses a course with any problem.
 */
import { join } from "node:path";
import { LessonError } from "./lesson-error";
import { isDirectory, listEntries } from "./files";
import { parseNumberedName } from "./names";
import { loadChapterFolder } from "./load-chapter";
import { loadLessonFolder, type LessonFolder } from "./load-lesson";
import { resolveBuildsOn } from "./builds-on";
import type { Chapter, Course, Lesson } from "./types";

/** Options of {@link scanCourse}. */
export interface ScanOptions {
  /** Which lesson folders get their tasks parsed from the MDX (default all); the others have none. */
  tasksOf?: (lessonDir: string) => boolean;
}

/** The result of scanning: every lesson that loaded, and every problem met on the way. */
export interface CourseScan {
  course: Course;
  problems: LessonError[];
}

/**
 * Loads the course under `root`. Throws the first LessonError if anything is wrong.
 *
 * @example
 * ```ts
 * const course = await loadCourse();
 * course.chapters[0]?.lessons[0]?.id; // "first-steps/hello-vial"
 * ```
 */
export async function loadCourse(root = "lessons"): Promise<Course> {
  const { course, problems } = await scanCourse(root);
  const [first] = problems;
  if (first) throw first;
  return course;
}

/**
 * Loads what can be loaded under `root` and collects a LessonError for each chapter or lesson
 * that could not be. Broken lessons are left out of `course`.
 *
 * @example
 * ```ts
 * const { course, problems } = await scanCourse("lessons");
 * for (const problem of problems) console.error(problem.message);
 * ```
 */
export async function scanCourse(root = "lessons", options: ScanOptions = {}): Promise<CourseScan> {
  if (!(await isDirectory(root))) {
    return { course: { chapters: [] }, problems: [new LessonError(root, "folder", "does not exist; it should hold the NN-chapter folders")] };
  }
  const problems: LessonError[] = [];
  const chapters: Chapter[] = [];
  // Lesson folders in course order; `undefined` marks one that failed, so `from: previous`
  // after it is reported instead of silently starting from the wrong lesson.
  const ordered: (LessonFolder | undefined)[] = [];
  // Every lesson id in course order, the failed ones too, for `builds-on`.
  const ids: { chapter: number; lesson: number; id: string }[] = [];
  const slugs = new Map<string, string>();

  for (const entry of await listEntries(root)) {
    const name = entry.isDirectory ? parseNumberedName(entry.name) : undefined;
    if (!name) continue;
    const dir = join(root, entry.name);
    const clash = slugs.get(name.slug);
    if (clash) {
      problems.push(new LessonError(dir, "folder name", `has the same slug "${name.slug}" as ${clash}; lesson ids would collide`));
      continue;
    }
    slugs.set(name.slug, dir);
    try {
      const folder = await loadChapterFolder(dir, name);
      const chapter: Chapter = { slug: name.slug, dir, number: name.number, ...folder.frontmatter, lessons: [] };
      for (const lessonName of folder.lessonFolders) {
        ids.push({ chapter: name.number, lesson: lessonName.number, id: `${name.slug}/${lessonName.slug}` });
        try {
          ordered.push(await loadLessonFolder(lessonName.dir, name.slug, lessonName.number, lessonName.slug, options.tasksOf?.(lessonName.dir) ?? true));
        } catch (error) {
          problems.push(asLessonError(error, lessonName.dir));
          ordered.push(undefined);
        }
      }
      chapters.push(chapter);
    } catch (error) {
      problems.push(asLessonError(error, dir));
    }
  }
  chapters.sort((a, b) => a.number - b.number);
  // Chapters are read in folder-name order; the course order is by number.
  ids.sort((a, b) => a.chapter - b.chapter || a.lesson - b.lesson);
  const lessons = resolveLessons(ordered, problems, ids.map((entry) => entry.id));
  for (const lesson of lessons) chapters.find((chapter) => chapter.slug === lesson.chapterSlug)?.lessons.push(lesson);
  return { course: { chapters }, problems };
}

/** Resolves starters and solutions in order and links neighbours; records problems it meets. */
function resolveLessons(ordered: (LessonFolder | undefined)[], problems: LessonError[], courseIds: readonly string[]): Lesson[] {
  const lessons: Lesson[] = [];
  let before: Lesson | undefined | null = null; // null: no lesson yet; undefined: the one before failed
  for (const folder of ordered) {
    if (!folder) {
      before = undefined;
      continue;
    }
    try {
      const lesson = resolveLesson(folder, before, courseIds);
      if (before) {
        before.next = lesson.id;
        lesson.previous = before.id;
      }
      lessons.push(lesson);
      before = lesson;
    } catch (error) {
      problems.push(asLessonError(error, folder.dir));
      before = undefined;
    }
  }
  return lessons;
}

function resolveLesson(folder: LessonFolder, before: Lesson | undefined | null, courseIds: readonly string[]): Lesson {
  const mdxPath = join(folder.dir, "lesson.mdx");
  let starter = folder.ownStarter ?? {};
  if (folder.frontmatter.from === "previous") {
    if (before === null) throw new LessonError(mdxPath, "from", "is \"previous\" but this is the first lesson of the course");
    if (before === undefined) throw new LessonError(mdxPath, "from", "is \"previous\" but the lesson before this one failed to load; fix that one first");
    starter = { ...before.solution, ...starter };
  }
  if (!(folder.frontmatter.focus in starter)) {
    const known = Object.keys(starter).join(", ") || "none";
    throw new LessonError(mdxPath, "focus", `names "${folder.frontmatter.focus}", which is not a starter file (starter files: ${known})`);
  }
  const buildsOn = resolveBuildsOn(mdxPath, folder.id, folder.frontmatter, before?.id, courseIds);
  const { ownStarter: _ownStarter, ownSolution, ...rest } = folder;
  return { ...rest, starter, solution: { ...starter, ...ownSolution }, buildsOn };
}

function asLessonError(error: unknown, dir: string): LessonError {
  if (error instanceof LessonError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new LessonError(dir, "folder", `could not be read: ${reason}`, { cause: error });
}
