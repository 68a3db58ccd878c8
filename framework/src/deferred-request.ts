/**
 * A `Request` built only when something needs it. A server adapter knows a request's method,
 * URL and headers as soon as they arrive, but a full `Request` (headers copied, a body stream,
 * an abort signal) costs more than answering a small request; most requests never need one.
 * `deferRequest` gives an object that answers `method`, `url` and `headers` itself and builds
 * the real `Request` on first use of anything else, delegating to it from then on.
 *
 * Vial's own `req.raw` is always the real `Request` (see `realRequest`). The deferred object is
 * handed only to apps that say they accept it (`ACCEPTS_DEFERRED_REQUESTS`), because native code
 * such as `fetch(request)` or `new Request(request)` does not treat it as a `Request`.
 */

/** Calling `request[BUILD_REQUEST]()` on a deferred request gives its real `Request`. */
export const BUILD_REQUEST: unique symbol = Symbol.for("vial.buildRequest") as never;

/**
 * Set to `true` on a fetch app that accepts deferred requests (a `Vial` app does); server
 * adapters give other apps a real `Request`.
 */
export const ACCEPTS_DEFERRED_REQUESTS: unique symbol = Symbol.for("vial.acceptsDeferredRequests") as never;

/** What a deferred request knows up front, and how to build the real one. */
export interface DeferredRequestSource {
  readonly method: string;
  /** The absolute URL, already in the form `new URL(url).href` gives. */
  readonly url: string;
  /** Makes the headers; called at most once. */
  headers(): Headers;
  /** Makes the real `Request` with these headers; called at most once. */
  build(headers: Headers): Request;
}

class DeferredRequest {
  readonly #source: DeferredRequestSource;
  #headers: Headers | undefined;
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

  [BUILD_REQUEST](): Request {
    return (this.#built ??= this.#source.build(this.headers));
  }

  // Node's console.log of a Request reads its internals, which this object does not have.
  [Symbol.for("nodejs.util.inspect.custom")](): Request {
    return this[BUILD_REQUEST]();
  }
}

// Everything else a Request has (body, signal, json(), clone(), ...) is read from the real one.
for (const key of Object.getOwnPropertyNames(Request.prototype)) {
  if (key === "constructor" || Object.hasOwn(DeferredRequest.prototype, key)) continue;
  const descriptor = Object.getOwnPropertyDescriptor(Request.prototype, key)!;
  if (typeof descriptor.value === "function") {
    Object.defineProperty(DeferredRequest.prototype, key, {
      configurable: true,
      writable: true,
      value(this: DeferredRequest, ...args: unknown[]) {
        const real = this[BUILD_REQUEST]();
        return (real[key as keyof Request] as (...a: unknown[]) => unknown).apply(real, args);
      },
    });
  } else if (descriptor.get) {
    Object.defineProperty(DeferredRequest.prototype, key, {
      configurable: true,
      get(this: DeferredRequest) {
        return this[BUILD_REQUEST]()[key as keyof Request];
      },
    });
  }
}
// `instanceof Request` holds, and anything not defined above is found on Request itself.
Object.setPrototypeOf(DeferredRequest.prototype, Request.prototype);

/**
 * A request-compatible object whose real `Request` is built on first need.
 *
 * @example
 * ```ts
 * import { deferRequest, realRequest } from "./deferred-request"; // internal: used by vial/node
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

/**
 * The real `Request` behind a deferred one; any other request as it is.
 *
 * @example
 * ```ts
 * import { realRequest } from "./deferred-request";
 * const request = new Request("http://localhost/");
 * realRequest(request) === request; // true
 * ```
 */
export function realRequest(request: Request): Request {
  // By symbol rather than instanceof: a bundle may hold a second copy of this module.
  const build = (request as Partial<Pick<DeferredRequest, typeof BUILD_REQUEST>>)[BUILD_REQUEST];
  return typeof build === "function" ? build.call(request) : request;
}
