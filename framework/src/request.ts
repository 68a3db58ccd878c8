/**
 * The request object handed to handlers. It wraps the standard `Request` (kept as `req.raw`) and
 * adds what Flask's request gives: decoded path, params, multi-valued query, cookies, body
 * parsers with size limits, and per-request scratch space `g`. Everything is parsed lazily, once.
 */
import type { UploadedFile } from "./body/index.ts";
import { readBody, readFormBody, readJsonBody, type BodyLimits, type ParsedForm } from "./body/index.ts";
import { CAME_DEFERRED, headerValue, isAdapterRequest, knownPathname, realRequest } from "./adapter-request.ts";
import { MultiDict, parseCookieHeader } from "./http/index.ts";
import { NullSession } from "./sessions/null-session.ts";
import type { Session } from "./sessions/session.ts";
import type { UrlForOptions } from "./url-for.ts";

/** What the request needs from its app: limits, URL building, the session store. */
interface RequestHost {
  readonly config: {
    MAX_CONTENT_LENGTH: number | null;
    MAX_FORM_MEMORY_SIZE: number | null;
    MAX_FORM_PARTS: number | null;
  };
  urlFor(endpoint: string, values?: Record<string, unknown>, options?: UrlForOptions & { blueprint?: string; request?: VialRequest }): string;
}

/**
 * The incoming request, with Flask's conveniences.
 *
 * @example
 * ```ts
 * import { Vial } from "vial";
 * const app = new Vial();
 * app.get("/search", (req) => ({ q: req.query.get("q"), agent: req.headers.get("user-agent") }));
 * ```
 */
export class VialRequest<P = Record<string, unknown>> {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Values captured by the matched rule, converted (`<int:id>` gives a number). */
  params: P = {} as P;
  /** The endpoint of the matched rule, e.g. `"auth.login"`; undefined when nothing matched. */
  endpoint: string | undefined;
  /** Names of the blueprints this request went through, innermost first (Flask's `request.blueprints`). */
  blueprints: readonly string[] = [];
  /** Scratch space for this request only, like Flask's `g`. */
  readonly g: Record<string, unknown> = {};
  /** Limits for this request; start from the app config and may be changed in a hook. */
  maxContentLength: number | null;
  maxFormMemorySize: number | null;
  maxFormParts: number | null;

  readonly #host: RequestHost;
  /** What the app was given: a `Request`, or one vial/node builds only when needed. */
  readonly #source: Request;
  #raw: Request | undefined;
  #session: Session | undefined;
  #url: URL | undefined;
  #path: string | undefined;
  #query: MultiDict<string> | undefined;
  #cookies: Record<string, string> | undefined;
  #json: Promise<unknown> | undefined;
  #form: Promise<ParsedForm> | undefined;

  constructor(raw: Request, host: RequestHost) {
    this.#source = raw;
    this.method = raw.method.toUpperCase();
    this.#host = host;
    this.maxContentLength = host.config.MAX_CONTENT_LENGTH;
    this.maxFormMemorySize = host.config.MAX_FORM_MEMORY_SIZE;
    this.maxFormParts = host.config.MAX_FORM_PARTS;
  }

  /**
   * The session: opened by the app before the before-request hooks, saved after the after-request
   * hooks. Until then (and in apps without a `SECRET_KEY`) an empty session that cannot be written.
   */
  get session(): Session {
    // Made on first read: the app replaces it before handlers run, so most requests never need one.
    return (this.#session ??= new NullSession());
  }

  set session(session: Session) {
    this.#session = session;
  }

  /** Whether the app was given a deferred request (from vial/node), which takes deferred responses. */
  get [CAME_DEFERRED](): boolean {
    return isAdapterRequest(this.#source);
  }

  /** The standard `Request` this wraps. */
  get raw(): Request {
    return (this.#raw ??= realRequest(this.#source));
  }

  /** The full URL. */
  get url(): URL {
    return (this.#url ??= new URL(this.#source.url));
  }

  /** The percent-decoded path, e.g. `"/files/a b.txt"`. Malformed escapes are kept as they are. */
  get path(): string {
    // A request from vial/node may know its pathname: then routing parses no URL.
    return (this.#path ??= decodePath(this.#url ? this.#url.pathname : (knownPathname(this.#source) ?? this.url.pathname)));
  }

  /** The query string as a multi-valued map: `get` gives the first value, `getAll` every one. */
  get query(): MultiDict<string> {
    return (this.#query ??= new MultiDict(this.url.searchParams));
  }

  /** Request headers. */
  get headers(): Headers {
    return this.#source.headers;
  }

  /** Cookies sent by the client (RFC 6265 parsing; the first of a repeated name wins). */
  get cookies(): Readonly<Record<string, string>> {
    return (this.#cookies ??= parseCookieHeader(headerValue(this.#source, "cookie")));
  }

  /** The blueprint of the matched endpoint (innermost), if any. */
  get blueprint(): string | undefined {
    return this.blueprints[0];
  }

  /**
   * The host the request was made to, lower-cased, with its port when it is not the scheme's
   * default (`example.com`, `localhost:5000`), as Flask's `request.host`.
   */
  get host(): string {
    return this.url.host.toLowerCase();
  }

  /**
   * The body parsed as JSON. 415 for a non-JSON media type (`application/*+json` counts as JSON),
   * 400 for malformed JSON, 413 beyond `MAX_CONTENT_LENGTH`.
   */
  json<T = unknown>(): Promise<T> {
    // Bodies are read from what the app was given: a deferred request streams them without building a Request.
    this.#json ??= readJsonBody(this.#source, { maxContentLength: this.maxContentLength });
    return this.#json as Promise<T>;
  }

  /** Form fields of a urlencoded or multipart body (files are in `req.files`). */
  async form(): Promise<MultiDict<string>> {
    return (await this.#parseForm()).form;
  }

  /** Uploaded files of a multipart body: `const avatar = (await req.files).get("avatar")`. */
  get files(): Promise<MultiDict<UploadedFile>> {
    return this.#parseForm().then((parsed) => parsed.files);
  }

  /** The raw body as text (UTF-8), with the `MAX_CONTENT_LENGTH` limit. */
  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }

  /** The raw body as bytes, with the `MAX_CONTENT_LENGTH` limit. */
  bytes(): Promise<Uint8Array> {
    return readBody(this.#source, { maxContentLength: this.maxContentLength });
  }

  /**
   * Builds a URL like `app.urlFor`, resolving `.name` relative to this request's blueprint.
   *
   * @example
   * ```ts
   * import { Blueprint } from "vial";
   * const bp = new Blueprint("auth", { urlPrefix: "/auth" });
   * bp.get("/login", { endpoint: "login" }, (req) => `<a href="${req.urlFor(".logout")}">out</a>`);
   * ```
   */
  urlFor(endpoint: string, values?: Record<string, unknown>, options?: UrlForOptions): string {
    return this.#host.urlFor(endpoint, values, { ...options, blueprint: this.blueprint, request: this as VialRequest });
  }

  #parseForm(): Promise<ParsedForm> {
    const limits: BodyLimits = {
      maxContentLength: this.maxContentLength,
      maxFormMemorySize: this.maxFormMemorySize,
      maxFormParts: this.maxFormParts,
    };
    return (this.#form ??= readFormBody(this.#source, limits));
  }
}

function decodePath(pathname: string): string {
  if (!pathname.includes("%")) return pathname;
  try {
    return decodeURIComponent(pathname);
  } catch {
    // Werkzeug keeps undecodable escapes rather than failing; decode what can be decoded.
    return pathname.replace(/(%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}
