import { CookieJar } from "./cookie-jar";
import { CheckFailure } from "./failure";
import { cut, kindOf, preview } from "./format";
import type { HttpTrace } from "../report";

/** Body text kept in a trace; enough to see what happened, small enough for the report. */
const TRACE_BODY_LIMIT = 4096;

/** Options for one request: a `RequestInit` plus shortcuts for JSON, form and query data. */
export interface CheckRequestInit {
  method?: string;
  headers?: Record<string, string> | [string, string][] | Headers;
  body?: string | URLSearchParams | FormData | Blob | ArrayBuffer | Uint8Array;
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent URL-encoded with `Content-Type: application/x-www-form-urlencoded`. */
  form?: Record<string, string | number | boolean | (string | number)[]>;
  /** Appended to the path as a query string. */
  query?: Record<string, string | number | boolean>;
}

/** A response whose body was already read, so checks can look at it as often as they like. */
export interface CheckResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  text: string;
  /** The body parsed as JSON; fails the check with a clear message when it isn't JSON. */
  json<T = any>(): T;
  /** The cookies the client holds after this response. */
  cookies: Record<string, string>;
}

type Send = (path: string, init?: CheckRequestInit) => Promise<CheckResponse>;

/** Calls the learner's app without a network: `app.request` (or its fetch handler). */
export interface HttpClient {
  get: Send; post: Send; put: Send; patch: Send; delete: Send; head: Send; options: Send;
  fetch: Send;
}

type AppLike = { request?: (path: string, init: RequestInit) => Promise<Response>; fetch?: (request: Request) => Promise<Response> };

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

function requestOf(app: unknown): (path: string, init: RequestInit) => Promise<Response> {
  const candidate = app as AppLike | null | undefined;
  if (candidate && typeof candidate.request === "function") return (path, init) => candidate.request!(path, init);
  if (candidate && typeof candidate.fetch === "function") {
    return (path, init) => candidate.fetch!(new Request(new URL(path, "http://localhost"), init));
  }
  if (typeof app === "function") return (path, init) => (app as (r: Request) => Promise<Response>)(new Request(new URL(path, "http://localhost"), init));
  throw new CheckFailure(
    `The checks need your Vial app, but got ${app === undefined || app === null ? String(app) : `${preview(app)} (${kindOf(app)})`}. ` +
      "Does app.ts export it? Write `export const app = new Vial();`.",
  );
}

function buildRequest(method: string, path: string, init: CheckRequestInit): { path: string; init: RequestInit; traceBody?: string } {
  const headers = new Headers(init.headers);
  let body: BodyInit | undefined = init.body as BodyInit | undefined;
  let traceBody = typeof init.body === "string" ? init.body : init.body instanceof URLSearchParams ? init.body.toString() : undefined;
  if (init.json !== undefined) {
    body = traceBody = JSON.stringify(init.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  } else if (init.form !== undefined) {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(init.form)) {
      for (const item of Array.isArray(value) ? value : [value]) form.append(key, String(item));
    }
    body = traceBody = form.toString();
    if (!headers.has("content-type")) headers.set("content-type", "application/x-www-form-urlencoded");
  } else if (init.body !== undefined && traceBody === undefined) {
    traceBody = `[${kindOf(init.body)} body]`;
  }
  let target = path;
  if (init.query) {
    const query = new URLSearchParams(Object.entries(init.query).map(([k, v]) => [k, String(v)]));
    target += (path.includes("?") ? "&" : "?") + query.toString();
  }
  return { path: target, init: { method, headers, body }, traceBody };
}

const BINARY_TYPES = /^(image|audio|video|font)\/|^application\/(octet-stream|pdf|zip|gzip)/;

async function readBody(response: Response): Promise<{ text: string; traceBody: string }> {
  const type = response.headers.get("content-type") ?? "";
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (BINARY_TYPES.test(type)) return { text: "", traceBody: `[${bytes.length} bytes of ${type}]` };
  const text = new TextDecoder().decode(bytes);
  const rest = text.length - TRACE_BODY_LIMIT;
  return { text, traceBody: rest > 0 ? cut(text, TRACE_BODY_LIMIT) + ` (${rest} more characters)` : text };
}

function parseJson(text: string, type: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CheckFailure(`Expected a JSON body, but the response (Content-Type: ${type || "none"}) was ${preview(text)}.`);
  }
}

/**
 * Makes the `http(app)` helper of the checks API. Each client keeps its own cookies; every
 * request and response is handed to `record` so the report can show what the app did.
 *
 * @example
 * const http = createHttp((trace) => (lastTrace = trace));
 * const res = await http(app).post("/items", { json: { name: "tea" } });
 */
export function createHttp(record: (trace: HttpTrace) => void): (app: unknown) => HttpClient {
  return (app) => {
    const jar = new CookieJar();
    const send = async (method: string, path: string, init: CheckRequestInit = {}): Promise<CheckResponse> => {
      // Apps made by a learner function (`http(createApp(env))`) arrive as promises across realms.
      const call = requestOf(isThenable(app) ? await app : app);
      const request = buildRequest(method, path, init);
      const headers = request.init.headers as Headers;
      if (!headers.has("cookie") && jar.header()) headers.set("cookie", jar.header());
      const response = await call(request.path, request.init);
      if (!(response instanceof Response)) {
        throw new CheckFailure(`Calling the app for ${method} ${path} gave ${preview(response)} instead of a Response.`);
      }
      jar.store(response.headers);
      const { text, traceBody } = await readBody(response);
      const requestHeaders = Object.fromEntries(headers.entries());
      record({
        request: {
          method, path: request.path,
          ...(Object.keys(requestHeaders).length ? { headers: requestHeaders } : {}),
          ...(request.traceBody !== undefined ? { body: cut(request.traceBody, TRACE_BODY_LIMIT) } : {}),
        },
        response: { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: traceBody },
      });
      let parsed: { value: unknown } | undefined;
      return {
        status: response.status, ok: response.ok, headers: response.headers, text, cookies: jar.all(),
        json: () => (parsed ??= { value: parseJson(text, response.headers.get("content-type") ?? "") }).value as any,
      };
    };
    const verb = (method: string): Send => (path, init) => send(method, path, init);
    return {
      get: verb("GET"), post: verb("POST"), put: verb("PUT"), patch: verb("PATCH"), delete: verb("DELETE"),
      head: verb("HEAD"), options: verb("OPTIONS"),
      fetch: (path, init) => send((init?.method ?? "GET").toUpperCase(), path, init),
    };
  };
}
