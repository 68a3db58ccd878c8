/**
 * Turns a zod failure into a LessonError that names the field and says what was expected and
 * what came back, in words an instructor reads without knowing zod.
 */
import type { z } from "zod";
import { LessonError } from "./lesson-error";

/**
 * Validates `data` with `schema`, throwing a LessonError for the first problem (and saying how
 * many more there are, so nobody is surprised after fixing the first).
 *
 * @example
 * ```ts
 * const fm = parseOrThrow(lessonFrontmatter, data, "lessons/01-a/01-b/lesson.mdx", "frontmatter");
 * ```
 */
export function parseOrThrow<T extends z.ZodType>(schema: T, data: unknown, file: string, scope: string): z.infer<T> {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const [first, ...rest] = result.error.issues;
  if (!first) throw new LessonError(file, scope, "is invalid");
  const { field, problem } = describeIssue(first, scope);
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? "s" : ""} in ${scope})` : "";
  throw new LessonError(file, field, problem + more);
}

function describeIssue(issue: z.core.$ZodIssue, scope: string): { field: string; problem: string } {
  const path = issue.path.map(String).join(".");
  const field = path === "" ? scope : `${scope}.${path}`;
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.join(", ");
    const only = issue.path.length === 0 ? `${scope}.${issue.keys[0] ?? ""}` : field;
    return { field: only, problem: `unknown field${issue.keys.length > 1 ? "s" : ""} ${keys}; check the spelling against lessons/AUTHORING.md` };
  }
  const input = (issue as { input?: unknown }).input;
  if (issue.code === "invalid_type" && input === undefined) {
    return { field, problem: `is missing; it ${issue.message.replace(/^must/, "must")}` };
  }
  return { field, problem: `${issue.message}, got ${show(input)}` };
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const json = JSON.stringify(value);
  if (json === undefined) return String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
