/**
 * Response helpers: small functions that build a `Response` with the right content type.
 * Handlers may also return plain values; `make-response.ts` coerces those the way Flask does.
 */
import { BadRequest } from "./http-errors.ts";
import { deferResponse } from "./deferred-response.ts";
import { responseWithKnownBody } from "./known-body.ts";

const JSON_TYPE = "application/json";
const TEXT_TYPE = "text/plain; charset=utf-8";

function withType(init: ResponseInit | undefined, type: string): ResponseInit {
  const headers = new Headers(init?.headers);
  if (!headers.has("content-type")) headers.set("content-type", type);
  return Object.assign({}, init, { headers }); // not a spread: see node/outgoing.ts
}

const JSON_HEADERS = Object.freeze({ "content-type": JSON_TYPE });
const TEXT_HEADERS = Object.freeze({ "content-type": TEXT_TYPE });

/**
 * The response for a whole body, deferred: it is built into a real `Response` only when
 * something reads more than status and headers, and `Vial.fetch` hands a real one to every
 * caller but vial/node, which writes the parts straight to the socket (see
 * `deferred-response.ts`). Anything a deferred response does not check for itself (a status
 * text, a status a body is not allowed with) takes the real path, which accepts or refuses it
 * as `new Response` does.
 */
function wholeBody(body: string, init: ResponseInit | undefined, type: string, typeHeaders: Readonly<Record<string, string>>): Response {
  const status = init?.status ?? 200;
  if (!init?.statusText && Number.isInteger(status) && status >= 200 && status <= 599 && status !== 204 && status !== 205 && status !== 304) {
    return deferResponse(body, init?.headers === undefined ? typeHeaders : (withType(init, type).headers as Headers), status);
  }
  return responseWithKnownBody(body, withType(init, type));
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
  return responseWithKnownBody(body, { status, headers: { location: encoded, "content-type": "text/html; charset=utf-8" } });
}

/** Percent-encodes what a header cannot carry (non-ASCII, spaces) and keeps existing escapes, like Werkzeug's `iri_to_uri`. */
function encodeLocation(location: string): string {
  return location.replace(/[^\x21-\x7e]|%(?![0-9a-fA-F]{2})/g, (ch) => encodeURIComponent(ch));
}
