import { describe, expect, it } from "vitest";
import { splitFrontmatter } from "../../sandbox/course/frontmatter";
import { LessonError } from "../../sandbox/course";

function problemOf(source: string): LessonError {
  try {
    splitFrontmatter(source, "x/lesson.mdx");
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error("did not throw");
}

describe("splitFrontmatter", () => {
  it("parses the YAML block and returns the rest as the body", () => {
    const { data, body } = splitFrontmatter("---\ntitle: Hi\nobjectives:\n  - one\n---\n# Hi\n\ntext\n", "a.mdx");
    expect(data).toEqual({ title: "Hi", objectives: ["one"] });
    expect(body).toBe("# Hi\n\ntext\n");
  });

  it("accepts CRLF line endings and a byte-order mark", () => {
    const { data, body } = splitFrontmatter("\uFEFF---\r\ntitle: Hi\r\n---\r\nbody\r\n", "a.mdx");
    expect(data).toEqual({ title: "Hi" });
    expect(body).toBe("body\n");
  });

  it("names the file and says what is wrong when the block is missing, unclosed, not YAML or not a map", () => {
    expect(problemOf("# no frontmatter\n").problem).toContain("is missing");
    expect(problemOf("---\ntitle: Hi\n").problem).toContain("not closed");
    const yaml = problemOf("---\ntitle: [unclosed\n---\n");
    expect(yaml.problem).toContain("not valid YAML");
    expect(yaml.file).toBe("x/lesson.mdx");
    expect(yaml.field).toBe("frontmatter");
    expect(problemOf("---\n- a\n- b\n---\n").problem).toContain("key: value");
  });
});
