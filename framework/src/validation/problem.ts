/**
 * Problem details (RFC 9457) for input that failed validation: one `application/problem+json`
 * document naming every failing field, and nothing the client did not send or need (no stack,
 * no schema, no echo of the submitted values).
 */
import { STATUS_PHRASES } from "../http-errors.ts";

/**
 * Where an input came from: the part of the request a route schema validates.
 *
 * @example
 * ```ts
 * import type { InputLocation, ValidationProblem } from "vial";
 * const bodyErrors = (problem: ValidationProblem, location: InputLocation = "body") =>
 *   problem.errors.filter((error) => error.location === location);
 * ```
 */
export type InputLocation = "params" | "query" | "headers" | "cookies" | "form" | "body";

/**
 * One failing field. `path` leads from the location to the field (`["items", 0, "name"]`);
 * it is `[]` when the whole location is wrong (an unreadable body, an array instead of an object).
 *
 * @example
 * ```ts
 * import type { ValidationIssue } from "vial";
 * const issue: ValidationIssue = { location: "body", path: ["email"], message: "Invalid email address" };
 * ```
 */
export interface ValidationIssue {
  location: InputLocation;
  path: (string | number)[];
  message: string;
}

/**
 * The RFC 9457 document Vial answers invalid input with. `type` is `"about:blank"`, so `title` is
 * the status phrase; `errors` is an extension member listing every failing field.
 *
 * @example
 * ```ts
 * import type { ValidationProblem } from "vial";
 * const problem: ValidationProblem = {
 *   type: "about:blank", title: "Unprocessable Content", status: 422,
 *   detail: "1 field is invalid.",
 *   errors: [{ location: "query", path: ["page"], message: "Too small: expected number to be >=1" }],
 * };
 * ```
 */
export interface ValidationProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: ValidationIssue[];
}

/**
 * The media type of RFC 9457 problem documents.
 *
 * @example
 * ```ts
 * import { PROBLEM_JSON } from "vial";
 * const isProblem = (res: Response) => res.headers.get("content-type") === PROBLEM_JSON;
 * ```
 */
export const PROBLEM_JSON = "application/problem+json";

/** A problem document for `status`; `detail` defaults to a count of the failing fields. */
export function buildProblem(status: number, errors: ValidationIssue[], detail?: string): ValidationProblem {
  return {
    type: "about:blank",
    title: STATUS_PHRASES[status] ?? "Error",
    status,
    detail: detail ?? countFields(errors.length),
    errors,
  };
}

function countFields(count: number): string {
  return count === 1 ? "1 field is invalid." : `${count} fields are invalid.`;
}

/**
 * An `application/problem+json` response for a problem document (status from `problem.status`
 * unless `init.status` says otherwise). Use it in `validationErrorHandler` to send a reshaped problem.
 *
 * @example
 * ```ts
 * import { Vial, problemJson } from "vial";
 * const app = new Vial();
 * app.validationErrorHandler((problem) => problemJson({ ...problem, title: "Please check your input" }));
 * ```
 */
export function problemJson<P extends object>(problem: P & { status?: number }, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", PROBLEM_JSON);
  const status = init.status ?? problem.status ?? 400;
  return new Response(JSON.stringify(problem), { ...init, status, headers });
}
