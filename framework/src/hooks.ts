/**
 * The request lifecycle's hook types, named as in Flask: before_request → handler →
 * after_request → teardown_request; error handlers turn exceptions into responses.
 */
import type { VialRequest } from "./request.ts";

/**
 * Runs before the handler (sync or async); returning anything but `undefined` ends the request with that value.
 *
 * @example
 * ```ts
 * import type { BeforeRequestHook } from "vial";
 * const requireToken: BeforeRequestHook = (req) => (req.headers.has("x-token") ? undefined : ["no token", 401]);
 * ```
 */
export type BeforeRequestHook = (req: VialRequest) => unknown;
/**
 * Receives the response and returns it (or a replacement).
 *
 * @example
 * ```ts
 * import type { AfterRequestHook } from "vial";
 * const noStore: AfterRequestHook = (res) => { res.headers.set("cache-control", "no-store"); return res; };
 * ```
 */
export type AfterRequestHook = (res: Response, req: VialRequest) => Response | void | Promise<Response | void>;
/**
 * Always runs at the end of a request; receives the unhandled error, if there was one.
 *
 * @example
 * ```ts
 * import type { TeardownHook } from "vial";
 * const report: TeardownHook = (error, req) => { if (error) console.error(req.path, error); };
 * ```
 */
export type TeardownHook = (error: unknown, req: VialRequest) => void | Promise<void>;
/**
 * Turns an error into a response value (anything a handler may return).
 *
 * @example
 * ```ts
 * import { json, type ErrorHandler } from "vial";
 * const notFound: ErrorHandler = () => json({ error: "not found" }, { status: 404 });
 * ```
 */
// `any` by default so `const h: ErrorHandler = (error: MyError) => ...` type-checks: each handler is registered for its own class.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ErrorHandler<E = any> = (error: E, req: VialRequest) => unknown;
/**
 * A class of errors, for `errorHandler(MyError, fn)`.
 *
 * @example
 * ```ts
 * import type { ErrorClass } from "vial";
 * class PaymentRequired extends Error {}
 * const cls: ErrorClass<PaymentRequired> = PaymentRequired;
 * ```
 */
// Any constructor signature: error classes take whatever arguments they declare.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ErrorClass<E = unknown> = abstract new (...args: any[]) => E;
