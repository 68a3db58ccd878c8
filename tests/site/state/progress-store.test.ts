import { describe, expect, it } from "vitest";
import { continueTarget, loadProgress, progressStore, setLessonState } from "../../../site/state/progress-store";
import { createMemoryRepository, LAST_LESSON_KEY } from "../../../site/persistence/repository";

const ids = ["a/one", "a/two", "b/three"];

describe("continue where you left off", () => {
  it("starts from the beginning for a newcomer", () => {
    expect(continueTarget({ loaded: true, states: {}, lastLessonId: null }, ids)).toBeNull();
  });

  it("prefers the lesson opened last", () => {
    expect(continueTarget({ loaded: true, states: { "a/one": "passed" }, lastLessonId: "b/three" }, ids)).toBe("b/three");
  });

  it("otherwise picks the first lesson not passed", () => {
    expect(continueTarget({ loaded: true, states: { "a/one": "passed" }, lastLessonId: "gone/lesson" }, ids)).toBe("a/two");
  });
});

describe("loading progress", () => {
  it("reads each record's state and the last lesson", async () => {
    const counts = { "1": { passed: 2, total: 2 }, "2": { passed: 1, total: 4 } };
    const repository = createMemoryRepository([
      { lessonId: "a/one", files: {}, passed: true, updatedAt: 1 },
      { lessonId: "a/two", files: { "app.ts": "x" }, passed: false, lastCheck: { status: "fail", passedChecks: 3, totalChecks: 6, tasks: counts, at: 2 }, updatedAt: 2 },
    ]);
    await repository.setMeta(LAST_LESSON_KEY, "a/two");
    await loadProgress(repository);
    expect(progressStore.get()).toEqual({ loaded: true, states: { "a/one": "passed", "a/two": "in-progress" }, taskChecks: { "a/two": counts }, lastLessonId: "a/two" });
    setLessonState("a/two", "passed");
    expect(progressStore.get().states["a/two"]).toBe("passed");
    expect(progressStore.get().taskChecks["a/two"]).toEqual(counts);
    const after = { "1": { passed: 2, total: 2 }, "2": { passed: 4, total: 4 } };
    setLessonState("a/two", "passed", after);
    expect(progressStore.get().taskChecks["a/two"]).toEqual(after);
  });
});

describe("imported lessons", () => {
  it("are not passes: continue leads to them and they have no tally", async () => {
    await loadProgress(createMemoryRepository([{ lessonId: "a/one", files: {}, passed: false, importedAt: 9, updatedAt: 1 }]));
    expect(progressStore.get().states).toEqual({ "a/one": "imported" });
    expect(continueTarget(progressStore.get(), ids)).toBe("a/one");
  });
});
