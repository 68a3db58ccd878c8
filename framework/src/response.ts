/**
 * Response helpers: small functions that build a `Response` with the right content type.
 * Handlers may also return plain values; `make-response.ts` coerces those the way Flask does.
 */
import { BadRequest } from "./http-errors.ts";
import { deferResponse } from "./deferred-response.ts";

const JSON_TYPE = "application/json";
const TEXT_TYPE = "text/plain; charset=utf-8";

function withType(given: HeadersInit, type: string): Headers {
  const headers = new Headers(given);
  if (!headers.has("content-type")) headers.set("content-type", type);
  return headers;
}

const JSON_HEADERS = Object.freeze({ "content-type": JSON_TYPE });
const TEXT_HEADERS = Object.freeze({ "content-type": TEXT_TYPE });

/**
 * The response for a whole body: the core's internal response type (deferred-response.ts),
 * which a server adapter writes without building a `Response`.
 */
function wholeBody(body: string, init: ResponseInit | undefined, type: string, typeHeaders: Readonly<Record<string, string>>): Response {
  const headers = init?.headers === undefined ? typeHeaders : withType(init.headers, type);
  return deferResponse(body, headers, init?.status ?? 200, init?.statusText ?? "");
}

/**
 * A JSON response. `undefined` is refused (it has no JSON form).
 *
 * @example
 * ```ts
 * import { Vial, json } from "vial";
 * const app = new Vial();
 * app.post("/items", () => json({ id: 1 }, { status: 201 }));
 * ```
 */
export function json(data: unknown, init?: ResponseInit): Response {
  const body = JSON.stringify(data);
  if (body === undefined) throw new TypeError("json() cannot serialize undefined; return null or an object instead.");
  return wholeBody(body, init, JSON_TYPE, JSON_HEADERS);
}

/**
 * A plain-text response (`text/plain; charset=utf-8`).
 *
 * @example
 * ```ts
 * import { Vial, text } from "vial";
 * const app = new Vial();
 * app.get("/robots.txt", () => text("User-agent: *\nDisallow:\n"));
 * ```
 */
export function text(body: string, init?: ResponseInit): Response {
  return wholeBody(body, init, TEXT_TYPE, TEXT_HEADERS);
}

/**
 * A redirect, 302 by default as in Flask 3.1. The location may be relative. A location with a
 * CR or LF is refused with 400, so user input can never split the response headers.
 *
 * @example
 * ```ts
 * import { Vial, redirect } from "vial";
 * const app = new Vial();
 * app.get("/old", () => redirect("/new", 301));
 * ```
 */
export function redirect(location: string | URL, status = 302): Response {
  const target = String(location);
  if (/[\r\n]/.test(target)) throw new BadRequest("The redirect location contains a line break.");
  if (status < 300 || status > 399) throw new RangeError(`redirect() needs a 3xx status, got ${status}.`);
  const encoded = encodeLocation(target);
  const escaped = encoded.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const body =
    `<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n` +
    `<p>You should be redirected automatically to the target URL: <a href="${escaped}">${escaped}</a>. If not, click the link.\n`;
  return deferResponse(body, { location: encoded, "content-type": "text/html; charset=utf-8" }, status);
}

/** Percent-encodes what a header cannot carry (non-ASCII, spaces) and keeps existing escapes, like Werkzeug's `iri_to_uri`. */
function encodeLocation(location: string): string {
  return location.replace(/[^\x21-\x7e]|%(?![0-9a-fA-F]{2})/g, (ch) => encodeURIComponent(ch));
}
