/**
 * The standard the course's own lessons keep (see lessons/AUTHORING.md and course-standard.ts).
 * Grading them is `npm run lessons:check`, which is part of `npm test`; this checks the shape
 * cheaply, and that a lesson added with `lessons:new` keeps it.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findLesson, loadCourse } from "../../sandbox/course";
import { runLessonsNew } from "../../sandbox/course/scaffold/cli";
import { CORE_CHAPTERS, standardProblems } from "./course-standard";

const course = await loadCourse("lessons");
const copies: string[] = [];
afterAll(async () => {
  for (const dir of copies) await rm(dir, { recursive: true, force: true });
});

describe("the course", () => {
  it("keeps the standard: core chapters in order, lessons linked, 2 to 4 hinted tasks, a Flask note, an unhappy path", () => {
    expect(course.chapters.flatMap((chapter) => chapter.lessons).length).toBeGreaterThan(0);
    expect(standardProblems(course)).toEqual([]);
  });

  it("still keeps it after lessons:new adds a lesson, from scratch or from the previous solution", async () => {
    const root = await mkdtemp(join(tmpdir(), "course-copy-"));
    copies.push(root);
    await cp("lessons", root, { recursive: true });
    const lastChapter = course.chapters.at(-1)?.slug ?? CORE_CHAPTERS.at(-1) ?? "";
    const out: string[] = [];
    expect(await runLessonsNew([CORE_CHAPTERS[1] ?? "", "scaffolded-lesson", "--root", root], (line) => out.push(line)), out.join("\n")).toBe(0);
    expect(await runLessonsNew([lastChapter, "continued-lesson", "--from-previous", "--root", root], (line) => out.push(line)), out.join("\n")).toBe(0);
    const grown = await loadCourse(root);
    expect(findLesson(grown, `${CORE_CHAPTERS[1]}/scaffolded-lesson`)).toBeDefined();
    const continued = findLesson(grown, `${lastChapter}/continued-lesson`);
    expect(continued?.frontmatter.from).toBe("previous");
    expect(standardProblems(grown)).toEqual([]);
  });
});
