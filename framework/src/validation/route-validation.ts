/**
 * Route validation hook points. Issue 4 fills these in (schemas for params, query, headers,
 * cookies, form, body and response); until then they pass values through.
 */
import type { VialRequest } from "../request";
import type { RouteOptions } from "../route-types";
import type { StandardSchemaV1 } from "../standard-schema";

/** Validates the parts of `req` that the route has schemas for. */
export async function validateRequest(_req: VialRequest, _options: RouteOptions): Promise<void> {}

/** Validates (and strips) a handler's return value against the route's response schema. */
export async function validateResponse(value: unknown, _schema: StandardSchemaV1, _debug: boolean): Promise<unknown> {
  return value;
}
