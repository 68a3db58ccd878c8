/**
 * Route validation, called around the handler by `dispatch.ts`: the request's locations are
 * validated against the route's schemas before the handler runs, and its return value against
 * the `response` schema after. What a route declares is worked out once (`compileRequestValidation`),
 * not on every request.
 */
import { isThenable } from "../thenable.ts";
import type { VialRequest } from "../request.ts";
import type { RouteSchemas } from "../route-types.ts";
import type { StandardSchemaV1 } from "../standard-schema.ts";
import { issuePath, runSchema, runSchemaSync } from "./issues.ts";
import { buildProblem, type InputLocation, type ValidationIssue } from "./problem.ts";
import { readRawInput, unreadableBody } from "./raw-inputs.ts";
import { validateMultiValued } from "./repeated-keys.ts";
import { ValidationFailed } from "./validation-failed.ts";

export { validateResponse } from "./response-validation.ts";

/** Validates a request's inputs and puts the validated values on it; rejects with `ValidationFailed`. */
export type RequestValidation = (req: VialRequest) => Promise<void>;

/** The order locations are validated in, and listed in a problem's `errors`. */
const LOCATIONS: readonly InputLocation[] = ["params", "query", "headers", "cookies", "form", "body"];
const MULTI_VALUED = new Set<InputLocation>(["query", "form"]);

/**
 * The validation step for a route's request schemas, or `undefined` when it declares none. The
 * step validates every declared location, then puts each validated value on `req` (`req.body`,
 * `req.query`, ...). It throws `ValidationFailed` naming every failing field of every location:
 * 422 if all input could be read, else the status of the first unreadable location (400
 * malformed, 413 too large, 415 wrong media type).
 */
export function compileRequestValidation(schemas: RouteSchemas): RequestValidation | undefined {
  const declared = LOCATIONS.filter((location) => schemas[location] !== undefined);
  if (declared.length === 0) return undefined;
  if (schemas.form && schemas.body) {
    // async so the mistake is reported as the request's error, through the error handlers.
    // eslint-disable-next-line @typescript-eslint/require-await
    return async (req) => {
      throw new TypeError(`Route ${req.endpoint ?? req.path}: declare a "form" or a "body" schema, not both (a request has one body).`);
    };
  }
  // The common API route: one JSON body schema. Same result as the general loop, with no
  // per-location bookkeeping and no promise from a schema that validates synchronously.
  if (declared.length === 1 && schemas.body) return validateBodyOnly(schemas.body);
  return (req) => validateLocations(req, declared, schemas);
}

function validateBodyOnly(schema: StandardSchemaV1): RequestValidation {
  return async (req) => {
    let raw: unknown;
    try {
      raw = await req.json();
    } catch (error) {
      const unreadable = unreadableBody("body", error);
      const issue: ValidationIssue = { location: "body", path: [], message: unreadable.description };
      throw new ValidationFailed(buildProblem(unreadable.status, [issue], unreadable.description));
    }
    const pending = runSchemaSync(schema, raw);
    const result = isThenable(pending) ? await pending : pending;
    if (result.issues)
      throw new ValidationFailed(
        buildProblem(
          422,
          result.issues.map((issue) => toValidationIssue("body", issue)),
        ),
      );
    replaceOnRequest(req, "body", result.value);
  };
}

async function validateLocations(req: VialRequest, declared: readonly InputLocation[], schemas: RouteSchemas): Promise<void> {
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
    const schema = schemas[location]!;
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
 * `body` and `params` are plain assignments when nothing is in the way: the same own property,
 * made without `defineProperty`'s slow path.
 */
function replaceOnRequest(req: VialRequest, location: InputLocation, value: unknown): void {
  if (location === "params" || (location === "body" && !("body" in req))) {
    (req as unknown as Record<InputLocation, unknown>)[location] = value;
    return;
  }
  Object.defineProperty(req, location, { value, writable: true, enumerable: true, configurable: true });
}
