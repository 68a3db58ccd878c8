/**
 * The request lifecycle's hook types, named as in Flask: before_request → handler →
 * after_request → teardown_request; error handlers turn exceptions into responses.
 */
import type { VialRequest } from "./request";

/** Runs before the handler; returning anything but `undefined` ends the request with that value. */
export type BeforeRequestHook = (req: VialRequest) => unknown | Promise<unknown>;
/** Receives the response and returns it (or a replacement). */
export type AfterRequestHook = (res: Response, req: VialRequest) => Response | void | Promise<Response | void>;
/** Always runs at the end of a request; receives the unhandled error, if there was one. */
export type TeardownHook = (error: unknown, req: VialRequest) => void | Promise<void>;
/** Turns an error into a response value (anything a handler may return). */
export type ErrorHandler<E = any> = (error: E, req: VialRequest) => unknown | Promise<unknown>;
/** A class of errors, for `errorHandler(MyError, fn)`. */
export type ErrorClass<E = unknown> = abstract new (...args: any[]) => E;
