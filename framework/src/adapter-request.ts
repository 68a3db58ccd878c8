/**
 * The one interface between the core and a server adapter's requests. An adapter (vial/node's
 * `serve()`) may hand `Vial.fetch` a request-compatible object that reads one header, its
 * pathname or its body without building a standard `Request`; the core reads every request
 * through the functions below, which take the cheap way when the object offers it and the
 * standard way otherwise. The object itself lives with its adapter (node/deferred-request.ts).
 *
 * The members are `Symbol.for` keys rather than a class the core checks with `instanceof`: a
 * bundle may hold a second copy of this module.
 */

/** `request[HEADER_VALUE](name)`: one header as `Headers#get` gives it, without making `Headers`. */
export const HEADER_VALUE: unique symbol = Symbol.for("vial.headerValue") as never;

/** `request[BUILD_REQUEST]()`: the real `Request`, built on first call. */
export const BUILD_REQUEST: unique symbol = Symbol.for("vial.buildRequest") as never;

/** `request[PATHNAME]`: its URL's pathname, when known without parsing. */
export const PATHNAME: unique symbol = Symbol.for("vial.pathname") as never;

/**
 * `request[BODY_READER](false)` says whether the body can be read without a stream;
 * `request[BODY_READER](true)` opens it (`null`: no body).
 */
export const BODY_READER: unique symbol = Symbol.for("vial.bodyReader") as never;

/**
 * Set to `true` on a fetch app that accepts an adapter's requests (a `Vial` app does); server
 * adapters give other apps a real `Request`.
 */
export const ACCEPTS_DEFERRED_REQUESTS: unique symbol = Symbol.for("vial.acceptsDeferredRequests") as never;

/** A `VialRequest[CAME_DEFERRED]` is `true` when the app was given an adapter's request. */
export const CAME_DEFERRED: unique symbol = Symbol("vial.cameDeferred") as never;

/**
 * Reads a body chunk by chunk: the part of `ReadableStreamDefaultReader` body parsers use.
 * `cancel` stops reading (the rest of the body is left unread).
 */
export interface BodyReader {
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  cancel(): Promise<void>;
  releaseLock(): void;
}

/** What an adapter's request offers the core, besides what every `Request` has. */
export interface AdapterRequest {
  readonly [PATHNAME]: string | undefined;
  [HEADER_VALUE](name: string): string | null;
  [BUILD_REQUEST](): Request;
  [BODY_READER](open: boolean): BodyReader | null | boolean;
}

type Offered = Partial<AdapterRequest>;

/**
 * `request.headers.get(name)`, without making the headers of an adapter's request that has not
 * needed them yet.
 *
 * @example
 * ```ts
 * import { headerValue } from "./adapter-request.ts";
 * headerValue(new Request("http://localhost/", { headers: { cookie: "a=1" } }), "cookie"); // "a=1"
 * ```
 */
export function headerValue(request: Request, name: string): string | null {
  const read = (request as Offered)[HEADER_VALUE];
  return typeof read === "function" ? read.call(request, name) : request.headers.get(name);
}

/**
 * `new URL(request.url).pathname`, taken from an adapter's request that knows it (no parsing);
 * `undefined` otherwise.
 *
 * @example
 * ```ts
 * import { knownPathname } from "./adapter-request.ts";
 * knownPathname(new Request("http://localhost/a?b")); // undefined: parse the URL
 * ```
 */
export function knownPathname(request: Request): string | undefined {
  return (request as Offered)[PATHNAME];
}

/**
 * For body parsers: whether `request` is an adapter's request whose body nothing has touched yet
 * and can be read without making a stream (`openDirectBodyReader`).
 *
 * @example
 * ```ts
 * import { canReadBodyDirectly } from "./adapter-request.ts";
 * canReadBodyDirectly(new Request("http://localhost/", { method: "POST", body: "x" })); // false
 * ```
 */
export function canReadBodyDirectly(request: Request): boolean {
  const reader = (request as Offered)[BODY_READER];
  return typeof reader === "function" && reader.call(request, false) === true;
}

/**
 * Opens the body of a request `canReadBodyDirectly` approved: a reader, or `null` when it has no
 * body. From then on the body reads as used.
 *
 * @example
 * ```ts
 * import { canReadBodyDirectly, openDirectBodyReader } from "./adapter-request.ts";
 * declare const request: Request;
 * const reader = canReadBodyDirectly(request) ? openDirectBodyReader(request) : request.body?.getReader();
 * ```
 */
export function openDirectBodyReader(request: Request): BodyReader | null {
  const reader = (request as unknown as AdapterRequest)[BODY_READER].call(request, true);
  if (typeof reader === "boolean") throw new TypeError("This request's body cannot be read directly.");
  return reader;
}

/**
 * The real `Request` behind an adapter's request; any other request as it is.
 *
 * @example
 * ```ts
 * import { realRequest } from "./adapter-request.ts";
 * const request = new Request("http://localhost/");
 * realRequest(request) === request; // true
 * ```
 */
export function realRequest(request: Request): Request {
  const build = (request as Offered)[BUILD_REQUEST];
  return typeof build === "function" ? build.call(request) : request;
}

/**
 * Whether `request` is an adapter's request (one that builds its real `Request` on need).
 *
 * @example
 * ```ts
 * import { isAdapterRequest } from "./adapter-request.ts";
 * isAdapterRequest(new Request("http://localhost/")); // false
 * ```
 */
export function isAdapterRequest(request: Request): boolean {
  return typeof (request as Offered)[BUILD_REQUEST] === "function";
}
