/**
 * The error that invalid input raises. It is an `HTTPError`, so it reaches error handlers the
 * usual way (by status code, then by class), and by default it answers its problem document.
 */
import { HTTPError } from "../http-errors.ts";
import { problemJson, type ValidationProblem } from "./problem.ts";

/**
 * Raised before the handler runs when a route's schemas reject the request: 422 when the input
 * parsed but did not validate, 400 when it could not be read, 415 for the wrong media type, 413
 * when it was too large. `problem` holds the RFC 9457 document that is sent by default.
 *
 * @example
 * ```ts
 * import { Vial, ValidationFailed } from "vial";
 * const app = new Vial();
 * app.errorHandler(ValidationFailed, (error: ValidationFailed) => [{ invalid: error.problem.errors.length }, error.status]);
 * ```
 */
export class ValidationFailed extends HTTPError {
  /** The problem document: every failing field, by location and path. */
  readonly problem: ValidationProblem;

  constructor(problem: ValidationProblem) {
    super(problem.status, problem.detail);
    this.problem = problem;
  }

  /** The problem as `application/problem+json`. */
  override getResponse(): Response {
    return problemJson({ ...this.problem });
  }
}
