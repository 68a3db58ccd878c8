/**
 * `app.validationErrorHandler(fn)`: reshape the answer to invalid input in one place (an HTML form
 * re-rendered with its errors, a different JSON shape) without re-implementing error lookup.
 */
import type { VialRequest } from "../request.ts";
import type { ValidationProblem } from "./problem.ts";
import { ValidationFailed } from "./validation-failed.ts";

/**
 * Turns a validation problem into a response value (anything a handler may return). Returning
 * `undefined` keeps the default `application/problem+json` answer.
 *
 * @example
 * ```ts
 * import type { ValidationErrorHandler } from "vial";
 * const handler: ValidationErrorHandler = (problem) => [{ message: "Invalid input", fields: problem.errors }, problem.status];
 * ```
 */
export type ValidationErrorHandler = (problem: ValidationProblem, req: VialRequest) => unknown;

/** Adapts a `ValidationErrorHandler` to an error handler for `ValidationFailed`. */
export function asErrorHandler(handler: ValidationErrorHandler) {
  return async (error: ValidationFailed, req: VialRequest): Promise<unknown> => {
    const value = await handler(error.problem, req);
    return value === undefined ? error.getResponse() : value;
  };
}
