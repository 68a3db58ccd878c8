/**
 * The parts of lessons:check that do not depend on the sandbox: stray files, placeholders left by
 * lessons:new, type errors, and checking one lesson. Grading is faked (see fake-grader.ts).
 */
import { afterEach, describe, expect, it } from "vitest";
import { checkCourse } from "../../sandbox/course/check/check-course";
import { fakeGrader } from "./fake-grader";
import { SOLUTION, STARTER, lessonMdx, validLessonFiles, writeCourse } from "./temp-course";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function check(files: Record<string, string | null>, lesson?: string) {
  const written = await writeCourse(files);
  cleanups.push(written.cleanup);
  const result = await checkCourse({ root: written.root, grade: fakeGrader(), ...(lesson ? { lesson } : {}) });
  const strip = (path: string) => path.slice(written.root.length + 1);
  return { ...result, problems: result.problems.map((found) => ({ ...found, file: strip(found.file) })) };
}

describe("lessons:check static rules", { timeout: 60_000 }, () => {
  it("finds nothing wrong in a valid course", async () => {
    const { problems, lessons } = await check({ ...validLessonFiles(), "README.md": "# Course\n", "AUTHORING.md": "# How\n" });
    expect(problems).toEqual([]);
    expect(lessons.map((lesson) => lesson.id)).toEqual(["basics/ping"]);
  });

  it("reports stray files in the course root, a chapter and a lesson", async () => {
    const { problems } = await check({
      ...validLessonFiles(),
      "notes.md": "todo\n",
      "drafts/idea.mdx": "x\n",
      "01-basics/old-chapter.mdx": "x\n",
      "01-basics/01-ping/starter/.DS_Store": "x",
      "01-basics/01-ping/solution/app.ts~": "x",
    });
    expect(problems.map((found) => [found.file, found.field])).toEqual([
      ["01-basics/old-chapter.mdx", "stray file"],
      ["drafts", "stray file"],
      ["notes.md", "stray file"],
      ["01-basics/01-ping/starter/.DS_Store", "stray file"],
      ["01-basics/01-ping/solution/app.ts~", "stray file"],
    ]);
  });

  it("reports a solution file identical to the starter's", async () => {
    const { problems } = await check({ ...validLessonFiles(), "01-basics/01-ping/solution/extra.ts": "export {};\n", "01-basics/01-ping/starter/extra.ts": "export {};\n" });
    expect(problems).toEqual([{ file: "01-basics/01-ping/solution/extra.ts", field: "file", message: expect.stringContaining("identical to the starter's") }]);
  });

  it("reports TODO(author) placeholders with their line", async () => {
    const { problems } = await check({
      ...validLessonFiles(),
      "01-basics/01-ping/lesson.mdx": lessonMdx().replace("summary: Answer a ping.", 'summary: "TODO(author): say it"'),
      "01-basics/chapter.mdx": "---\ntitle: Basics\nsummary: Fine.\n---\n\nTODO(author): intro\n",
    });
    expect(problems.map((found) => [found.file, found.field])).toEqual([
      ["01-basics/chapter.mdx", "line 6"],
      ["01-basics/01-ping/lesson.mdx", "line 3"],
    ]);
  });

  it("reports type errors in the solution and the starter, as laid out with checks.ts", async () => {
    const { problems } = await check({
      ...validLessonFiles(),
      "01-basics/01-ping/solution/app.ts": `${SOLUTION}const port: number = "5000";\n`,
      "01-basics/01-ping/starter/app.ts": STARTER.replace('"no"', "noSuchName"),
    });
    expect(problems).toEqual([
      { file: "01-basics/01-ping/solution/app.ts", field: "line 4:7", message: expect.stringContaining("Type 'string' is not assignable to type 'number'") },
      { file: "01-basics/01-ping/starter/app.ts", field: "line 3:24", message: expect.stringContaining("Cannot find name 'noSuchName'") },
    ]);
  });

  it("reports a checks.ts that imports something the app does not export", async () => {
    const { problems } = await check({ ...validLessonFiles(), "01-basics/01-ping/checks.ts": 'import { check } from "grader";\nimport { server } from "./app";\ncheck("x", () => { void server; }, { task: 1 });\n' });
    expect(problems.map((found) => [found.file, found.field])).toEqual([["01-basics/01-ping/checks.ts", "line 2:10"]]);
  });

  it("checks only the lesson asked for, and says so when there is none", async () => {
    const files = {
      ...validLessonFiles("01-basics", "01-ping"),
      ...validLessonFiles("01-basics", "02-pong"),
      "01-basics/02-pong/lesson.mdx": lessonMdx("builds-on:\n  - basics/ping\n"),
      "01-basics/02-pong/notes.txt": "stray\n",
      "stray-in-root.txt": "x\n",
    };
    const one = await check(files, "ping");
    expect(one.problems).toEqual([]);
    expect(one.lessons.map((lesson) => lesson.id)).toEqual(["basics/ping"]);
    const other = await check(files, "01-basics/02-pong");
    expect(other.problems.map((found) => found.file)).toEqual(["01-basics/02-pong/notes.txt"]);
    const none = await check(files, "nothing");
    expect(none.problems).toEqual([{ file: "", field: "--lesson", message: 'no lesson "nothing" (lessons: basics/ping, basics/pong)' }]);
  });

  it("reports a lesson after the first that names nothing it builds on, and not the first", async () => {
    const files = {
      ...validLessonFiles("01-basics", "01-ping"),
      ...validLessonFiles("01-basics", "02-pong"),
      ...validLessonFiles("01-basics", "03-continued"),
      "01-basics/03-continued/lesson.mdx": lessonMdx("from: previous\n"),
      ...validLessonFiles("01-basics", "04-listed"),
      "01-basics/04-listed/lesson.mdx": lessonMdx("builds-on:\n  - basics/ping\n"),
    };
    const { problems } = await check(files);
    expect(problems).toEqual([{ file: "01-basics/02-pong/lesson.mdx", field: "builds-on", message: expect.stringMatching(/^is missing; name the earlier lessons/) }]);
    expect((await check(files, "basics/pong")).problems.map((found) => found.field)).toEqual(["builds-on"]);
  });

  it("still reports the load problem of a lesson asked for by name", async () => {
    const files = { ...validLessonFiles(), "01-basics/01-ping/lesson.mdx": lessonMdx().replace("minutes: 5", "minutes: -1") };
    const { problems } = await check(files, "basics/ping");
    expect(problems.map((found) => [found.file, found.field])).toEqual([["01-basics/01-ping/lesson.mdx", "frontmatter.minutes"]]);
  });
});
