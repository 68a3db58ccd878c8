/**
 * Route validation, called around the handler by `dispatch.ts`: the request's locations are
 * validated against the route's schemas before the handler runs, and its return value against
 * the `response` schema after.
 */
import type { VialRequest } from "../request";
import type { RouteOptions } from "../route-types";
import type { StandardSchemaV1 } from "../standard-schema";
import { issuePath, runSchema } from "./issues";
import { buildProblem, type InputLocation, type ValidationIssue } from "./problem";
import { readRawInput } from "./raw-inputs";
import { validateMultiValued } from "./repeated-keys";
import { ValidationFailed } from "./validation-failed";

export { validateResponse } from "./response-validation";

/** The order locations are validated in, and listed in a problem's `errors`. */
const LOCATIONS: readonly InputLocation[] = ["params", "query", "headers", "cookies", "form", "body"];
const MULTI_VALUED = new Set<InputLocation>(["query", "form"]);

/**
 * Validates every location `options` has a schema for, then puts each validated value on `req`
 * (`req.body`, `req.query`, ...). Throws `ValidationFailed` naming every failing field of every
 * location: 422 if all input could be read, else the status of the first unreadable location
 * (400 malformed, 413 too large, 415 wrong media type).
 */
export async function validateRequest(req: VialRequest, options: RouteOptions): Promise<void> {
  const declared = LOCATIONS.filter((location) => options[location] !== undefined);
  if (declared.length === 0) return;
  if (options.form && options.body) {
    throw new TypeError(`Route ${req.endpoint ?? req.path}: declare a "form" or a "body" schema, not both (a request has one body).`);
  }

  const issues: ValidationIssue[] = [];
  const validated = new Map<InputLocation, unknown>();
  let unreadable: { status: number; detail: string } | undefined;
  for (const location of declared) {
    const raw = await readRawInput(req, location);
    if ("unreadable" in raw) {
      unreadable ??= { status: raw.unreadable.status, detail: raw.unreadable.description };
      issues.push({ location, path: [], message: raw.unreadable.description });
      continue;
    }
    const schema = options[location]!;
    const result = MULTI_VALUED.has(location)
      ? await validateMultiValued(schema, raw.value as Record<string, string | string[]>)
      : await runSchema(schema, raw.value);
    if (result.issues) issues.push(...result.issues.map((issue) => toValidationIssue(location, issue)));
    else validated.set(location, result.value);
  }

  if (unreadable) throw new ValidationFailed(buildProblem(unreadable.status, issues, unreadable.detail));
  if (issues.length > 0) throw new ValidationFailed(buildProblem(422, issues));
  for (const [location, value] of validated) replaceOnRequest(req, location, value);
}

function toValidationIssue(location: InputLocation, issue: StandardSchemaV1.Issue): ValidationIssue {
  return { location, path: issuePath(issue), message: issue.message };
}

/**
 * `query`, `headers` and `cookies` are getters and `form` a method on `VialRequest`; an own
 * property shadows them for this request, which is what `RequestFor` types the handler's `req` as.
 */
function replaceOnRequest(req: VialRequest, location: InputLocation, value: unknown): void {
  Object.defineProperty(req, location, { value, writable: true, enumerable: true, configurable: true });
}
