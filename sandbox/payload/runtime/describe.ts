import { codeFrame, LearnerCodeError, locate, where } from "./locate";
import type { ModuleLoader } from "./module-loader";

function nameAndMessage(error: unknown): string {
  if (error instanceof LearnerCodeError) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `the value ${String(error)} was thrown`;
}

/**
 * Words for an error raised while the learner's files were loading: where (file:line:column),
 * what, and the offending line.
 *
 * @example
 * describeLoadError(error, loader)
 * // "app.ts:2:11: Syntax error: Unexpected token\n  2 | const b = ;\n    |           ^"
 */
export function describeLoadError(error: unknown, loader: ModuleLoader): string {
  const location = locate(error, loader.isLearnerFile);
  const what = nameAndMessage(error);
  if (!location) return what;
  const source = loader.sourceOf(location.file);
  const frame = source ? codeFrame(source, location.line, location.column) : "";
  const lead = error instanceof LearnerCodeError ? what : `Your code threw ${what}`;
  return `${where(location)}: ${lead}${frame ? "\n" + frame : ""}`;
}

/**
 * Words for an error a check ran into (not a failed expectation): what was thrown, and where
 * in the learner's files when the stack points there.
 *
 * @example
 * describeCheckError(new TypeError("x is not a function"), loader)
 * // "TypeError: x is not a function (at app.ts:7:12)"
 */
export function describeCheckError(error: unknown, loader: ModuleLoader): string {
  const location = locate(error, loader.isLearnerFile);
  const what = nameAndMessage(error);
  return location ? `${what} (at ${where(location)})` : what;
}
