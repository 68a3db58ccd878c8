/** A place in a learner's file; line or column 0 means unknown. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/**
 * An error the runtime raises about the learner's code (a compile error, a missing import),
 * carrying where it happened.
 *
 * @example
 * throw new LearnerCodeError("Unexpected token", { file: "app.ts", line: 2, column: 11 });
 */
export class LearnerCodeError extends Error {
  override name = "LearnerCodeError";
  constructor(message: string, readonly location?: SourceLocation) {
    super(message);
  }
}

const FRAME = /\(?([^\s()]+?):(\d+):(\d+)\)?\s*$/;

/**
 * Finds where an error came from in the learner's files: its own location when the runtime
 * knows it, else the first stack frame that names a learner file.
 *
 * @example
 * locate(error, (file) => file === "app.ts") // { file: "app.ts", line: 5, column: 9 }
 */
export function locate(error: unknown, isLearnerFile: (file: string) => boolean): SourceLocation | undefined {
  if (error instanceof LearnerCodeError && error.location) return error.location;
  const stack = error instanceof Error ? error.stack ?? "" : "";
  for (const line of stack.split("\n").slice(1)) {
    const match = FRAME.exec(line.trim());
    if (match && isLearnerFile(match[1]!)) {
      const line = Number(match[2]);
      // Sucrase puts its prelude on line 1, so columns there do not match the source.
      return { file: match[1]!, line, column: line === 1 ? 0 : Number(match[3]) };
    }
  }
  return undefined;
}

/**
 * Shows the line an error points at, with a caret under the column, like a compiler does.
 *
 * @example
 * codeFrame("const a = ;", 1, 11)
 * // "  1 | const a = ;\n    |           ^"
 */
export function codeFrame(source: string, line: number, column: number): string {
  const text = line > 0 ? source.split("\n")[line - 1] : undefined;
  if (text === undefined) return "";
  const gutter = String(line);
  const shown = `  ${gutter} | ${text.trimEnd()}`;
  if (column <= 0) return shown;
  const caretAt = Math.min(column - 1, text.length);
  return `${shown}\n  ${" ".repeat(gutter.length)} | ${" ".repeat(caretAt)}^`;
}

/**
 * Formats "file:line:column" for messages.
 *
 * @example
 * where({ file: "app.ts", line: 3, column: 1 }) // "app.ts:3:1"
 */
export function where(location: SourceLocation): string {
  if (location.line <= 0) return location.file;
  return location.column > 0 ? `${location.file}:${location.line}:${location.column}` : `${location.file}:${location.line}`;
}
