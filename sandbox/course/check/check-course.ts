/**
 * lessons:check as a function: load the course, run the static checks (frontmatter, MDX, stray
 * files) and grade every lesson's solution and starter, collecting every problem found.
 */
import { join, sep } from "node:path";
import { scanCourse, type CourseScan } from "../load-course";
import { findLesson, isInNamedLesson } from "../find-lesson";
import type { Lesson } from "../types";
import { compileMdxFile } from "./compile-mdx";
import { strayInCourse, strayInLesson } from "./stray-files";
import { placeholdersIn } from "./placeholders";
import { unplacedLesson } from "./unplaced-lesson";
import { typecheckCached } from "./typecheck-cache";
import { gradeLesson, judgeReports, type LessonReports } from "./grade-lesson";
import { mapWithLimit } from "./pool";
import { gradeWrongVariants, loadWrongVariants, type WrongVerdict } from "./wrong-variants";
import { fromLessonError, problem, type Problem } from "./problem";
import { gradingSession, type Grader } from "./grader";

/** Options of {@link checkCourse}. */
export interface CheckCourseOptions {
  /** The course folder; default `lessons`. */
  root?: string;
  /** The course as scanCourse(root) found it, when the caller has it already. */
  scan?: CourseScan;
  /** Check only this lesson (id, slug or folder path). */
  lesson?: string;
  /** Runs checks in a sandbox. */
  grade: Grader;
  /** Lessons graded at once (each grading is a child process); default 2. */
  concurrency?: number;
  /** Where type-check results are kept between runs; default node_modules/.cache/lessons-typecheck. */
  typecheckCache?: string;
  /** Called as each lesson finishes, for progress output. */
  onLesson?: (result: LessonResult) => void;
}

/** The outcome for one lesson. */
export interface LessonResult {
  id: string;
  problems: Problem[];
  reports?: LessonReports;
  /** How each known-wrong solution (wrong/<mistake>/) fared: which checks refused it. */
  wrong?: WrongVerdict[];
}

/** The outcome of a whole run. */
export interface CourseCheckResult {
  /** Every problem, course-level ones first, then lesson by lesson. */
  problems: Problem[];
  /** The lessons that loaded and were graded. */
  lessons: LessonResult[];
}

/**
 * Checks the course (or one lesson of it) and returns every problem found.
 *
 * @example
 * ```ts
 * const { problems } = await checkCourse({ root: "lessons", grade: nodeGrader() });
 * if (problems.length > 0) process.exitCode = 1;
 * ```
 */
export async function checkCourse(options: CheckCourseOptions): Promise<CourseCheckResult> {
  const root = options.root ?? "lessons";
  const scan = options.scan ?? (await scanCourse(root));
  const loadProblems = scan.problems.map(fromLessonError);
  const all = scan.course.chapters.flatMap((chapter) => chapter.lessons);

  let lessons: Lesson[] = all;
  const courseProblems: Problem[] = [];
  if (options.lesson !== undefined) {
    const target = findLesson(scan.course, options.lesson);
    const mine = loadProblems.filter((found) => isInNamedLesson(found.file, options.lesson ?? ""));
    if (!target && mine.length === 0) {
      const known = all.map((lesson) => lesson.id).join(", ") || "none";
      return { problems: [problem(root, "--lesson", `no lesson "${options.lesson}" (lessons: ${known})`)], lessons: [] };
    }
    lessons = target ? [target] : [];
    courseProblems.push(...(target ? loadProblems.filter((found) => isInside(found.file, target.dir)) : mine));
  } else {
    courseProblems.push(...loadProblems, ...(await strayInCourse(root)));
    for (const chapter of scan.course.chapters) {
      const found = await compileMdxFile(join(chapter.dir, "chapter.mdx"));
      if (found) courseProblems.push(found);
      courseProblems.push(...(await placeholdersIn(chapter.dir, ["chapter.mdx"])));
    }
  }

  const concurrency = options.concurrency ?? 2;
  // One lesson alone grades its solution, starter and wrong variants side by side; several
  // lessons grade side by side instead, so the machine never runs more than `concurrency` runs.
  const inner = lessons.length === 1 ? concurrency : 1;
  // The type check (cached, else in a worker thread) runs while the sandboxes grade.
  const typeErrors = typecheckCached(lessons, options.typecheckCache);
  const results = await mapWithLimit(lessons, concurrency, async (lesson) => {
    const result = await checkLesson(lesson, options.grade, inner, all[0]?.id);
    result.problems.push(...((await typeErrors).get(lesson.id) ?? []));
    options.onLesson?.(result);
    return result;
  });
  return { problems: [...courseProblems, ...results.flatMap((result) => result.problems)], lessons: results };
}

async function checkLesson(lesson: Lesson, grade: Grader, lanes: number, firstLessonId: string | undefined): Promise<LessonResult> {
  const session = gradingSession(grade, lanes);
  // The sandboxes first: they are child processes, and the static checks run while they grade.
  // The solution is asked for first: it runs every check, so it is the longest run, and the
  // others (the starter and each wrong variant, which stop early) fill the other lane meanwhile.
  const lessonGrading = gradeLesson(lesson, session.grade);
  const grading = Promise.all([
    lessonGrading,
    loadWrongVariants(lesson).then(async ({ variants, problems }) => ({ graded: await gradeWrongVariants(lesson, variants, session.grade), variantProblems: problems })),
  ]).finally(() => session.close());
  grading.catch(() => {}); // handled below, after the static checks
  const found: Problem[] = [];
  const mdx = await compileMdxFile(join(lesson.dir, "lesson.mdx"));
  if (mdx) found.push(mdx);
  found.push(...(await strayInLesson(lesson)));
  found.push(...unplacedLesson(lesson, firstLessonId));
  found.push(...(await placeholdersIn(lesson.dir, ["lesson.mdx", "checks.ts", "starter", "solution"])));
  let reports: LessonReports | undefined;
  let wrong: WrongVerdict[] | undefined;
  try {
    const [lessonReports, { graded, variantProblems }] = await grading;
    reports = lessonReports;
    found.push(...judgeReports(lesson, reports));
    found.push(...variantProblems);
    found.push(...graded.problems);
    wrong = graded.verdicts;
  } catch (error) {
    found.push(problem(lesson.dir, "grading", `the sandbox failed: ${error instanceof Error ? error.message : String(error)}`));
  }
  return { id: lesson.id, problems: found, ...(reports ? { reports } : {}), ...(wrong ? { wrong } : {}) };
}

function isInside(file: string, dir: string): boolean {
  return file === dir || file.startsWith(dir + sep) || file.startsWith(dir + "/");
}
