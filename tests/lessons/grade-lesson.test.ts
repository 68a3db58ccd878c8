import { describe, expect, it } from "vitest";
import { gradeLesson, judgeReports } from "../../sandbox/course/check/grade-lesson";
import type { GradeInput } from "../../sandbox/course/check/grader";
import type { Lesson } from "../../sandbox/course";
import type { CheckResult, GradeReport } from "../../sandbox/report";

const lesson: Lesson = {
  id: "basics/ping", slug: "ping", number: 1, chapterSlug: "basics", dir: "lessons/01-basics/01-ping",
  frontmatter: { title: "Ping", summary: "s", minutes: 5, focus: "app.ts", objectives: ["o"] },
  body: "", starter: { "app.ts": "" }, solution: { "app.ts": "" }, checks: "",
  tasks: [{ n: 1, hint: "h" }, { n: 2, hint: "h" }], buildsOn: [],
};

const pass = (name: string, task?: number): CheckResult => ({ name, status: "pass", ...(task !== undefined ? { task } : {}) });
const fail = (name: string, task: number, message: string): CheckResult => ({ name, task, status: "fail", message });
const report = (checks: CheckResult[], status: GradeReport["status"] = checks.every((c) => c.status === "pass") ? "pass" : "fail", message?: string): GradeReport =>
  ({ status, durationMs: 1, checks, ...(message ? { message } : {}) });

const good = report([pass("one", 1), pass("two", 2)]);
const starterFails = report([fail("one", 1, "expected 200, got 404."), pass("two", 2)]);

describe("judgeReports", () => {
  it("finds nothing wrong when the solution passes, the starter fails one check and tasks match", () => {
    expect(judgeReports(lesson, { solution: good, starter: starterFails })).toEqual([]);
  });

  it("names each check the solution fails, with the grader's message", () => {
    const solution = report([fail("one", 1, "body of GET /ping: expected \"pong\", got \"pong!\"."), pass("two", 2)]);
    expect(judgeReports(lesson, { solution, starter: starterFails })).toEqual([
      { file: "lessons/01-basics/01-ping/solution/", field: 'check "one" (task 1)', message: 'fails against the solution: body of GET /ping: expected "pong", got "pong!".' },
    ]);
  });

  it("reports a solution that does not load", () => {
    const solution = report([], "error", "app.ts:3: SyntaxError");
    const found = judgeReports(lesson, { solution, starter: starterFails });
    expect(found).toEqual([{ file: "lessons/01-basics/01-ping/solution/", field: "load", message: expect.stringContaining("app.ts:3: SyntaxError") }]);
  });

  it("reports a starter that already passes every check", () => {
    const found = judgeReports(lesson, { solution: good, starter: good });
    expect(found).toEqual([{ file: "lessons/01-basics/01-ping/starter/", field: "checks", message: expect.stringContaining("all 2 checks already pass") }]);
  });

  it("reports a starter that does not load, even though it fails", () => {
    const found = judgeReports(lesson, { solution: good, starter: report([], "error", "app.ts:2: Unexpected token") });
    expect(found).toEqual([{ file: "lessons/01-basics/01-ping/starter/", field: "load", message: expect.stringContaining("Unexpected token") }]);
  });

  it("says a from-previous starter was built from the previous solution", () => {
    const fromPrevious = { ...lesson, frontmatter: { ...lesson.frontmatter, from: "previous" as const } };
    expect(judgeReports(fromPrevious, { solution: good, starter: good })[0]?.message).toContain("previous lesson's solution");
  });

  it("reports a check naming a task the lesson does not have, a check naming none, and a task no check covers", () => {
    const solution = report([pass("one", 1), pass("three", 3), pass("untasked")]);
    const found = judgeReports(lesson, { solution, starter: starterFails });
    expect(found).toEqual([
      { file: "lessons/01-basics/01-ping/checks.ts", field: 'check "three" (task 3)', message: "names task 3, which lesson.mdx does not have (its tasks: 1, 2)" },
      { file: "lessons/01-basics/01-ping/checks.ts", field: 'check "untasked"', message: expect.stringContaining("names no task") },
      { file: "lessons/01-basics/01-ping/lesson.mdx", field: "<Task n={2}>", message: "has no check; add a check with { task: 2 } to checks.ts" },
    ]);
  });

  it("reports two checks with the same name", () => {
    const solution = report([pass("one", 1), pass("one", 2)]);
    expect(judgeReports(lesson, { solution, starter: starterFails })).toEqual([
      { file: "lessons/01-basics/01-ping/checks.ts", field: 'check "one" (task 2)', message: expect.stringContaining("is the name of two checks") },
    ]);
  });

  it("does not allow skipped checks in the solution", () => {
    const solution = report([pass("one", 1), { name: "two", task: 2, status: "skip", message: "Skipped by the lesson." }]);
    expect(judgeReports(lesson, { solution, starter: starterFails })[0]?.message).toContain("is skipped");
  });

  it("reports checks.ts without any check", () => {
    const found = judgeReports(lesson, { solution: report([]), starter: report([]) });
    expect(found.map((f) => f.field)).toEqual(["check()", "<Task n={1}>", "<Task n={2}>"]);
  });
});

describe("gradeLesson", () => {
  it("grades the solution with every check and the starter only up to its first failure", async () => {
    const asked: GradeInput[] = [];
    const reports = await gradeLesson({ ...lesson, solution: { "app.ts": "solution" }, starter: { "app.ts": "starter" } }, async (input) => {
      asked.push(input);
      return input.files["app.ts"] === "solution" ? good : starterFails;
    });
    expect(asked.map((input) => [input.files["app.ts"], input.stopAtFirstFailure ?? false])).toEqual([["solution", false], ["starter", true]]);
    expect(reports).toEqual({ solution: good, starter: starterFails });
  });
});
