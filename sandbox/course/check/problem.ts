/**
 * A problem `lessons:check` found: where (file and field) and what is wrong. Problems are
 * collected rather than thrown so one run lists everything an instructor has to fix.
 */
import { LessonError } from "../lesson-error";

/** One thing wrong with the course. */
export interface Problem {
  /** The file or folder to open, e.g. `lessons/02-routing/02-methods/checks.ts`. */
  file: string;
  /** The field or part of the file, e.g. `minutes`, `<Task n={2}>`, `check "HEAD / ..."`. */
  field: string;
  /** What is wrong: what was expected and what was found. */
  message: string;
}

/**
 * Creates a problem.
 *
 * @example
 * ```ts
 * problem("lessons/01-a/01-b/lesson.mdx", "focus", 'names "main.ts", which is not a starter file');
 * ```
 */
export function problem(file: string, field: string, message: string): Problem {
  return { file, field, message };
}

/**
 * Converts a loader error into a problem.
 *
 * @example
 * ```ts
 * fromLessonError(new LessonError("chapter.mdx", "title", "is missing"));
 * ```
 */
export function fromLessonError(error: LessonError): Problem {
  return problem(error.file, error.field, error.problem);
}

/**
 * One line per problem, `file: field: message`; continuation lines of a long message indented.
 *
 * @example
 * ```ts
 * formatProblem(problem("a/lesson.mdx", "minutes", "must be at least 1 minute, got 0"));
 * // "a/lesson.mdx: minutes: must be at least 1 minute, got 0"
 * ```
 */
export function formatProblem(found: Problem): string {
  return `${found.file}: ${found.field}: ${found.message.trim().split("\n").join("\n    ")}`;
}

export { LessonError };
