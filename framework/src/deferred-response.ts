/**
 * The core's one internal response type: a `Response` built only when something needs it, for
 * every answer Vial makes whole (`json()`, `text()`, `redirect()`, returned strings and
 * objects). It keeps status, headers and body as given, so a server adapter (vial/node) can
 * write them straight to the socket (`deferredResponseParts`); reading anything a plain record
 * cannot answer (`body`, `text()`, `clone()`, ...) builds the real `Response` and delegates to it.
 *
 * They never leave `Vial.fetch` for anyone but an adapter that asked for them (its requests
 * implement adapter-request.ts): the native consumers of a `Response` (a Service Worker's
 * `respondWith`, `caches.put`) would not take one, so `fetch` builds the real one for every
 * other caller. Handlers and after-request hooks may see one; it answers them as a `Response`
 * would. Every other response in the core is a standard `Response`.
 */

import { forwardToBuilt } from "./forward-to-built.ts";

const BUILD_RESPONSE: unique symbol = Symbol.for("vial.buildResponse") as never;
const RESPONSE_PARTS: unique symbol = Symbol.for("vial.responseParts") as never;
const AMEND_HEADERS: unique symbol = Symbol.for("vial.amendHeaders") as never;
const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});
const NO_COOKIES: readonly string[] = Object.freeze([]);

/** A body held whole in memory (a string or bytes Vial made itself). */
export type KnownBody = string | Uint8Array;

/** What a server adapter needs to send a deferred response without building it. */
export interface ResponseParts {
  status: number;
  /** The headers as given, or the `Headers` once something has read them (it may have changed them). */
  headers: Readonly<Record<string, string>> | Headers;
  /** `Set-Cookie` lines added by {@link amendDeferredHeaders}, when `headers` is a record. */
  setCookies: readonly string[];
  body: KnownBody;
}

class DeferredResponse {
  readonly #status: number;
  readonly #body: KnownBody;
  #headerInit: Readonly<Record<string, string>>;
  #setCookies: readonly string[] = NO_COOKIES;
  #headers: Headers | undefined;
  #built: Response | undefined;

  constructor(body: KnownBody, status: number, headers: Readonly<Record<string, string>> | Headers) {
    this.#body = body;
    this.#status = status;
    if (headers instanceof Headers) {
      this.#headers = headers;
      this.#headerInit = NO_HEADERS;
    } else {
      this.#headerInit = headers;
    }
  }

  get status(): number {
    return this.#status;
  }

  // A status text makes a standard Response instead (see deferResponse).
  get statusText(): string {
    return "";
  }

  get ok(): boolean {
    return this.#status >= 200 && this.#status <= 299;
  }

  get redirected(): boolean {
    return false;
  }

  get type(): ResponseType {
    return "default";
  }

  get url(): string {
    return "";
  }

  // Always the same object, even after the real Response is built: hooks write
  // `res.headers.set(name, await read(res))`, taking the headers before the body.
  get headers(): Headers {
    if (this.#headers) return this.#headers;
    const headers = new Headers(this.#headerInit);
    for (const line of this.#setCookies) headers.append("set-cookie", line);
    return (this.#headers = headers);
  }

  [BUILD_RESPONSE](): Response {
    return (this.#built ??= new Response(this.#body as BodyInit, {
      status: this.#status,
      headers: this.#headers ?? (this.#setCookies.length ? this.headers : this.#headerInit),
    }));
  }

  [AMEND_HEADERS](change: (headers: Record<string, string>, setCookies: string[]) => void): boolean {
    // Once the Headers exist (or the real Response), they are what gets sent.
    if (this.#headers || this.#built) return false;
    const headers = Object.assign({}, this.#headerInit); // not a spread: see node/outgoing.ts
    const setCookies = [...this.#setCookies];
    change(headers, setCookies);
    this.#headerInit = headers;
    this.#setCookies = setCookies;
    return true;
  }

  /** A copy with the headers as they are now (the real Response copied them when it was built). */
  clone(): Response {
    const copy = this[BUILD_RESPONSE]().clone();
    return new Response(copy.body, { status: this.#status, headers: this.headers });
  }

  [RESPONSE_PARTS](): ResponseParts | undefined {
    const built = this.#built;
    // Once something has read the real body, only its stream knows what is left to send.
    if (built && (built.bodyUsed || built.body?.locked)) return undefined;
    if (this.#headers) return { status: this.#status, headers: this.#headers, setCookies: NO_COOKIES, body: this.#body };
    return { status: this.#status, headers: this.#headerInit, setCookies: this.#setCookies, body: this.#body };
  }

  // Node's console.log of a Response reads its internals, which this object does not have.
  [Symbol.for("nodejs.util.inspect.custom")](): Response {
    return this[BUILD_RESPONSE]();
  }
}

// Everything else a Response has is read from the real one.
forwardToBuilt(DeferredResponse.prototype, Response.prototype, (self) => (self as DeferredResponse)[BUILD_RESPONSE]());

/**
 * A response for a whole body: the internal type, built into a real `Response` on first need.
 * Header names of a record must be lower-case; a `Headers` is taken as it is. A status a body is
 * not allowed with, or a status text, gives a standard `Response` instead, which accepts or
 * refuses them as `new Response` does.
 *
 * @example
 * ```ts
 * import { deferResponse, realResponse } from "./deferred-response.ts";
 * const res = deferResponse("Hello", { "content-type": "text/plain" });
 * res.status; // 200, nothing built
 * await realResponse(res).text(); // "Hello"
 * ```
 */
export function deferResponse(body: KnownBody, headers: Readonly<Record<string, string>> | Headers, status = 200, statusText = ""): Response {
  if (statusText || !acceptsBody(status)) return new Response(body as BodyInit, { status, statusText, headers });
  return new DeferredResponse(body, status, headers) as unknown as Response;
}

function acceptsBody(status: number): boolean {
  return Number.isInteger(status) && status >= 200 && status <= 599 && status !== 204 && status !== 205 && status !== 304;
}

/**
 * The real `Response` behind a deferred one, with the headers as they are now; any other
 * response as it is.
 *
 * @example
 * ```ts
 * import { realResponse } from "./deferred-response.ts";
 * const res = new Response("hi");
 * realResponse(res) === res; // true
 * ```
 */
export function realResponse(response: Response): Response {
  const build = (response as Partial<Pick<DeferredResponse, typeof BUILD_RESPONSE>>)[BUILD_RESPONSE];
  if (typeof build !== "function") return response;
  const real = build.call(response);
  // Headers changed after the build went to the deferred response's own Headers.
  if (real.headers !== response.headers) {
    for (const name of [...real.headers.keys()]) real.headers.delete(name);
    for (const [name, value] of response.headers) real.headers.append(name, value);
  }
  return real;
}

/**
 * Status, headers and body of a deferred response whose body nobody has read; `undefined` for
 * any other response.
 *
 * @example
 * ```ts
 * import { deferResponse, deferredResponseParts } from "./deferred-response.ts";
 * deferredResponseParts(deferResponse("hi", {}))?.body; // "hi"
 * ```
 */
export function deferredResponseParts(response: Response): ResponseParts | undefined {
  const parts = (response as Partial<Pick<DeferredResponse, typeof RESPONSE_PARTS>>)[RESPONSE_PARTS];
  return typeof parts === "function" ? parts.call(response) : undefined;
}

/**
 * Changes the header record of a deferred response whose `Headers` nobody has built yet, without
 * building them: the session adds `Vary` and `Set-Cookie` to most answers it touches, and a
 * `Headers` costs more than the rest of such an answer. Names in the record are lower-case;
 * `Set-Cookie` lines go in `setCookies`. Returns `false`, changing nothing, for any other
 * response: the caller changes `response.headers` then.
 *
 * @example
 * ```ts
 * import { amendDeferredHeaders, deferResponse } from "./deferred-response.ts";
 * const res = deferResponse("hi", { "content-type": "text/plain" });
 * amendDeferredHeaders(res, (headers, setCookies) => {
 *   headers.vary = "Cookie";
 *   setCookies.push("session=abc; Path=/");
 * }); // true
 * res.headers.get("vary"); // "Cookie"
 * ```
 */
export function amendDeferredHeaders(response: Response, change: (headers: Record<string, string>, setCookies: string[]) => void): boolean {
  const amend = (response as Partial<Pick<DeferredResponse, typeof AMEND_HEADERS>>)[AMEND_HEADERS];
  return typeof amend === "function" && amend.call(response, change);
}
