import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse, type Course } from "../../../sandbox/course";
import { allLessons, findLessonBySlugs, lessonHref, lessonRouteParams } from "../../../site/course/course-data";
import { courseOutline, inheritedPaths, lessonPageData } from "../../../site/course/page-data";
import { offlineManifest } from "../../../site/course/offline-manifest";

let course: Course;
beforeAll(async () => {
  course = await loadCourse("lessons");
});

describe("lesson page data from the real course", () => {
  it("gives one route per lesson, matching the lesson ids", () => {
    const params = lessonRouteParams(course);
    expect(params.length).toBe(allLessons(course).length);
    expect(params[0]).toEqual({ chapter: "first-steps", lesson: "hello-vial" });
    expect(findLessonBySlugs(course, "first-steps", "hello-vial")?.id).toBe("first-steps/hello-vial");
    expect(findLessonBySlugs(course, "first-steps", "nope")).toBeUndefined();
  });

  it("links neighbours and numbers lessons across the course", () => {
    const lessons = allLessons(course);
    const second = lessonPageData(course, lessons[1]!);
    expect(second.position).toBe(2);
    expect(second.total).toBe(lessons.length);
    expect(second.previous).toEqual({ id: lessons[0]!.id, title: lessons[0]!.frontmatter.title, href: lessonHref(lessons[0]!.id) });
    expect(second.next?.id).toBe(lessons[2]!.id);
    expect(lessonPageData(course, lessons[0]!).previous).toBeNull();
  });

  it("carries the files, checks and tasks the workspace needs", () => {
    const first = lessonPageData(course, allLessons(course)[0]!);
    expect(Object.keys(first.starter)).toContain(first.focus);
    expect(first.checks).toContain("check(");
    expect(first.tasks.map((task) => task.n)).toEqual(first.tasks.map((_, index) => index + 1));
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });

  it("marks `from: previous` lessons with the files they inherit", () => {
    const continuing = allLessons(course).find((lesson) => lesson.frontmatter.from === "previous");
    if (!continuing) return;
    const data = lessonPageData(course, continuing);
    expect(data.fromPrevious?.lessonId).toBe(continuing.previous);
    expect(data.fromPrevious?.inheritedPaths.length).toBeGreaterThan(0);
  });

  it("names, as links, what each lesson builds on, on the outline and the lesson page", () => {
    const outline = courseOutline(course);
    const lessons = outline.flatMap((chapter) => chapter.lessons);
    expect(lessons[0]?.buildsOn).toEqual([]);
    for (const lesson of lessons.slice(1)) expect(lesson.buildsOn.length, lesson.id).toBeGreaterThan(0);
    const responses = lessons.find((lesson) => lesson.id === "first-steps/responses");
    expect(responses?.buildsOn).toEqual([{ id: "first-steps/hello-vial", title: "Hello, Vial", href: "/learn/first-steps/hello-vial" }]);
    const login = findLessonBySlugs(course, "authorization", "login-required")!;
    expect(lessonPageData(course, login).buildsOn.map((link) => link.href)).toEqual(login.buildsOn.map(lessonHref));
  });

  it("gives each chapter its time and the audit its tally", () => {
    const outline = courseOutline(course);
    for (const chapter of outline) expect(chapter.minutes).toBe(chapter.lessons.reduce((sum, lesson) => sum + lesson.minutes, 0));
    const audit = outline.flatMap((chapter) => chapter.lessons).find((lesson) => lesson.id === "capstone/audit");
    expect(audit?.tally).toEqual({ tasks: [2, 3, 4], label: "fixed" });
    expect(outline[0]?.lessons[0]?.tally).toBeNull();
  });

  it("outlines every chapter and lists every page for offline use", () => {
    const outline = courseOutline(course);
    expect(outline.flatMap((chapter) => chapter.lessons).length).toBe(allLessons(course).length);
    const manifest = offlineManifest(course, ["/_next/static/chunks/a.js"]);
    expect(manifest.pages.slice(0, 2)).toEqual(["/", "/learn"]);
    expect(manifest.pages).toContain("/learn/first-steps/hello-vial");
    expect(manifest.assets).toContain("/sandbox/worker-host.mjs");
    expect(manifest.assets).toContain("/_next/static/chunks/a.js");
  });
});

describe("inherited paths", () => {
  it("are the starter files equal to the previous solution", () => {
    expect(inheritedPaths({ "app.ts": "x", "data.ts": "new" }, { "app.ts": "x", "data.ts": "old" })).toEqual(["app.ts"]);
  });
});
