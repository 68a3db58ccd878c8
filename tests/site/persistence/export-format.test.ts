import { describe, expect, it } from "vitest";
import {
  createProgressFile,
  filePathProblem,
  MAX_FILES_PER_LESSON,
  MAX_LESSONS,
  MAX_PROGRESS_BYTES,
  parseProgressFile,
  PROGRESS_FORMAT,
} from "../../../site/persistence/export-format";
import type { LessonRecord } from "../../../site/persistence/records";

const record: LessonRecord = {
  lessonId: "first-steps/hello-vial",
  files: { "app.ts": "export const app = 1;" },
  passed: true,
  lastCheck: { status: "pass", passedChecks: 4, totalChecks: 4, tasks: { "1": { passed: 1, total: 1 }, "2": { passed: 3, total: 3 } }, at: 1 },
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
    if (!parsed.ok) expect(parsed.message).toMatch(/damaged: lessons\[0\]\.files\["app\.ts"\] invalid input: expected string, received number\. Nothing was imported\.$/);
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

/** A progress file's text holding `lessons` (raw values, so tests can make them hostile). */
function fileWith(lessons: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: PROGRESS_FORMAT, version: 1, exportedAt: "2025-01-01T00:00:00.000Z", lessons, ...extra });
}

/** The refusal message for `text` (fails the test when the text is accepted). */
function refusal(text: string): string {
  const parsed = parseProgressFile(text);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? "" : parsed.message;
}

describe("hostile progress files", () => {
  it("refuses a file over the size limit before parsing it", () => {
    expect(refusal(" ".repeat(MAX_PROGRESS_BYTES + 1))).toMatch(/too large.*20 MB.*Nothing was imported/);
  });

  it("names the field of a wrong type", () => {
    expect(refusal(fileWith([{ ...record, passed: "yes" }]))).toMatch(/lessons\[0\]\.passed invalid input: expected boolean, received string/);
    expect(refusal(fileWith([{ ...record, updatedAt: -1 }]))).toMatch(/lessons\[0\]\.updatedAt/);
    expect(refusal(fileWith([{ ...record, lastCheck: { status: "pass", passedChecks: 9, totalChecks: 4, at: 1 } }]))).toMatch(/lessons\[0\]\.lastCheck counts more passed checks than checks/);
    const counts = (tasks: unknown) => fileWith([{ ...record, lastCheck: { status: "fail", passedChecks: 1, totalChecks: 4, tasks, at: 1 } }]);
    expect(refusal(counts({ "2": { passed: 5, total: 3 } }))).toMatch(/lessons\[0\]\.lastCheck\.tasks\["2"\] counts more passed checks than checks/);
    expect(refusal(counts({ two: { passed: 1, total: 3 } }))).toMatch(/lessons\[0\]\.lastCheck\.tasks.*must be task numbers/);
    expect(refusal(counts(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [String(i + 1), { passed: 0, total: 1 }]))))).toMatch(/counts more than 50 tasks/);
    expect(refusal(fileWith([], { lessons: "all of them" }))).toMatch(/damaged: lessons invalid input: expected array/);
    expect(refusal(fileWith([{ ...record, admin: true }]))).toMatch(/lessons\[0\] unrecognized key: "admin"/);
  });

  it("refuses prototype keys by name, wherever they are", () => {
    const proto = (json: string) => refusal(json);
    expect(proto(`{"format":"${PROGRESS_FORMAT}","version":1,"exportedAt":"x","lessons":[],"__proto__":{"polluted":true}}`)).toMatch(/damaged: __proto__ is a reserved name/);
    expect(proto(fileWith([]).replace('"lessons":[]', '"lessons":[{"lessonId":"a/b","files":{"__proto__":"x"},"passed":false,"updatedAt":1}]'))).toMatch(
      /lessons\[0\]\.files\.__proto__ is a reserved name/,
    );
    expect(proto(fileWith([{ ...record, files: { "constructor": "x" } }]))).toMatch(/files\.constructor is a reserved name/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses file names that are absolute, leave the folder or hold markup, and names them", () => {
    for (const [name, why] of [
      ["/etc/passwd", /is an absolute path/],
      ["C:/Windows/win.ini", /is an absolute path/],
      ["\\server\\share", /is an absolute path/],
      ["../../etc/passwd", /leaves the lesson's folder/],
      ["src/../../x.ts", /leaves the lesson's folder/],
      ["./app.ts", /leaves the lesson's folder/],
      ["<img src=x onerror=alert(1)>.ts", /must be made of letters/],
      ["app.ts\u0000.png", /must be made of letters/],
      [".vial/run-checks.mjs", /folder lesson files cannot be in/],
      ["node_modules/vial/index.js", /folder lesson files cannot be in/],
      ["", /1 to 200 characters/],
      ["a/".repeat(10) + "b.ts", /nested too deeply/],
    ] as const) {
      expect(filePathProblem(name), name).toMatch(why);
      expect(refusal(fileWith([{ ...record, files: { [name]: "x" } }])), name).toMatch(why);
    }
    expect(filePathProblem("app.ts")).toBeUndefined();
    expect(filePathProblem("templates/base.html")).toBeUndefined();
    expect(filePathProblem(".env")).toBeUndefined();
  });

  it("quotes and cuts a long hostile name in the message", () => {
    const name = `<script>${"x".repeat(500)}</script>`;
    const message = refusal(fileWith([{ ...record, files: { [name]: "x" } }]));
    expect(message).toContain('files["<script>xxx');
    expect(message.length).toBeLessThan(300);
  });

  it("refuses huge numbers of lessons or files", () => {
    const lessons = Array.from({ length: MAX_LESSONS + 1 }, (_, index) => ({ ...record, lessonId: `c/l${index}` }));
    expect(refusal(fileWith(lessons))).toMatch(/lessons holds more than 500 lessons/);
    const files = Object.fromEntries(Array.from({ length: MAX_FILES_PER_LESSON + 1 }, (_, index) => [`f${index}.ts`, ""]));
    expect(refusal(fileWith([{ ...record, files }]))).toMatch(/lessons\[0\]\.files holds more than 100 files/);
  });

  it("refuses a file nested deeper than any progress file without overflowing", () => {
    const deep = "[".repeat(50_000) + "]".repeat(50_000);
    expect(refusal(fileWith([]).replace('"lessons":[]', `"lessons":[${deep}]`))).toMatch(/lessons\[0\]/);
  });
});
