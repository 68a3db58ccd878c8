/**
 * Turns what a handler returned into a `Response`, the way Flask's `make_response` does:
 * strings are HTML, objects and arrays are JSON, tuples add a status and headers, streams stream.
 */
import { isHtmlString } from "./html/index.ts";
import { deferResponse, deferredResponseParts } from "./deferred-response.ts";

/**
 * Anything a handler may return.
 *
 * @example
 * ```ts
 * import type { ResponseValue } from "vial";
 * const values: ResponseValue[] = ["<p>hi</p>", { ok: true }, [1, 2], new Response("raw")];
 * ```
 */
export type ResponseValue =
  | Response
  | string
  | { toString(): string }
  | Record<string, unknown>
  | unknown[]
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream
  | AsyncIterable<string | Uint8Array>
  | Iterable<string | Uint8Array>
  | null;

const HTML_TYPE = "text/html; charset=utf-8";
const encoder = new TextEncoder();

/**
 * Raised when a handler's return value has no response form; the message says which handler.
 *
 * @example
 * ```ts
 * import { makeResponse, InvalidResponseError } from "vial";
 * try { makeResponse(undefined); } catch (error) { console.log(error instanceof InvalidResponseError); }
 * ```
 */
export class InvalidResponseError extends TypeError {}

/**
 * Coerces a handler's return value into a `Response`. `endpoint` names who returned it in the
 * error for a value with no response form (a function is called only then).
 *
 * @example
 * ```ts
 * import { makeResponse } from "vial";
 * const res = makeResponse(["Created", 201, { "X-Id": "7" }]);
 * ```
 */
export function makeResponse(value: unknown, endpoint: string | (() => string) = "the handler"): Response {
  const tuple = asTuple(value);
  if (tuple) {
    const [body, status, headers] = tuple;
    const base = makeBody(body, endpoint);
    return withStatusAndHeaders(base, status, headers);
  }
  return makeBody(value, endpoint);
}

const HTML_HEADERS = Object.freeze({ "content-type": HTML_TYPE });
const JSON_HEADERS = Object.freeze({ "content-type": "application/json" });

type Tuple = [unknown, number | undefined, HeadersInit | undefined];

/**
 * `[body, status]`, `[body, status, headers]` and `[body, headers]` are tuples; any other array is
 * JSON. A 2-element array counts as `[body, headers]` only when its second item is a `Headers` or
 * a plain object of string values; to send such an array as JSON, wrap it in `json()`. After a
 * status, headers may also be a list of `[name, value]` pairs.
 */
function asTuple(value: unknown): Tuple | undefined {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) return undefined;
  const [body, second, third] = value as [unknown, unknown, unknown];
  if (isStatus(second)) {
    if (value.length === 2) return [body, second, undefined];
    // After a status, a list of [name, value] pairs is headers too, as Flask reads
    // `(body, 400, [("X-Foo", "bar")])`; without a status it would read as JSON data.
    if (isHeadersLike(third) || isHeaderPairs(third)) return [body, second, third];
    return undefined;
  }
  if (value.length === 2 && isHeadersLike(second) && !Array.isArray(second)) return [body, undefined, second];
  return undefined;
}

const isStatus = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 100 && v <= 599;

function isHeadersLike(v: unknown): v is HeadersInit {
  if (v instanceof Headers) return true;
  if (typeof v !== "object" || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Object.values(v).every((item) => typeof item === "string" || typeof item === "number");
}

function isHeaderPairs(v: unknown): v is Array<[string, string]> {
  return Array.isArray(v) && v.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((part) => typeof part === "string"));
}

function makeBody(value: unknown, endpoint: string | (() => string)): Response {
  if (value instanceof Response) return value;
  if (value === undefined || value === null) {
    throw new InvalidResponseError(
      `${named(endpoint)} did not return a response (it returned ${value}). Return a string, an object, ` + `a Response, or a [body, status] array.`,
    );
  }
  // Strings and JSON are the core's internal whole-body response, which a server adapter sends in one write.
  if (typeof value === "string") return deferResponse(value, HTML_HEADERS);
  if (isHtmlString(value)) return deferResponse(String(value), HTML_HEADERS);
  if (value instanceof Uint8Array || value instanceof ArrayBuffer || value instanceof Blob || value instanceof ReadableStream) {
    return htmlResponse(value as BodyInit);
  }
  if (typeof value === "object" && (Symbol.asyncIterator in value || isGenerator(value))) {
    return htmlResponse(iterableToStream(value as AsyncIterable<unknown> | Iterable<unknown>));
  }
  if (typeof value === "object") {
    // A `toJSON()` may give `undefined`: an empty body, as `new Response(undefined)` would send.
    const json: string | undefined = JSON.stringify(value);
    return deferResponse(json ?? "", JSON_HEADERS);
  }
  throw new InvalidResponseError(
    `${named(endpoint)} returned a ${typeof value}, which is not a valid response. Return a string, an ` + `object, a Response, or a [body, status] array.`,
  );
}

const named = (endpoint: string | (() => string)) => (typeof endpoint === "string" ? endpoint : endpoint());

const htmlResponse = (body: BodyInit) => new Response(body, { headers: { "content-type": HTML_TYPE } });

function isGenerator(value: object): boolean {
  return Symbol.iterator in value && typeof (value as unknown as Iterator<unknown>).next === "function";
}

function iterableToStream(source: AsyncIterable<unknown> | Iterable<unknown>): ReadableStream<Uint8Array> {
  const iterator: AsyncIterator<unknown, unknown> | Iterator<unknown, unknown> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) return controller.close();
      controller.enqueue(typeof value === "string" ? encoder.encode(value) : (value as Uint8Array));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Statuses that must not carry a body; `["", 204]` is still a valid way to say "no content". */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function withStatusAndHeaders(response: Response, status: number | undefined, headers: HeadersInit | undefined): Response {
  const merged = new Headers(response.headers);
  if (headers) {
    for (const [name, value] of new Headers(headers)) merged.set(name, value);
  }
  const finalStatus = status ?? response.status;
  const statusText = status ? "" : response.statusText;
  const nullBody = NULL_BODY_STATUSES.has(finalStatus);
  // A whole body stays one (read before `response.body`, which would build the real response).
  const whole = nullBody ? undefined : deferredResponseParts(response);
  if (whole) return deferResponse(whole.body, merged, finalStatus, statusText);
  const body = nullBody ? null : response.body;
  if (!body) merged.delete("content-type");
  return new Response(body, { status: finalStatus, statusText, headers: merged });
}
