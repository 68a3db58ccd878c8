import { describe, expect, it } from "vitest";
import { createProgressFile, parseProgressFile, PROGRESS_FORMAT } from "../../../site/persistence/export-format";
import type { LessonRecord } from "../../../site/persistence/records";

const record: LessonRecord = {
  lessonId: "first-steps/hello-vial",
  files: { "app.ts": "export const app = 1;" },
  passed: true,
  lastCheck: { status: "pass", passedChecks: 4, totalChecks: 4, at: 1 },
  updatedAt: 10,
};

describe("progress file", () => {
  it("round-trips through JSON", () => {
    const file = createProgressFile([record], "first-steps/hello-vial", new Date("2025-01-01T00:00:00Z"));
    const parsed = parseProgressFile(JSON.stringify(file));
    expect(parsed).toEqual({ ok: true, file });
  });

  it("refuses text that is not JSON", () => {
    const parsed = parseProgressFile("{not json");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/not valid JSON.*Nothing was imported/);
  });

  it("refuses a foreign JSON file", () => {
    const parsed = parseProgressFile(JSON.stringify({ name: "some-package", version: "1.0.0" }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/not a Learn Vial progress file/);
  });

  it("refuses a file from a newer version", () => {
    const parsed = parseProgressFile(JSON.stringify({ format: PROGRESS_FORMAT, version: 7, lessons: [] }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/newer Learn Vial \(version 7\)/);
  });

  it("refuses a damaged file and says where", () => {
    const file = createProgressFile([record], undefined, new Date());
    const damaged = { ...file, lessons: [{ ...record, files: { "app.ts": 42 } }] };
    const parsed = parseProgressFile(JSON.stringify(damaged));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/damaged: lessons\.0\.files\.app\.ts/);
  });

  it("refuses file paths that leave the workspace", () => {
    const file = createProgressFile([{ ...record, files: { "../../etc/passwd": "x" } }], undefined, new Date());
    expect(parseProgressFile(JSON.stringify(file)).ok).toBe(false);
  });

  it("refuses a lesson listed twice", () => {
    const file = createProgressFile([record, record], undefined, new Date());
    const parsed = parseProgressFile(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/appears twice/);
  });
});
