import { describe, expect, it } from "vitest";
import { extractTasks } from "../../sandbox/course/tasks";
import { LessonError } from "../../sandbox/course";

const front = "---\ntitle: x\n---\n\n";

function problemOf(source: string): LessonError {
  try {
    extractTasks(source, "l/lesson.mdx");
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error("did not throw");
}

describe("extractTasks", () => {
  it("reads n, title and hint of each block-level <Task> in order", () => {
    const tasks = extractTasks(
      `${front}Intro.\n\n<Task n={1} title="One" hint="Use \`app.get\`.">\nFirst.\n</Task>\n\n<Task n={2} hint='Say "hi".'>\n\nSecond, with a list:\n\n- a\n\n</Task>\n`,
      "l/lesson.mdx",
    );
    expect(tasks).toEqual([
      { n: 1, title: "One", hint: "Use `app.get`." },
      { n: 2, hint: 'Say "hi".' },
    ]);
  });

  it("decodes character references in attribute values", () => {
    expect(extractTasks('<Task n={1} hint="a &quot;b&quot; &amp; c">\nx\n</Task>\n', "l.mdx")[0]?.hint).toBe('a "b" & c');
  });

  it("finds tasks nested in other elements (a task inside a block quote still counts)", () => {
    expect(extractTasks('> <Task n={1} hint="h">\n> x\n> </Task>\n', "l.mdx")).toHaveLength(1);
  });

  it("refuses a task without a hint, naming the element and the field", () => {
    const error = problemOf(`${front}<Task n={1}>\nx\n</Task>\n`);
    expect(error.file).toBe("l/lesson.mdx");
    expect(error.field).toBe("<Task> on line 5.hint");
    expect(error.problem).toContain("is missing");
  });

  it("refuses numbers given as strings, zero, and computed values", () => {
    expect(problemOf('<Task n="1" hint="h">\nx\n</Task>\n').field).toBe("<Task> on line 1.n");
    expect(problemOf('<Task n={0} hint="h">\nx\n</Task>\n').problem).toContain("1 or more");
    expect(problemOf('<Task n={1 + 1} hint="h">\nx\n</Task>\n').problem).toContain("plain value");
  });

  it("refuses unknown attributes (a typo would silently lose the hint)", () => {
    const error = problemOf('<Task n={1} hnit="h" hint="h">\nx\n</Task>\n');
    expect(error.field).toBe("<Task> on line 1.hnit");
  });

  it("requires tasks numbered 1, 2, 3... in reading order", () => {
    const error = problemOf('<Task n={1} hint="h">\nx\n</Task>\n\n<Task n={3} hint="h">\ny\n</Task>\n');
    expect(error.field).toBe("<Task n={3}>");
    expect(error.problem).toContain("task number 2");
    expect(problemOf('<Task n={1} hint="h">\nx\n</Task>\n\n<Task n={1} hint="h">\ny\n</Task>\n').field).toBe("<Task n={1}>");
  });

  it("refuses a task written inside a paragraph", () => {
    const error = problemOf('Some text <Task n={1} hint="h">inline</Task> more.\n');
    expect(error.problem).toContain("own");
  });

  it("reports MDX syntax errors with their line", () => {
    const error = problemOf(`${front}Text {1 +\n`);
    expect(error.field).toMatch(/^line \d+/);
    expect(error.problem).toContain("not valid MDX");
  });
});
