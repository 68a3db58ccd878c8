import { describe, expect, it } from "vitest";
import type { GradeReport } from "../../../sandbox/report";
import { isLessonPassed, summarizeReport, taskStatus } from "../../../site/state/report-store";

const report: GradeReport = {
  status: "fail",
  durationMs: 5,
  checks: [
    { name: "one", task: 1, status: "pass" },
    { name: "two", task: 1, status: "pass" },
    { name: "three", task: 2, status: "fail", message: "expected 404" },
    { name: "four", task: 3, status: "error", message: "timed out" },
  ],
};

describe("task status from a grade report", () => {
  it("is pending with no report, and for a task without checks", () => {
    expect(taskStatus(null, 1)).toBe("pending");
    expect(taskStatus(report, 9)).toBe("pending");
  });

  it("follows the task's own checks", () => {
    expect(taskStatus(report, 1)).toBe("pass");
    expect(taskStatus(report, 2)).toBe("fail");
    expect(taskStatus(report, 3)).toBe("error");
  });

  it("is error for every task when the learner's code did not load", () => {
    const broken: GradeReport = { status: "error", durationMs: 1, message: "app.ts:3 SyntaxError", checks: [] };
    expect(taskStatus(broken, 1)).toBe("error");
  });
});

describe("lesson passed", () => {
  it("needs every check to pass", () => {
    expect(isLessonPassed(report)).toBe(false);
    expect(isLessonPassed({ status: "pass", durationMs: 1, checks: [{ name: "a", status: "pass" }] })).toBe(true);
  });

  it("is not passed by an empty or skipped run", () => {
    expect(isLessonPassed({ status: "pass", durationMs: 1, checks: [] })).toBe(false);
    expect(isLessonPassed({ status: "pass", durationMs: 1, checks: [{ name: "a", status: "skip" }] })).toBe(false);
  });

  it("summarises the run in words", () => {
    expect(summarizeReport(report)).toBe("2 of 4 checks pass");
    expect(summarizeReport({ status: "pass", durationMs: 1, checks: [{ name: "a", status: "pass" }] })).toMatch(/All 1 checks pass/);
  });
});
