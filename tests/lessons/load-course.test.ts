import { afterEach, describe, expect, it } from "vitest";
import { findLesson, loadCourse, LessonError, scanCourse } from "../../sandbox/course";
import { isInNamedLesson } from "../../sandbox/course/find-lesson";
import { CHAPTER_MDX, CHECKS, lessonMdx, SOLUTION, STARTER, validLessonFiles, writeCourse } from "./temp-course";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function course(files: Record<string, string | null>) {
  const written = await writeCourse(files);
  cleanups.push(written.cleanup);
  return written.root;
}

async function loadError(files: Record<string, string | null>): Promise<LessonError> {
  const root = await course(files);
  try {
    await loadCourse(root);
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error("loadCourse did not throw");
}

describe("loadCourse", () => {
  it("loads chapters and lessons with ids, slugs, numbers, files and tasks", async () => {
    const root = await course({
      ...validLessonFiles("02-routing", "01-methods"),
      ...validLessonFiles("01-first-steps", "01-hello"),
      "01-first-steps/02-responses/lesson.mdx": lessonMdx("from: previous\n", 2),
      "01-first-steps/02-responses/solution/app.ts": "// finished\n",
      "01-first-steps/02-responses/checks.ts": CHECKS,
    });
    const loaded = await loadCourse(root);
    expect(loaded.chapters.map((chapter) => [chapter.slug, chapter.number, chapter.title])).toEqual([
      ["first-steps", 1, "Basics"],
      ["routing", 2, "Basics"],
    ]);
    const [hello, responses] = loaded.chapters[0]!.lessons;
    expect(hello).toMatchObject({ id: "first-steps/hello", slug: "hello", number: 1, chapterSlug: "first-steps", next: "first-steps/responses" });
    expect(hello!.previous).toBeUndefined();
    expect(hello!.starter).toEqual({ "app.ts": STARTER });
    expect(hello!.solution).toEqual({ "app.ts": SOLUTION });
    expect(hello!.checks).toBe(CHECKS);
    expect(hello!.frontmatter).toEqual({ title: "Ping", summary: "Answer a ping.", minutes: 5, focus: "app.ts", objectives: ["Answer GET /ping"] });
    expect(hello!.body.startsWith("\nText.")).toBe(true);
    expect(hello!.tasks).toEqual([{ n: 1, title: "Task 1", hint: "Hint 1." }]);
    expect(responses!.tasks.map((task) => task.n)).toEqual([1, 2]);
    // The next chapter's first lesson follows the last lesson of this one.
    expect(responses!.next).toBe("routing/methods");
    expect(loaded.chapters[1]!.lessons[0]!.previous).toBe("first-steps/responses");
  });

  it("starts a `from: previous` lesson from the previous solution, overlaid with its own starter files", async () => {
    const root = await course({
      ...validLessonFiles(),
      "01-basics/02-next/lesson.mdx": lessonMdx("from: previous\n"),
      "01-basics/02-next/starter/extra.ts": "export const extra = 1;\n",
      "01-basics/02-next/solution/app.ts": "// next solution\n",
      "01-basics/02-next/checks.ts": CHECKS,
    });
    const next = findLesson(await loadCourse(root), "basics/next");
    expect(next?.starter).toEqual({ "app.ts": SOLUTION, "extra.ts": "export const extra = 1;\n" });
    expect(next?.solution).toEqual({ "app.ts": "// next solution\n", "extra.ts": "export const extra = 1;\n" });
  });

  it("orders by number prefix, not by name", async () => {
    const root = await course({ ...validLessonFiles("01-basics", "10-later"), ...validLessonFiles("01-basics", "09-earlier") });
    const lessons = (await loadCourse(root)).chapters[0]!.lessons;
    expect(lessons.map((lesson) => lesson.slug)).toEqual(["earlier", "later"]);
  });

  it("names the file and field of a frontmatter value of the wrong type", async () => {
    const files = validLessonFiles();
    files["01-basics/01-ping/lesson.mdx"] = lessonMdx().replace("minutes: 5", "minutes: ten");
    const error = await loadError(files);
    expect(error.file).toMatch(/01-basics\/01-ping\/lesson\.mdx$/);
    expect(error.field).toBe("frontmatter.minutes");
    expect(error.problem).toContain('got "ten"');
  });

  it("names a missing required field and an unknown one", async () => {
    const missing = validLessonFiles();
    missing["01-basics/01-ping/lesson.mdx"] = lessonMdx().replace("summary: Answer a ping.\n", "");
    expect((await loadError(missing)).field).toBe("frontmatter.summary");

    const unknown = validLessonFiles();
    unknown["01-basics/01-ping/lesson.mdx"] = lessonMdx("form: previous\n");
    const error = await loadError(unknown);
    expect(error.field).toBe("frontmatter.form");
    expect(error.problem).toContain("unknown field");
  });

  it("rejects a focus that is not a starter file", async () => {
    const files = validLessonFiles();
    files["01-basics/01-ping/lesson.mdx"] = lessonMdx().replace("focus: app.ts", "focus: main.ts");
    const error = await loadError(files);
    expect(error.field).toBe("focus");
    expect(error.problem).toContain("main.ts");
    expect(error.problem).toContain("app.ts");
  });

  it("rejects `from: previous` on the first lesson", async () => {
    const files = validLessonFiles();
    files["01-basics/01-ping/lesson.mdx"] = lessonMdx("from: previous\n");
    const error = await loadError(files);
    expect(error.field).toBe("from");
    expect(error.problem).toContain("first lesson");
  });

  it("requires starter/ unless the lesson starts from the previous one, and a non-empty solution/", async () => {
    const noStarter = { ...validLessonFiles(), "01-basics/01-ping/starter/app.ts": null };
    expect((await loadError(noStarter)).file).toMatch(/starter$/);
    const noSolution = { ...validLessonFiles(), "01-basics/01-ping/solution/app.ts": null };
    expect((await loadError(noSolution)).file).toMatch(/solution$/);
    const noChecks = { ...validLessonFiles(), "01-basics/01-ping/checks.ts": null };
    expect((await loadError(noChecks)).file).toMatch(/checks\.ts$/);
  });

  it("requires chapter.mdx with a valid frontmatter", async () => {
    const files = { ...validLessonFiles(), "01-basics/chapter.mdx": "---\ntitle: Basics\n---\n" };
    const error = await loadError(files);
    expect(error.file).toMatch(/chapter\.mdx$/);
    expect(error.field).toBe("frontmatter.summary");
  });

  it("refuses two lessons with the same number in a chapter", async () => {
    const error = await loadError({ ...validLessonFiles("01-basics", "01-ping"), ...validLessonFiles("01-basics", "01-pong") });
    expect(error.field).toBe("folder name");
    expect(error.problem).toContain("number 1");
  });

  it("reports a missing course folder", async () => {
    const root = await course({});
    const { problems } = await scanCourse(`${root}/nope`);
    expect(problems[0]?.problem).toContain("does not exist");
  });

  it("keeps loading past a broken lesson when scanning, and says why a lesson after it cannot start from it", async () => {
    const root = await course({
      ...validLessonFiles("01-basics", "01-ping"),
      "01-basics/01-ping/lesson.mdx": lessonMdx().replace("minutes: 5", "minutes: 0"),
      "01-basics/02-next/lesson.mdx": lessonMdx("from: previous\n"),
      "01-basics/02-next/solution/app.ts": "// next\n",
      "01-basics/02-next/checks.ts": CHECKS,
      ...validLessonFiles("02-more", "01-fine"),
      "02-more/chapter.mdx": CHAPTER_MDX,
    });
    const { course: scanned, problems } = await scanCourse(root);
    expect(problems.map((found) => found.field)).toEqual(["frontmatter.minutes", "from"]);
    expect(problems[1]?.problem).toContain("failed to load");
    expect(scanned.chapters.flatMap((chapter) => chapter.lessons.map((lesson) => lesson.id))).toEqual(["more/fine"]);
  });
});

describe("findLesson", () => {
  it("finds by id, by unambiguous slug and by folder path", async () => {
    const root = await course({ ...validLessonFiles("01-a", "01-ping"), ...validLessonFiles("02-b", "01-pong"), ...validLessonFiles("02-b", "02-ping") });
    const loaded = await loadCourse(root);
    expect(findLesson(loaded, "a/ping")?.id).toBe("a/ping");
    expect(findLesson(loaded, "pong")?.id).toBe("b/pong");
    expect(findLesson(loaded, "02-b/02-ping")?.id).toBe("b/ping");
    expect(findLesson(loaded, "lessons/02-b/01-pong/")?.id).toBe("b/pong");
    expect(findLesson(loaded, "ping")).toBeUndefined(); // two chapters have a "ping"
    expect(findLesson(loaded, "c/nothing")).toBeUndefined();
  });
});

describe("scanCourse with tasksOf", () => {
  it("parses the tasks of the lessons it names only, and still loads every lesson's files", async () => {
    const root = await course({ ...validLessonFiles("01-a", "01-ping"), ...validLessonFiles("02-b", "01-pong") });
    const { course: scanned, problems } = await scanCourse(root, { tasksOf: (dir) => isInNamedLesson(dir, "b/pong") });
    expect(problems).toEqual([]);
    const pong = findLesson(scanned, "b/pong");
    const ping = findLesson(scanned, "a/ping");
    expect(pong?.tasks.length).toBeGreaterThan(0);
    expect(ping?.tasks).toEqual([]);
    expect(Object.keys(ping?.solution ?? {})).not.toEqual([]);
  });
});
