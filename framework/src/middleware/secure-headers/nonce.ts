/**
 * The per-request CSP nonce. It is made on first use (by a template or by `secureHeaders()`
 * writing the header) and kept for the rest of the request, keyed by the standard `Request`, so
 * the `<script nonce>` in the page and the `'nonce-…'` in the header always agree.
 */
import type { RequestLike } from "../../client-address.ts";

const nonces = new WeakMap<Request, string>();

/**
 * Stands for this request's nonce in a CSP source list: `scriptSrc: ["'self'", NONCE]` is sent
 * as `script-src 'self' 'nonce-…'`.
 *
 * @example
 * ```ts
 * import { Vial, secureHeaders, NONCE } from "vial";
 * const app = new Vial();
 * app.use(secureHeaders({ contentSecurityPolicy: { styleSrc: ["'self'", NONCE] } }));
 * ```
 */
export const NONCE: unique symbol = Symbol("vial.cspNonce");

/** 128 random bits, base64: unguessable per request, as CSP3 asks. */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * This request's CSP nonce (base64, the same on every call during the request). Put it on inline
 * scripts; `secureHeaders()` lists it in `script-src`, so only those scripts run.
 *
 * @example
 * ```ts
 * import { Vial, html, secureHeaders, cspNonce } from "vial";
 * const app = new Vial();
 * app.use(secureHeaders());
 * app.get("/", (req) => html`<script nonce="${cspNonce(req)}">console.log("allowed")</script>`);
 * ```
 */
export function cspNonce(req: RequestLike): string {
  const request = req instanceof Request ? req : req.raw;
  let nonce = nonces.get(request);
  if (nonce === undefined) {
    nonce = newNonce();
    nonces.set(request, nonce);
  }
  return nonce;
}
