import { describe, expect, it } from "vitest";
import { filesChanged, startingFiles } from "../../../site/persistence/starting-files";
import type { LessonRecord } from "../../../site/persistence/records";

const starter = { "app.ts": "solution of lesson 1", "data.ts": "new in lesson 2" };
const previous = (passed: boolean): LessonRecord => ({
  lessonId: "a/one",
  files: { "app.ts": "my own app", "data.ts": "my data", "notes.ts": "mine" },
  passed,
  updatedAt: 1,
});

describe("starting files of a `from: previous` lesson", () => {
  it("continue the learner's own files once they passed the lesson before", () => {
    expect(startingFiles(starter, ["app.ts"], previous(true))).toEqual({
      "app.ts": "my own app",
      "data.ts": "new in lesson 2",
      "notes.ts": "mine",
    });
  });

  it("use the course's starter when the previous lesson is not passed or not started", () => {
    expect(startingFiles(starter, ["app.ts"], previous(false))).toEqual(starter);
    expect(startingFiles(starter, ["app.ts"], undefined)).toEqual(starter);
  });

  it("tell changed files apart", () => {
    expect(filesChanged(starter, { ...starter })).toBe(false);
    expect(filesChanged(starter, { "app.ts": "solution of lesson 1" })).toBe(true);
  });
});
