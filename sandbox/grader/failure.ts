/**
 * Thrown when an expectation does not hold. The grader reports it as a `fail` (the learner's app
 * did something else); any other error thrown by a check is reported with its location.
 *
 * @example
 * throw new CheckFailure("status of GET /: expected 200, got 404.");
 */
export class CheckFailure extends Error {
  override name = "CheckFailure";
}

/**
 * Tells a failed expectation from any other thrown value, also across module copies.
 *
 * @example
 * if (isCheckFailure(err)) status = "fail";
 */
export function isCheckFailure(error: unknown): error is CheckFailure {
  return error instanceof CheckFailure || (error instanceof Error && error.name === "CheckFailure");
}

/**
 * The run broke rather than the check: the learner's code died, was stopped, or stopped
 * answering. The grader reports the check as an `error` with this message. Only the grader's
 * realm makes these (by class, not by name), so learner code cannot claim one.
 *
 * @example
 * throw new RunError("Your code called process.exit(0) at app.ts:9:3.");
 */
export class RunError extends Error {
  override name = "RunError";
}
