/**
 * The client's network address (Werkzeug's `request.remote_addr`). A standard `Request` has no
 * such property, so whoever knows it — the `node:http` adapter from the socket, `proxyFix()` from
 * `X-Forwarded-For` — records it here, keyed by the `Request` object itself. A WeakMap keeps it
 * web-standard (nothing to parse, no header a client could forge) and frees it with the request.
 */

const addresses = new WeakMap<Request, string>();

/**
 * A Vial request (`req` in handlers and hooks) or a standard `Request`.
 *
 * @example
 * ```ts
 * import { Vial, clientAddress, type RequestLike } from "vial";
 *
 * // One helper for both a handler's `req` and a plain `Request`.
 * function describeClient(request: RequestLike): string {
 *   return `client ${clientAddress(request) ?? "unknown"}`;
 * }
 * const app = new Vial();
 * app.get("/whoami", (req) => describeClient(req));
 * describeClient(new Request("http://localhost/")); // "client unknown"
 * ```
 */
export type RequestLike = Request | { readonly raw: Request };

function rawRequest(req: RequestLike): Request {
  return req instanceof Request ? req : req.raw;
}

/**
 * Records the address a request came from. Servers and adapters call it; so can tests, to act
 * as a given client. An `undefined` address clears what was recorded. Returns the request.
 *
 * @example
 * ```ts
 * import { Vial, setClientAddress, clientAddress } from "vial";
 * const app = new Vial();
 * app.get("/ip", (req) => clientAddress(req) ?? "unknown");
 * const res = await app.fetch(setClientAddress(new Request("http://localhost/ip"), "203.0.113.7"));
 * ```
 */
export function setClientAddress(request: Request, address: string | undefined): Request {
  if (address === undefined || address === "") addresses.delete(request);
  else addresses.set(request, address);
  return request;
}

/**
 * The address of the client that sent this request: the socket's peer under `vial/node`, or the
 * trusted `X-Forwarded-For` hop once `proxyFix()` is installed. `undefined` when nobody recorded
 * one (a request built in a test, or a runtime that does not say).
 *
 * @example
 * ```ts
 * import { Vial, clientAddress } from "vial";
 * const app = new Vial();
 * app.get("/whoami", (req) => ({ address: clientAddress(req) ?? null }));
 * ```
 */
export function clientAddress(req: RequestLike): string | undefined {
  return addresses.get(rawRequest(req));
}
