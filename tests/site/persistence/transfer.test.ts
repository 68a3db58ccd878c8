import { describe, expect, it } from "vitest";
import { exportFileName, exportProgress, importProgress } from "../../../site/persistence/transfer";
import { createMemoryRepository, LAST_LESSON_KEY } from "../../../site/persistence/repository";
import type { LessonRecord } from "../../../site/persistence/records";

const mine: LessonRecord = { lessonId: "a/one", files: { "app.ts": "mine" }, passed: true, updatedAt: 1 };
const other: LessonRecord = { lessonId: "a/two", files: { "app.ts": "other" }, passed: false, updatedAt: 2 };

describe("export and import", () => {
  it("moves every lesson to another browser", async () => {
    const source = createMemoryRepository([mine, other]);
    await source.setMeta(LAST_LESSON_KEY, "a/two");
    const text = await exportProgress(source, new Date("2025-03-04T05:06:07Z"));

    const target = createMemoryRepository();
    const outcome = await importProgress(target, text);
    expect(outcome).toEqual({ ok: true, imported: 2, message: "Imported 2 lessons." });
    expect(await target.all()).toEqual(await source.all());
    expect(await target.getMeta(LAST_LESSON_KEY)).toBe("a/two");
  });

  it("replaces lessons in the file and keeps the others", async () => {
    const target = createMemoryRepository([{ ...mine, files: { "app.ts": "old" } }, other]);
    await importProgress(target, await exportProgress(createMemoryRepository([mine])));
    expect((await target.get("a/one"))?.files).toEqual({ "app.ts": "mine" });
    expect(await target.get("a/two")).toEqual(other);
  });

  it("changes nothing when the file is refused", async () => {
    const target = createMemoryRepository([mine]);
    const before = await target.all();
    for (const text of ["", "[]", '{"format":"learn-vial-progress","version":1,"exportedAt":"x","lessons":[{"lessonId":"bad id"}]}']) {
      const outcome = await importProgress(target, text);
      expect(outcome.ok).toBe(false);
    }
    expect(await target.all()).toEqual(before);
  });

  it("names the file after the day", () => {
    expect(exportFileName(new Date("2025-01-31T10:00:00Z"))).toBe("learn-vial-progress-2025-01-31.json");
  });
});
