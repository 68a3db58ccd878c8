/**
 * `rateLimit()`: at most `max` requests per `window` seconds per key (the client address by
 * default), counted in fixed windows. Over the limit a request gets 429 Too Many Requests — raised
 * as `TooManyRequests`, so an `errorHandler(429)` can render it — with `Retry-After`; every
 * response of the scope carries the rate-limit headers (see `headers.ts` for the two forms).
 */
import type { Blueprint } from "../../blueprint.ts";
import type { Vial } from "../../app.ts";
import { clientAddress } from "../../client-address.ts";
import { TooManyRequests } from "../../http-errors.ts";
import type { VialRequest } from "../../request.ts";
import { withHeaderChanges } from "../secure-headers/mutable-response.ts";
import { addRateLimitHeaders, type RateLimitHeaderStyle, type RateLimitState } from "./headers.ts";
import { MemoryStore, type RateLimitStore } from "./memory-store.ts";

/**
 * Options of `rateLimit()`.
 *
 * @example
 * ```ts
 * import { Vial, rateLimit, type RateLimitOptions } from "vial";
 *
 * const perApiKey: RateLimitOptions = {
 *   window: 60,
 *   max: 100,
 *   name: "api",
 *   key: (req) => req.headers.get("x-api-key") ?? undefined, // no key: not limited here
 * };
 * const app = new Vial();
 * app.use(rateLimit(perApiKey));
 * ```
 */
export interface RateLimitOptions {
  /** Length of the counting window, in seconds. */
  window: number;
  /** Requests allowed per key in one window. */
  max: number;
  /**
   * Who is limited: a key per client. Default: `clientAddress(req)` (install `proxyFix()` behind a
   * proxy, or every client shares the proxy's address); requests whose address is unknown share
   * one key. Return `undefined` to leave a request unlimited.
   */
  key?: (req: VialRequest) => string | undefined | Promise<string | undefined>;
  /** Where hits are counted (default: a new `MemoryStore` for this limiter). */
  store?: RateLimitStore;
  /**
   * Names the policy in the headers and prefixes keys in the store: give each limiter that
   * shares a store its own name. Default `"default"`.
   */
  name?: string;
  /** Header form: `"draft-8"` (default), `"draft-6"`, or `false` for none. */
  headers?: RateLimitHeaderStyle;
  /** The clock in milliseconds of the default store (default `Date.now`); other stores keep their own. */
  now?: () => number;
}

/** The key used for requests whose client address nobody recorded. */
const UNKNOWN_CLIENT = "unknown-client";

const defaultKey = (req: VialRequest) => clientAddress(req) ?? UNKNOWN_CLIENT;

function checkOptions(options: RateLimitOptions): void {
  const { window, max, name = "default" } = options;
  if (!(Number.isFinite(window) && window > 0)) throw new RangeError(`rateLimit: window must be a positive number of seconds, got ${window}.`);
  if (!(Number.isInteger(max) && max > 0)) throw new RangeError(`rateLimit: max must be a positive whole number, got ${max}.`);
  // The name goes into a structured-field string: printable ASCII without quotes or backslashes.
  if (!/^[\x20\x21\x23-\x5b\x5d-\x7e]+$/.test(name))
    throw new TypeError(`rateLimit: name must be printable ASCII without quotes or backslashes, got ${JSON.stringify(name)}.`);
}

/**
 * Limits how often each client may call the app (or a blueprint's routes, when used on one).
 *
 * @example
 * ```ts
 * import { Vial, Blueprint, rateLimit } from "vial";
 * const app = new Vial();
 * app.use(rateLimit({ window: 60, max: 100 }));                    // 100 requests a minute per address
 * const auth = new Blueprint("auth", { urlPrefix: "/auth" });
 * auth.use(rateLimit({ window: 15 * 60, max: 5, name: "login" })); // and 5 login attempts per 15 minutes
 * auth.post("/login", { endpoint: "login" }, () => "ok");
 * app.register(auth);
 * ```
 */
export function rateLimit(options: RateLimitOptions): (scope: Vial | Blueprint) => void {
  checkOptions(options);
  const { window, max, key = defaultKey, name = "default", headers: style = "draft-8" } = options;
  const store = options.store ?? new MemoryStore({ now: options.now ?? Date.now });
  const windowMs = window * 1000;
  const windowSeconds = Math.ceil(window);
  const states = new WeakMap<VialRequest, { state: RateLimitState; limited: boolean }>();

  const count = async (req: VialRequest) => {
    const clientKey = await key(req);
    if (clientKey === undefined) return;
    const hit = await store.increment(`${name}:${clientKey}`, windowMs);
    // The store's clock, not this one: a shared store's windows end by its own time.
    const resetSeconds = Math.max(0, Math.ceil(hit.resetIn / 1000));
    const limited = hit.count > max;
    states.set(req, { state: { name, limit: max, windowSeconds, remaining: Math.max(0, max - hit.count), resetSeconds }, limited });
    if (limited) {
      throw new TooManyRequests(`Too many requests: the limit is ${max} per ${window} seconds. Try again in ${resetSeconds} seconds.`);
    }
  };

  const annotate = (response: Response, req: VialRequest): Response => {
    const counted = states.get(req);
    if (!counted) return response;
    return withHeaderChanges(response, (headers) => {
      addRateLimitHeaders(headers, counted.state, style);
      if (counted.limited && !headers.has("retry-after")) {
        headers.set("retry-after", String(Math.max(1, counted.state.resetSeconds)));
      }
    });
  };

  return (scope) => {
    scope.beforeRequest(count);
    scope.afterRequest(annotate);
  };
}
