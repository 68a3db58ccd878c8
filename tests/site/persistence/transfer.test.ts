import { describe, expect, it } from "vitest";
import { applyImport, exportFileName, exportProgress, prepareImport } from "../../../site/persistence/transfer";
import { createMemoryRepository, LAST_LESSON_KEY, type ProgressRepository } from "../../../site/persistence/repository";
import { lessonState, type LessonRecord } from "../../../site/persistence/records";
import { loadProgress, progressStore } from "../../../site/state/progress-store";

const mine: LessonRecord = { lessonId: "a/one", files: { "app.ts": "mine" }, passed: true, updatedAt: 1 };
const other: LessonRecord = { lessonId: "a/two", files: { "app.ts": "other" }, passed: false, updatedAt: 2 };

/** Prepares and applies an import, as a learner who confirms does. */
async function importConfirmed(repository: ProgressRepository, text: string) {
  const prepared = await prepareImport(repository, text);
  if (!prepared.ok) throw new Error(prepared.message);
  return applyImport(repository, prepared.plan);
}

describe("export and import", () => {
  it("moves every lesson to another browser", async () => {
    const source = createMemoryRepository([mine, other]);
    await source.setMeta(LAST_LESSON_KEY, "a/two");
    const text = await exportProgress(source, new Date("2025-03-04T05:06:07Z"));

    const target = createMemoryRepository();
    expect(await importConfirmed(target, text)).toEqual({ imported: 2, message: "Imported 2 lessons." });
    // The files move; the passes do not, until checks pass here.
    expect(await target.all()).toEqual((await source.all()).map((record) => ({ ...record, passed: false, importedAt: expect.any(Number) })));
    expect(await target.getMeta(LAST_LESSON_KEY)).toBe("a/two");
  });

  it("says which saved lessons a file would replace and which it adds, writing nothing", async () => {
    const target = createMemoryRepository([{ ...mine, files: { "app.ts": "old" } }, other]);
    const before = await target.all();
    const text = await exportProgress(createMemoryRepository([{ ...mine, passed: false }, { lessonId: "b/new", files: {}, passed: true, updatedAt: 3 }]));
    const prepared = await prepareImport(target, text);
    expect(prepared.ok && prepared.plan.replaced).toEqual([{ lessonId: "a/one", now: "passed", after: "passed" }]);
    expect(prepared.ok && prepared.plan.added).toEqual([{ lessonId: "b/new", now: "not-started", after: "imported" }]);
    expect(await target.all()).toEqual(before);
  });

  it("replaces lessons in the file and keeps the others", async () => {
    const target = createMemoryRepository([{ ...mine, files: { "app.ts": "old" } }, other]);
    await importConfirmed(target, await exportProgress(createMemoryRepository([mine])));
    expect((await target.get("a/one"))?.files).toEqual({ "app.ts": "mine" });
    expect(await target.get("a/two")).toEqual(other);
  });

  it("changes nothing when the file is refused", async () => {
    const target = createMemoryRepository([mine]);
    const before = await target.all();
    for (const text of ["", "[]", '{"format":"learn-vial-progress","version":1,"exportedAt":"x","lessons":[{"lessonId":"bad id"}]}']) {
      const prepared = await prepareImport(target, text);
      expect(prepared.ok).toBe(false);
    }
    expect(await target.all()).toEqual(before);
  });

  it("names the file after the day", () => {
    expect(exportFileName(new Date("2025-01-31T10:00:00Z"))).toBe("learn-vial-progress-2025-01-31.json");
  });
});

describe("an imported file's results", () => {
  const forged = JSON.stringify({
    format: "learn-vial-progress",
    version: 1,
    exportedAt: "2025-01-01T00:00:00.000Z",
    lessons: ["a/one", "capstone/audit"].map((lessonId) => ({
      lessonId,
      files: { "app.ts": `// ${lessonId} from someone else\n` },
      passed: true,
      lastCheck: { status: "pass", passedChecks: 11, totalChecks: 11, tasks: { "2": { passed: 11, total: 11 } }, at: 5 },
      updatedAt: 5,
    })),
  });

  it("keeps the files but counts no pass and no check the learner did not run here", async () => {
    const target = createMemoryRepository();
    const prepared = await prepareImport(target, forged);
    expect(prepared.ok && prepared.plan.added.map((lesson) => lesson.after)).toEqual(["imported", "imported"]);
    await importConfirmed(target, forged);
    await loadProgress(target);
    expect(progressStore.get().states).toEqual({ "a/one": "imported", "capstone/audit": "imported" });
    expect(progressStore.get().taskChecks).toEqual({});
    const record = await target.get("capstone/audit");
    expect(record?.files).toEqual({ "app.ts": "// capstone/audit from someone else\n" });
    expect(record?.passed).toBe(false);
    expect(record?.lastCheck).toBeUndefined();
  });

  it("keeps a pass earned in this browser when a file replaces the lesson's files", async () => {
    const target = createMemoryRepository([mine]);
    await importConfirmed(target, forged);
    expect(lessonState(await target.get("a/one"))).toBe("passed");
    expect((await target.get("a/one"))?.files).toEqual({ "app.ts": "// a/one from someone else\n" });
  });

  it("exports imported lessons as a file this site imports again, still unverified", async () => {
    const first = createMemoryRepository();
    await importConfirmed(first, forged);
    const second = createMemoryRepository();
    await importConfirmed(second, await exportProgress(first));
    expect((await second.all()).map(lessonState)).toEqual(["imported", "imported"]);
  });
});
