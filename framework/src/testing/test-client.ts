/**
 * A client for tests, like Flask's: sends requests to a fetch handler without a server, keeps
 * cookies between requests, and can follow redirects.
 */
import { toRequest, type RequestInitWithBody } from "../request-init.ts";
import { CookieJar } from "./cookie-jar.ts";

/**
 * Options of `app.testClient()`.
 *
 * @example
 * ```ts
 * import type { TestClientOptions } from "vial/testing";
 * const options: TestClientOptions = { followRedirects: true, baseUrl: "https://example.test" };
 * ```
 */
export interface TestClientOptions {
  /** Follow 3xx responses (up to 10) by default. */
  followRedirects?: boolean;
  /** Origin that paths are resolved against (default `http://localhost`). */
  baseUrl?: string;
}

/**
 * Per-request options: a `RequestInit` plus `json`, `form` and `followRedirects`.
 *
 * @example
 * ```ts
 * import type { TestRequestInit } from "vial/testing";
 * const init: TestRequestInit = { form: { user: "ada" }, followRedirects: true };
 * ```
 */
export interface TestRequestInit extends RequestInitWithBody {
  followRedirects?: boolean;
}

const MAX_REDIRECTS = 10;

/**
 * A cookie-keeping client for an app's fetch handler.
 *
 * @example
 * ```ts
 * import { Vial } from "vial";
 * const app = new Vial();
 * const client = app.testClient();
 * await client.post("/login", { form: { user: "ada" }, followRedirects: true });
 * ```
 */
export class TestClient {
  /** The cookies received so far. */
  readonly cookies = new CookieJar();
  readonly #fetch: (request: Request) => Promise<Response>;
  readonly #options: TestClientOptions;

  constructor(fetch: (request: Request) => Promise<Response>, options: TestClientOptions = {}) {
    this.#fetch = fetch;
    this.#options = options;
  }

  /** Sends a request; `init.method` defaults to GET (POST when a body is given). */
  async request(path: string, init: TestRequestInit = {}): Promise<Response> {
    const { followRedirects = this.#options.followRedirects ?? false, ...rest } = init;
    let url = new URL(path, this.#options.baseUrl ?? "http://localhost");
    let request = toRequest(url, rest);
    let bodyInit: TestRequestInit = rest;
    for (let hop = 0; ; hop++) {
      const response = await this.#send(request);
      const location = response.headers.get("location");
      if (!followRedirects || !location || response.status < 300 || response.status > 399) return response;
      if (hop >= MAX_REDIRECTS) throw new Error(`Too many redirects (more than ${MAX_REDIRECTS}), last to ${location}.`);
      url = new URL(location, url);
      // 307 and 308 repeat the method and body; the others become GET, as browsers do.
      const keepMethod = response.status === 307 || response.status === 308;
      bodyInit = keepMethod ? bodyInit : { headers: withoutBodyHeaders(bodyInit.headers), method: "GET" };
      request = toRequest(url, bodyInit);
    }
  }

  /** GET. @example `await client.get("/users/1")` */
  get(path: string, init: TestRequestInit = {}) {
    return this.request(path, { ...init, method: "GET" });
  }
  /** POST. @example `await client.post("/items", { json: { name: "x" } })` */
  post(path: string, init: TestRequestInit = {}) {
    return this.request(path, { ...init, method: "POST" });
  }
  /** PUT. @example `await client.put("/items/1", { json: { name: "y" } })` */
  put(path: string, init: TestRequestInit = {}) {
    return this.request(path, { ...init, method: "PUT" });
  }
  /** PATCH. @example `await client.patch("/items/1", { json: { name: "z" } })` */
  patch(path: string, init: TestRequestInit = {}) {
    return this.request(path, { ...init, method: "PATCH" });
  }
  /** DELETE. @example `await client.delete("/items/1")` */
  delete(path: string, init: TestRequestInit = {}) {
    return this.request(path, { ...init, method: "DELETE" });
  }
  /** HEAD. @example `await client.head("/")` */
  head(path: string, init: TestRequestInit = {}) {
    return this.request(path, { ...init, method: "HEAD" });
  }
  /** OPTIONS. @example `await client.options("/")` */
  options(path: string, init: TestRequestInit = {}) {
    return this.request(path, { ...init, method: "OPTIONS" });
  }

  async #send(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const cookie = this.cookies.header(url);
    if (cookie && !request.headers.has("cookie")) request.headers.set("cookie", cookie);
    const response = await this.#fetch(request);
    this.cookies.store(url, response.headers.getSetCookie());
    return response;
  }
}

function withoutBodyHeaders(headers: HeadersInit | undefined): Headers {
  const result = new Headers(headers);
  result.delete("content-type");
  result.delete("content-length");
  return result;
}
