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
