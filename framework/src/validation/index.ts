/**
 * Route validation with Standard Schema (zod 4 and others): request schemas answer RFC 9457
 * problems, `response` schemas strip what a handler must not send.
 */
export { ValidationFailed } from "./validation-failed";
export { ResponseValidationError } from "./response-validation";
export { problemJson, PROBLEM_JSON, type InputLocation, type ValidationIssue, type ValidationProblem } from "./problem";
export type { ValidationErrorHandler } from "./validation-error-handler";
