/** Building a standard `Request` from a path and an init with `json`/`form` (app.request, tests). */

/**
 * `RequestInit` plus the test conveniences `json` and `form`.
 *
 * @example
 * ```ts
 * import type { RequestInitWithBody } from "vial/testing";
 * const init: RequestInitWithBody = { method: "POST", json: { name: "Ada" } };
 * ```
 */
export interface RequestInitWithBody extends RequestInit {
  json?: unknown;
  form?: Record<string, string | string[]> | URLSearchParams;
}

/**
 * Builds a standard `Request` from a path (against `http://localhost`) and an init with `json`/`form`.
 *
 * @example
 * ```ts
 * import { toRequest } from "vial/testing";
 * const request = toRequest("/items", { json: { name: "x" } }); // POST http://localhost/items
 * ```
 */
export function toRequest(input: string | URL | Request, init: RequestInitWithBody = {}): Request {
  const { json: jsonBody, form, ...rest } = init;
  const headers = new Headers(rest.headers);
  let body = rest.body;
  if (jsonBody !== undefined) {
    body = JSON.stringify(jsonBody);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  } else if (form !== undefined) {
    body = form instanceof URLSearchParams ? form : toSearchParams(form);
    if (!headers.has("content-type")) headers.set("content-type", "application/x-www-form-urlencoded");
  }
  const method = rest.method ?? (body !== undefined && body !== null ? "POST" : "GET");
  const requestInit: RequestInit & { duplex?: "half" } = { ...rest, method, headers, body };
  if (body instanceof ReadableStream) requestInit.duplex = "half";
  if (input instanceof Request) return new Request(input, requestInit);
  return new Request(new URL(String(input), "http://localhost"), requestInit);
}

function toSearchParams(form: Record<string, string | string[]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  return params;
}
