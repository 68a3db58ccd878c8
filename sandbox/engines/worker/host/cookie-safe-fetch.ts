/**
 * Browsers silently drop `Cookie` from a `Request`'s headers and `Set-Cookie` from a
 * `Response`'s (they are forbidden header names, guarded for the page's own network use). A Vial
 * app running in a Worker needs both: sessions read `Cookie`, logins send `Set-Cookie`, and
 * `testClient()` carries cookies between requests.
 *
 * So, before any bundle loads, the worker host replaces `Request` and `Response` with subclasses
 * whose `headers` is a plain `Headers` object (guard "none", which keeps every header). Bodies,
 * `clone()`, `formData()`, streams and the rest stay the browser's own. Nothing here is needed in
 * Node, where the same classes behave the same way (tests run them there too).
 */

type RequestClass = typeof Request;
type ResponseClass = typeof Response;

/** Marks scopes already patched, so installing twice is harmless. */
const INSTALLED = Symbol.for("vial.cookieSafeFetch");

/**
 * Installs cookie-keeping `Request` and `Response` classes on `scope` (default globalThis).
 * `instanceof Request` / `instanceof Response` stay true for the browser's own objects too.
 *
 * @example
 * installCookieSafeFetch();
 * new Request("http://x/", { headers: { cookie: "a=1" } }).headers.get("cookie"); // "a=1"
 */
export function installCookieSafeFetch(scope: { Request: RequestClass; Response: ResponseClass; Headers: typeof Headers } = globalThis): void {
  const marked = scope as unknown as Record<symbol, boolean>;
  if (marked[INSTALLED]) return;
  const classes = cookieSafeFetchClasses(scope);
  scope.Request = classes.Request;
  scope.Response = classes.Response;
  marked[INSTALLED] = true;
}

/** The `headers` getter of a class, wherever it sits on the prototype chain. */
function headersGetter(prototype: object): () => Headers {
  for (let at: object | null = prototype; at; at = Object.getPrototypeOf(at)) {
    const getter = Object.getOwnPropertyDescriptor(at, "headers")?.get;
    if (getter) return getter as () => Headers;
  }
  throw new TypeError("This Request or Response class has no headers getter.");
}

/**
 * Builds the cookie-keeping `Request` and `Response` classes over the given native ones,
 * without installing them.
 *
 * @example
 * const { Request: SafeRequest } = cookieSafeFetchClasses(globalThis);
 */
export function cookieSafeFetchClasses(native: { Request: RequestClass; Response: ResponseClass; Headers: typeof Headers }): { Request: RequestClass; Response: ResponseClass } {
  const NativeRequest = native.Request;
  const NativeResponse = native.Response;
  const NativeHeaders = native.Headers;
  /** The full headers of each object; a WeakMap (not a #field) so prototype-swapped clones work. */
  const fullHeaders = new WeakMap<object, Headers>();
  const requestHeaders = headersGetter(NativeRequest.prototype);
  const responseHeaders = headersGetter(NativeResponse.prototype);

  /** The given headers, plus any the browser derived itself (a body's Content-Type). */
  function merge(given: HeadersInit | undefined, derived: Headers): Headers {
    const headers = new NativeHeaders(given);
    for (const [name, value] of derived) if (!headers.has(name)) headers.set(name, value);
    return headers;
  }

  function headersOf(object: object, nativeGetter: () => Headers): Headers {
    return fullHeaders.get(object) ?? nativeGetter.call(object);
  }

  /** A native clone dressed as `Class`, with its own copy of the full headers. */
  function adopt<T extends object>(clone: T, Class: { prototype: object }, headers: Headers): T {
    Object.setPrototypeOf(clone, Class.prototype);
    fullHeaders.set(clone, new NativeHeaders(headers));
    return clone;
  }

  class CookieSafeRequest extends NativeRequest {
    constructor(input: RequestInfo | URL, init: RequestInit = {}) {
      super(input, init);
      const given = init.headers !== undefined ? init.headers : input instanceof NativeRequest ? input.headers : undefined;
      fullHeaders.set(this, merge(given, requestHeaders.call(this)));
    }

    override get headers(): Headers {
      return headersOf(this, requestHeaders);
    }

    override clone(): Request {
      return adopt(super.clone(), CookieSafeRequest, this.headers);
    }

    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof NativeRequest;
    }
  }

  class CookieSafeResponse extends NativeResponse {
    constructor(body?: BodyInit | null, init: ResponseInit = {}) {
      super(body, init);
      fullHeaders.set(this, merge(init.headers, responseHeaders.call(this)));
    }

    override get headers(): Headers {
      return headersOf(this, responseHeaders);
    }

    override clone(): Response {
      return adopt(super.clone(), CookieSafeResponse, this.headers);
    }

    static override json(data: unknown, init: ResponseInit = {}): Response {
      const text = JSON.stringify(data);
      if (text === undefined) throw new TypeError("Response.json: the value cannot be turned into JSON.");
      const headers = new NativeHeaders(init.headers);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
      return new CookieSafeResponse(text, { ...init, headers });
    }

    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof NativeResponse;
    }
  }

  return { Request: CookieSafeRequest, Response: CookieSafeResponse };
}
