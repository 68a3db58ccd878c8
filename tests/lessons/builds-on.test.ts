/**
 * The course as a path: `builds-on` and `from: previous` resolved into each lesson's `buildsOn`,
 * and every broken value refused by the loader with the file and field named. Also `tally`,
 * whose tasks must be the lesson's own.
 */
import { afterEach, describe, expect, it } from "vitest";
import { findLesson, loadCourse, LessonError, scanCourse } from "../../sandbox/course";
import { lessonMdx, validLessonFiles, writeCourse } from "./temp-course";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Chapter basics (ping, pong) and chapter more (third), with `third`'s frontmatter extended by `extra`. */
async function courseWith(extra: string, tasks = 1) {
  const written = await writeCourse({
    ...validLessonFiles("01-basics", "01-ping"),
    ...validLessonFiles("01-basics", "02-pong"),
    ...validLessonFiles("02-more", "01-third"),
    "02-more/01-third/lesson.mdx": lessonMdx(extra, tasks),
  });
  cleanups.push(written.cleanup);
  return written.root;
}

async function loadError(root: string): Promise<LessonError> {
  const error = await loadCourse(root).then(() => undefined, (thrown: unknown) => thrown);
  if (error instanceof LessonError) return error;
  throw new Error(`loadCourse did not throw a LessonError: ${String(error)}`);
}

describe("builds-on", () => {
  it("puts the previous lesson first for `from: previous`, then the lessons listed, in their order", async () => {
    const course = await loadCourse(await courseWith("from: previous\nbuilds-on:\n  - basics/ping\n"));
    expect(findLesson(course, "more/third")?.buildsOn).toEqual(["basics/pong", "basics/ping"]);
    expect(findLesson(course, "basics/ping")?.buildsOn).toEqual([]);
    expect(findLesson(course, "basics/pong")?.buildsOn).toEqual([]);
  });

  it("takes the ids listed when the lesson has its own starter", async () => {
    const course = await loadCourse(await courseWith("builds-on:\n  - basics/pong\n  - basics/ping\n"));
    expect(findLesson(course, "more/third")?.buildsOn).toEqual(["basics/pong", "basics/ping"]);
  });

  it.each([
    ["a lesson that does not exist", "builds-on:\n  - basics/pingg\n", "builds-on", /names "basics\/pingg", which is not a lesson of this course/],
    ["the lesson itself", "builds-on:\n  - more/third\n", "builds-on", /names this lesson itself/],
    ["the previous lesson again, with from: previous", "from: previous\nbuilds-on:\n  - basics/pong\n", "builds-on", /already implies/],
    ["folder names instead of an id", "builds-on:\n  - 01-basics/01-ping\n", "builds-on", /names the folders "01-basics\/01-ping"; write the lesson's id, "basics\/ping"/],
    ["something that is not an id", "builds-on:\n  - Basics Ping\n", "frontmatter.builds-on.0", /must be a lesson id such as "sessions\/login"/],
    ["one text instead of a list", "builds-on: basics/ping\n", "frontmatter.builds-on", /must be a list of lesson ids/],
    ["an empty list", "builds-on: []\n", "frontmatter.builds-on", /at least one lesson/],
    ["the same lesson twice", "builds-on:\n  - basics/ping\n  - basics/ping\n", "frontmatter.builds-on", /names a lesson twice/],
  ])("refuses %s, naming the field", async (_, extra, field, problem) => {
    const error = await loadError(await courseWith(extra));
    expect(error.file).toMatch(/02-more\/01-third\/lesson\.mdx$/);
    expect(error.field).toBe(field);
    expect(error.problem).toMatch(problem);
  });

  it("refuses a lesson that comes later in the course", async () => {
    const written = await writeCourse({
      ...validLessonFiles("01-basics", "01-ping"),
      ...validLessonFiles("01-basics", "02-pong"),
      "01-basics/01-ping/lesson.mdx": lessonMdx(),
      ...validLessonFiles("02-more", "01-third"),
      "01-basics/02-pong/lesson.mdx": lessonMdx("builds-on:\n  - more/third\n"),
    });
    cleanups.push(written.cleanup);
    const error = await loadError(written.root);
    expect(error.file).toMatch(/01-basics\/02-pong\/lesson\.mdx$/);
    expect(error.field).toBe("builds-on");
    expect(error.problem).toMatch(/names "more\/third", which comes later in the course/);
  });

  it("accepts a lesson that failed to load as an earlier lesson (its own problem is reported)", async () => {
    const written = await writeCourse({
      ...validLessonFiles("01-basics", "01-ping"),
      "01-basics/01-ping/lesson.mdx": lessonMdx().replace("minutes: 5", "minutes: ten"),
      ...validLessonFiles("02-more", "01-third"),
      "02-more/01-third/lesson.mdx": lessonMdx("builds-on:\n  - basics/ping\n"),
    });
    cleanups.push(written.cleanup);
    const { course, problems } = await scanCourse(written.root);
    expect(problems.map((found) => found.field)).toEqual(["frontmatter.minutes"]);
    expect(findLesson(course, "more/third")?.buildsOn).toEqual(["basics/ping"]);
  });
});

describe("tally", () => {
  it("is read with its tasks and label", async () => {
    const course = await loadCourse(await courseWith("tally:\n  tasks: [2, 3]\n  label: fixed\n", 3));
    expect(findLesson(course, "more/third")?.frontmatter.tally).toEqual({ tasks: [2, 3], label: "fixed" });
  });

  it.each([
    ["a task the lesson does not have", "tally:\n  tasks: [2, 4]\n  label: fixed\n", "tally.tasks", /names task 4, which this lesson does not have \(its tasks: 1, 2, 3\)/],
    ["no label", "tally:\n  tasks: [2]\n", "frontmatter.tally.label", /is missing/],
    ["a task that is not a number", "tally:\n  tasks: [two]\n  label: fixed\n", "frontmatter.tally.tasks.0", /must be task numbers/],
    ["an unknown field", "tally:\n  tasks: [2]\n  label: fixed\n  of: 11\n", "frontmatter.tally", /unknown field of/],
  ])("refuses %s, naming the field", async (_, extra, field, problem) => {
    const error = await loadError(await courseWith(extra, 3));
    expect(error.field).toBe(field);
    expect(error.problem).toMatch(problem);
  });
});
