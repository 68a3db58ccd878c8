/**
 * The standard the course's own lessons keep (see lessons/AUTHORING.md). Grading them is
 * `npm run lessons:check`, which is part of `npm test`; this checks the shape cheaply.
 */
import { describe, expect, it } from "vitest";
import { loadCourse } from "../../sandbox/course";

const course = await loadCourse("lessons");
const lessons = course.chapters.flatMap((chapter) => chapter.lessons);

describe("the course", () => {
  it("has its five chapters, covering routing, sessions, validation and secure deployment, in order", () => {
    expect(lessons.map((lesson) => lesson.id)).toEqual([
      "first-steps/hello-vial",
      "first-steps/responses",
      "first-steps/reading-the-request",
      "routing/dynamic-routes",
      "routing/methods",
      "routing/urls-and-redirects",
      "routing/blueprints",
      "routing/errors",
      "sessions/signed-cookies",
      "sessions/login",
      "sessions/cookie-settings",
      "validation/json-bodies",
      "validation/query-and-headers",
      "validation/responses-and-errors",
      "secure-deployment/headers-and-escaping",
      "secure-deployment/csrf-and-rate-limits",
      "secure-deployment/behind-a-proxy",
    ]);
  });

  it.each(lessons.map((lesson) => [lesson.id, lesson] as const))("%s has 2 to 4 tasks, each with a hint", (_, lesson) => {
    expect(lesson.tasks.length).toBeGreaterThanOrEqual(2);
    expect(lesson.tasks.length).toBeLessThanOrEqual(4);
    for (const task of lesson.tasks) expect(task.hint?.length ?? 0).toBeGreaterThan(10);
  });

  it.each(lessons.map((lesson) => [lesson.id, lesson] as const))("%s has a note for readers coming from Flask", (_, lesson) => {
    expect(lesson.body).toContain("> **Coming from Flask?**");
  });

  it.each(lessons.map((lesson) => [lesson.id, lesson] as const))("%s checks at least one unhappy path (a 4xx status)", (_, lesson) => {
    expect(lesson.checks).toMatch(/toBe\(4\d\d\)/);
  });

  it("links the lessons in one chain", () => {
    lessons.forEach((lesson, index) => {
      expect(lesson.previous).toBe(lessons[index - 1]?.id);
      expect(lesson.next).toBe(lessons[index + 1]?.id);
    });
  });
});
