/**
 * Route validation with Standard Schema (zod 4 and others): request schemas answer RFC 9457
 * problems, `response` schemas strip what a handler must not send.
 */
export { ValidationFailed } from "./validation-failed.ts";
export { ResponseValidationError } from "./response-validation.ts";
export { problemJson, PROBLEM_JSON, type InputLocation, type ValidationIssue, type ValidationProblem } from "./problem.ts";
export type { ValidationErrorHandler } from "./validation-error-handler.ts";
