/**
 * Types that connect a route's rule string and schemas to the request its handler receives:
 * `app.get("/u/<int:id>", (req) => req.params.id)` types `id` as a number.
 */
import type { VialRequest } from "./request.ts";
import type { RouteParams } from "./routing/index.ts";
import type { StandardSchemaV1 } from "./standard-schema.ts";

/**
 * Schemas a route may declare; each validated value replaces the raw one on `req`.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import type { RouteSchemas } from "vial";
 * const schemas: RouteSchemas = { body: z.object({ name: z.string() }) };
 * ```
 */
export interface RouteSchemas {
  params?: StandardSchemaV1;
  query?: StandardSchemaV1;
  headers?: StandardSchemaV1;
  cookies?: StandardSchemaV1;
  form?: StandardSchemaV1;
  body?: StandardSchemaV1;
  /** The shape of what the handler returns; fields outside it are stripped. */
  response?: StandardSchemaV1;
}

/**
 * Options of `app.route` and the method shortcuts.
 *
 * @example
 * ```ts
 * import type { RouteOptions } from "vial";
 * const options: RouteOptions = { methods: ["GET", "POST"], endpoint: "login", strictSlashes: false };
 * ```
 */
export interface RouteOptions extends RouteSchemas {
  /** Methods this rule accepts (default `["GET"]`); HEAD comes with GET, OPTIONS is automatic. */
  methods?: readonly string[];
  /** The name for `urlFor` (default: the handler's name, else the rule). */
  endpoint?: string;
  /** `false` lets `/x` and `/x/` both match without a redirect. */
  strictSlashes?: boolean;
  /** `false` turns off the automatic OPTIONS answer for this rule. */
  provideAutomaticOptions?: boolean;
  /**
   * Params this rule adds to every match, as Flask's `defaults=`: `app.get("/users/", { defaults:
   * { page: 1 } }, list)` beside `app.get("/users/page/<int:page>", list)`. `urlFor` picks this
   * rule for `{ page: 1 }` or no page, and "/users/page/1" redirects (308) to "/users/".
   */
  defaults?: Readonly<Record<string, unknown>>;
}

type RequestSchemaKey = "params" | "query" | "headers" | "cookies" | "form" | "body";
type Validated<S> = {
  [K in keyof S & RequestSchemaKey]: S[K] extends StandardSchemaV1 ? StandardSchemaV1.InferOutput<S[K]> : never;
};

/**
 * The request type a handler of rule `R` with schemas `S` receives.
 *
 * @example
 * ```ts
 * import type { RequestFor } from "vial";
 * type UserRequest = RequestFor<"/users/<int:id>">;
 * const id = (req: UserRequest): number => req.params.id;
 * ```
 */
export type RequestFor<R extends string, S = object> = [keyof Validated<S>] extends [never]
  ? // Without schemas the handler gets the request class itself, so `req` can be passed to any
    // function that takes a `VialRequest`.
    VialRequest<ParamsFor<R, S>>
  : Omit<VialRequest<ParamsFor<R, S>>, keyof Validated<S>> & Validated<S>;

/** The rule's params, plus the route's `defaults` (widened: `{ page: 1 }` gives `page: number`). */
type ParamsFor<R extends string, S> = S extends { defaults: infer D }
  ? { [K in keyof RouteParams<R> | keyof D]: K extends keyof D ? Widen<D[K]> : K extends keyof RouteParams<R> ? RouteParams<R>[K] : never }
  : RouteParams<R>;

type Widen<T> = T extends string ? string : T extends number ? number : T extends boolean ? boolean : T;

/**
 * A route handler: sync or async (a returned promise is awaited).
 *
 * @example
 * ```ts
 * import type { Handler, RequestFor } from "vial";
 * const show: Handler<RequestFor<"/users/<int:id>">> = (req) => ({ id: req.params.id });
 * ```
 */
export type Handler<Req = VialRequest> = (req: Req) => unknown;

/**
 * What the routing map stores for each rule.
 *
 * @example
 * ```ts
 * import { Vial } from "vial";
 * const app = new Vial();
 * app.get("/", () => "hi");
 * const data = app.urlMap.rules[0]?.data; // { handler, options, blueprints: [], automaticOptions: true }
 * ```
 */
export interface RouteData {
  // A handler's parameter is the request type of its own route; `any` lets every route's handler be stored together (contravariance).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handler: Handler<any>;
  options: RouteOptions;
  /** Enclosing blueprints, innermost first. */
  blueprints: string[];
  /** Whether OPTIONS was added by Vial (answered automatically) rather than by the route. */
  automaticOptions: boolean;
}
