/**
 * What a route's schemas ask of each request, worked out once per route: dispatching then costs
 * one lookup instead of inspecting every location on every request.
 */
import type { RouteSchemas } from "../route-types.ts";
import type { StandardSchemaV1 } from "../standard-schema.ts";
import { compileRequestValidation, type RequestValidation } from "./route-validation.ts";

/** The validation a route needs around its handler. */
interface ValidationPlan {
  /** Validates the request's inputs before the handler; `undefined` without request schemas. */
  readonly request: RequestValidation | undefined;
  /** The schema of what the handler returns, if any. */
  readonly response: StandardSchemaV1 | undefined;
}

/** Every schema key present, so all snapshots share one shape. */
type SchemaSnapshot = { readonly [K in keyof Required<RouteSchemas>]: RouteSchemas[K] };

interface CachedPlan {
  /** The schemas the plan was made from, to notice options changed after registration. */
  readonly schemas: SchemaSnapshot;
  readonly plan: ValidationPlan | undefined;
}

const plans = new WeakMap<RouteSchemas, CachedPlan>();

/**
 * The plan for a route's options, or `undefined` when the route declares no schema at all (the
 * handler is then called as it is). Made on first use and kept while the options object lives;
 * made again if its schemas were replaced since.
 */
export function validationPlanFor(options: RouteSchemas): ValidationPlan | undefined {
  const cached = plans.get(options);
  if (cached && sameSchemas(cached.schemas, options)) return cached.plan;
  const schemas = snapshot(options);
  const plan = makePlan(schemas);
  plans.set(options, { schemas, plan });
  return plan;
}

function makePlan(schemas: SchemaSnapshot): ValidationPlan | undefined {
  const request = compileRequestValidation(schemas);
  if (request === undefined && schemas.response === undefined) return undefined;
  return { request, response: schemas.response };
}

function snapshot(options: RouteSchemas): SchemaSnapshot {
  // Spelled out (not a loop over keys) so each plan has one shape and each read one place.
  return {
    params: options.params,
    query: options.query,
    headers: options.headers,
    cookies: options.cookies,
    form: options.form,
    body: options.body,
    response: options.response,
  };
}

function sameSchemas(known: SchemaSnapshot, options: RouteSchemas): boolean {
  return (
    known.params === options.params &&
    known.query === options.query &&
    known.headers === options.headers &&
    known.cookies === options.cookies &&
    known.form === options.form &&
    known.body === options.body &&
    known.response === options.response
  );
}
