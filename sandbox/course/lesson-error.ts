/**
 * The one error type the course loader throws. It always names the file, the field (or part of
 * the file) and what is wrong, because the reader is an instructor looking for a typo, and
 * "invalid input" without a place to look wastes their afternoon.
 *
 * @example
 * ```ts
 * throw new LessonError("lessons/01-first-steps/01-hello/lesson.mdx", "minutes", "expected a whole number, got \"ten\"");
 * // message: lessons/01-first-steps/01-hello/lesson.mdx: minutes: expected a whole number, got "ten"
 * ```
 */
export class LessonError extends Error {
  /** Path of the offending file or folder, as the loader was given it (usually repo-relative). */
  readonly file: string;
  /** The field or part of the file that is wrong, e.g. `minutes`, `<Task n={2}>`, `starter/`. */
  readonly field: string;
  /** What is wrong, in a sentence that says what was expected and what was found. */
  readonly problem: string;

  constructor(file: string, field: string, problem: string, options?: { cause?: unknown }) {
    super(`${file}: ${field}: ${problem}`, options);
    this.name = "LessonError";
    this.file = file;
    this.field = field;
    this.problem = problem;
  }
}
