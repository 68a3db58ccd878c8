/**
 * Splits an MDX file into its YAML frontmatter and its body. The split is done by hand (the
 * file must open with a `---` line and the block ends at the next `---` line) so that errors
 * can point at the right line and the body can be handed on unchanged.
 */
import { parse as parseYaml, YAMLParseError } from "yaml";
import { LessonError } from "./lesson-error";

/** An MDX source split at its frontmatter. */
export interface SplitSource {
  /** The parsed YAML (any shape; validate it with a schema). */
  data: unknown;
  /** The MDX after the closing `---` line. */
  body: string;
}

/**
 * Splits and parses the frontmatter of `source`, read from `file`.
 *
 * @example
 * ```ts
 * const { data, body } = splitFrontmatter("---\ntitle: Hi\n---\n# Hi\n", "chapter.mdx");
 * // data: { title: "Hi" }, body: "# Hi\n"
 * ```
 */
export function splitFrontmatter(source: string, file: string): SplitSource {
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---") {
    throw new LessonError(file, "frontmatter", "is missing; the file must start with a line of three dashes (---), then YAML, then another --- line");
  }
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  if (end === -1) {
    throw new LessonError(file, "frontmatter", "is not closed; add a line of three dashes (---) after the YAML");
  }
  const yaml = lines.slice(1, end).join("\n");
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    const line = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line + 1})` : "";
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new LessonError(file, "frontmatter", `is not valid YAML${line}: ${reason}`, { cause: error });
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new LessonError(file, "frontmatter", "must be YAML fields (key: value lines)");
  }
  return { data, body: lines.slice(end + 1).join("\n") };
}
