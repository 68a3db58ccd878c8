/**
 * Responses whose whole body Vial made itself (a string or bytes) remember that body, so a
 * server adapter can send it in one write with a `Content-Length` instead of pulling it back
 * out of the `Response`'s stream chunk by chunk. The `Response` itself stays a normal one: code
 * that reads its body, or wraps it in a new `Response`, sees no difference.
 */

import { deferredResponseParts, type KnownBody } from "./deferred-response.ts";

const known = new WeakMap<Response, KnownBody>();

/**
 * A `new Response(body, init)` that remembers its body for {@link knownBody}.
 *
 * @example
 * ```ts
 * import { responseWithKnownBody, knownBody } from "./known-body.ts"; // internal: used by vial/node
 * const res = responseWithKnownBody("Hello", { headers: { "content-type": "text/plain" } });
 * knownBody(res); // "Hello"
 * ```
 */
export function responseWithKnownBody(body: KnownBody, init?: ResponseInit): Response {
  const response = new Response(body as BodyInit, init);
  known.set(response, body);
  return response;
}

/**
 * The body a response was made with by {@link responseWithKnownBody}, while its stream is
 * untouched; `undefined` for any other response, or once something has read or locked the
 * stream (then only the stream tells what is left to send).
 *
 * @example
 * ```ts
 * import { knownBody } from "./known-body.ts";
 * const body = knownBody(new Response("made elsewhere")); // undefined: stream it
 * ```
 */
export function knownBody(response: Response): KnownBody | undefined {
  const deferred = deferredResponseParts(response);
  if (deferred) return deferred.body;
  const body = known.get(response);
  if (body === undefined || response.bodyUsed || response.body?.locked) return undefined;
  return body;
}
