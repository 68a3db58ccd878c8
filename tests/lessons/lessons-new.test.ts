import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LessonError, findLesson, loadCourse } from "../../sandbox/course";
import { newLesson } from "../../sandbox/course/scaffold/new-lesson";
import { runLessonsNew } from "../../sandbox/course/scaffold/cli";
import { checkCourse } from "../../sandbox/course/check/check-course";
import { nodeGrader } from "../../sandbox/course/check/node-grader";
import { SOLUTION, validLessonFiles, writeCourse } from "./temp-course";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function course(files: Record<string, string | null> = validLessonFiles()) {
  const written = await writeCourse(files);
  cleanups.push(written.cleanup);
  return written.root;
}

async function refusal(promise: Promise<unknown>): Promise<LessonError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error("did not throw");
}

describe("lessons:new", { timeout: 120_000 }, () => {
  it("adds a numbered lesson at the end of the chapter that loads with the shared schemas", async () => {
    const root = await course();
    const written = await newLesson({ root, chapter: "basics", slug: "trailing-slashes" });
    const dir = join(root, "01-basics", "02-trailing-slashes");
    expect(written.sort()).toEqual(["checks.ts", "lesson.mdx", "solution/app.ts", "starter/app.ts"].map((file) => join(dir, file)));
    const lesson = findLesson(await loadCourse(root), "basics/trailing-slashes");
    expect(lesson).toMatchObject({ number: 2, previous: "basics/ping", frontmatter: { title: "Trailing slashes", focus: "app.ts" } });
    expect(lesson?.tasks.map((task) => task.n)).toEqual([1]);
  });

  it("scaffolds a lesson that fails lessons:check until it is written", async () => {
    const root = await course();
    await newLesson({ root, chapter: "01-basics", slug: "draft" });
    const { problems } = await checkCourse({ root, grade: nodeGrader(), lesson: "basics/draft" });
    const strip = (path: string) => path.slice(root.length + 1);
    const fields = problems.map((found) => `${strip(found.file)} ${found.field}`);
    // The placeholder check throws even against the solution...
    expect(problems).toContainEqual({ file: join(root, "01-basics/02-draft/solution/"), field: expect.stringContaining("check \"TODO(author)"), message: expect.stringContaining("write this check") });
    // ...and every placeholder left is named.
    expect(fields).toEqual(expect.arrayContaining(["01-basics/02-draft/lesson.mdx line 3", "01-basics/02-draft/checks.ts line 4", "01-basics/02-draft/solution/app.ts line 1"]));
    // Where the lesson fits in the course: a commented-out builds-on to fill in, missing until then.
    expect(await readFile(join(root, "01-basics/02-draft/lesson.mdx"), "utf8")).toContain("# builds-on: TODO(author): the earlier lessons this one uses");
    expect(fields).toContain("01-basics/02-draft/lesson.mdx builds-on");
  });

  it("continues from the previous lesson with --from-previous", async () => {
    const root = await course();
    await newLesson({ root, chapter: "basics", slug: "next", fromPrevious: true });
    const dir = join(root, "01-basics", "02-next");
    expect(await readFile(join(dir, "lesson.mdx"), "utf8")).toContain("from: previous\n");
    const lesson = findLesson(await loadCourse(root), "basics/next");
    expect(lesson?.starter).toEqual({ "app.ts": SOLUTION });
    expect(lesson?.solution["app.ts"]).toContain(SOLUTION);
  });

  it("creates a chapter only when asked", async () => {
    const root = await course();
    const error = await refusal(newLesson({ root, chapter: "sessions", slug: "cookies" }));
    expect(error.field).toBe("chapter");
    expect(error.problem).toContain("01-basics");
    await newLesson({ root, chapter: "sessions", slug: "cookies", newChapter: true });
    const loaded = await loadCourse(root);
    expect(loaded.chapters.map((chapter) => chapter.slug)).toEqual(["basics", "sessions"]);
    expect(findLesson(loaded, "sessions/cookies")?.number).toBe(1);
  });

  it("refuses a bad slug and a slug already taken in the chapter", async () => {
    const root = await course();
    expect((await refusal(newLesson({ root, chapter: "basics", slug: "Bad_Slug" }))).field).toBe("slug");
    expect((await refusal(newLesson({ root, chapter: "basics", slug: "ping" }))).problem).toContain("already has");
  });

  it("prints what it created, and usage for missing arguments", async () => {
    const root = await course();
    const lines: string[] = [];
    expect(await runLessonsNew(["basics", "hello", "--root", root], (line) => lines.push(line))).toBe(0);
    expect(lines[0]).toBe(`created ${join(root, "01-basics/02-hello/checks.ts")}`);
    expect(lines.at(-1)).toContain("lessons:check -- --lesson hello");
    const usage: string[] = [];
    expect(await runLessonsNew(["basics"], (line) => usage.push(line))).toBe(2);
    expect(usage.join("\n")).toContain("usage: npm run lessons:new");
    const unknown: string[] = [];
    expect(await runLessonsNew(["nope", "x", "--root", root], (line) => unknown.push(line))).toBe(1);
    expect(unknown[0]).toContain('has no chapter "nope"');
  });
});
