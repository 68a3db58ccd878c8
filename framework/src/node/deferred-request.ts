/**
 * vial/node's side of the core's adapter interface (adapter-request.ts): a `Request` built only
 * when something needs it. A server adapter knows a request's method,
 * URL and headers as soon as they arrive, but a full `Request` (headers copied, a body stream,
 * an abort signal) costs more than answering a small request; most requests never need one.
 * `deferRequest` gives an object that answers `method`, `url` and `headers` itself and builds
 * the real `Request` on first use of anything else, delegating to it from then on.
 *
 * Vial's own `req.raw` is always the real `Request` (the core's `realRequest`). The deferred
 * object is handed only to apps that say they accept it (`ACCEPTS_DEFERRED_REQUESTS`), because native code
 * such as `fetch(request)` or `new Request(request)` does not treat it as a `Request`.
 */

import { forwardToBuilt } from "../forward-to-built.ts";
import { BODY_READER, BUILD_REQUEST, HEADER_VALUE, PATHNAME, type AdapterRequest, type BodyReader } from "../adapter-request.ts";

/** What a deferred request knows up front, and how to build the real one. */
export interface DeferredRequestSource {
  readonly method: string;
  /** The absolute URL, already in the form `new URL(url).href` gives. */
  readonly url: string;
  /** `new URL(url).pathname`, when it is known without parsing the URL. */
  readonly pathname?: string | undefined;
  /** Makes the headers; called at most once. */
  headers(): Headers;
  /** One header's value as `Headers#get` would give it, without making the headers. */
  header?(name: string): string | null;
  /**
   * Makes the body stream, so it can be read without building the `Request`; called at most
   * once. Without it, reading the body builds the `Request`.
   */
  body?(): ReadableStream<Uint8Array> | null;
  /** Whether reading the stream `body()` made has begun (web streams cannot tell this themselves). */
  isDisturbed?(stream: ReadableStream<Uint8Array>): boolean;
  /**
   * Reads the body without making a stream (cheaper than `body()`); called at most once, and
   * only if `body()` was not. `null` when there is no body.
   */
  reader?(): BodyReader | null;
  /**
   * Makes the real `Request` with these headers; called at most once. `body` is the stream
   * `body()` made, if it was asked for: it may already be read, or being read.
   */
  build(headers: Headers, body: ReadableStream<Uint8Array> | null | undefined): Request;
}

class DeferredRequest implements AdapterRequest {
  readonly #source: DeferredRequestSource;
  #headers: Headers | undefined;
  #body: ReadableStream<Uint8Array> | null | undefined;
  /** The body was handed to a direct reader: it reads as used, and the built Request's body too. */
  #readDirectly = false;
  #built: Request | undefined;

  constructor(source: DeferredRequestSource) {
    this.#source = source;
  }

  get method(): string {
    return this.#source.method;
  }

  get url(): string {
    return this.#source.url;
  }

  get headers(): Headers {
    return (this.#headers ??= this.#source.headers());
  }

  get body(): ReadableStream<Uint8Array> | null {
    if (this.#built || !this.#source.body || this.#readDirectly) return this[BUILD_REQUEST]().body;
    if (this.#body === undefined) this.#body = this.#source.body();
    return this.#body;
  }

  get bodyUsed(): boolean {
    if (this.#readDirectly) return true;
    if (this.#built || !this.#source.body) return this[BUILD_REQUEST]().bodyUsed;
    return this.#body ? (this.#source.isDisturbed?.(this.#body) ?? this.#body.locked) : false;
  }

  [BUILD_REQUEST](): Request {
    // A body read directly is passed as `null`: used, as a read stream would be.
    return (this.#built ??= this.#source.build(this.headers, this.#readDirectly ? null : this.#body));
  }

  [BODY_READER](open: boolean): BodyReader | null | boolean {
    const available = !this.#built && this.#body === undefined && !this.#readDirectly && this.#source.reader !== undefined;
    if (!open || !available) return available;
    this.#readDirectly = true;
    return this.#source.reader!();
  }

  get [PATHNAME](): string | undefined {
    return this.#source.pathname;
  }

  [HEADER_VALUE](name: string): string | null {
    // Once the headers exist they are the truth (a hook may have changed them).
    if (this.#headers || !this.#source.header) return this.headers.get(name);
    return this.#source.header(name);
  }

  // Node's console.log of a Request reads its internals, which this object does not have.
  [Symbol.for("nodejs.util.inspect.custom")](): Request {
    return this[BUILD_REQUEST]();
  }
}

// Everything else a Request has is read from the real one.
forwardToBuilt(DeferredRequest.prototype, Request.prototype, (self) => (self as DeferredRequest)[BUILD_REQUEST]());

/**
 * A request-compatible object whose real `Request` is built on first need.
 *
 * @example
 * ```ts
 * import { deferRequest } from "./deferred-request.ts";
 * import { realRequest } from "../adapter-request.ts";
 * const request = deferRequest({
 *   method: "GET",
 *   url: "http://localhost/",
 *   headers: () => new Headers({ accept: "text/html" }),
 *   build: (headers) => new Request("http://localhost/", { headers }),
 * });
 * request.headers.get("accept"); // "text/html", no Request built yet
 * realRequest(request).headers.get("accept"); // "text/html", now a real Request
 * ```
 */
export function deferRequest(source: DeferredRequestSource): Request {
  return new DeferredRequest(source) as unknown as Request;
}
