/**
 * The CSRF token. The session keeps one random secret; pages get it masked with fresh random
 * bytes (`mask || secret XOR mask`), so the token in a page changes every time while any of them
 * verifies. Masking is Django's defence against BREACH, where a compressed page that echoes a
 * fixed secret lets an attacker guess it byte by byte from response sizes.
 */
import type { VialRequest } from "../../request.ts";
import { base64UrlDecode, base64UrlEncode } from "../../signing/base64.ts";

/** Where the secret lives in the session. */
const SESSION_KEY = "_csrf_token";
const SECRET_BYTES = 32;

/** The token already handed out in this request, so one page shows one token. */
const issued = new WeakMap<object, string>();

/** A request as handlers receive it (any route's `req`): only its session is used. */
type RequestWithSession = Pick<VialRequest, "session">;

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** The session's secret as bytes, if it holds a well-formed one. */
export function sessionSecret(req: RequestWithSession): Uint8Array | undefined {
  const stored = req.session.get(SESSION_KEY);
  if (typeof stored !== "string") return undefined;
  const bytes = base64UrlDecode(stored);
  return bytes?.length === SECRET_BYTES ? bytes : undefined;
}

/**
 * This session's CSRF token, for a hidden form field (`csrf_token` by default) or the
 * `X-CSRF-Token` header of a `fetch()`. The first call creates the session's secret, so it needs
 * a `SECRET_KEY`. Put it in every form that POSTs, PUTs, PATCHes or DELETEs when `csrf()` is on.
 *
 * @example
 * ```ts
 * import { Vial, csrf, csrfToken, html } from "vial";
 * const app = new Vial({ config: { SECRET_KEY: "dev" } });
 * app.use(csrf());
 * app.get("/profile", (req) => html`
 *   <form method="post">
 *     <input type="hidden" name="csrf_token" value="${csrfToken(req)}">
 *     <button>Save</button>
 *   </form>`);
 * ```
 */
export function csrfToken(req: RequestWithSession): string {
  const already = issued.get(req);
  if (already !== undefined) return already;
  let secret = sessionSecret(req);
  if (!secret) {
    secret = randomBytes(SECRET_BYTES);
    req.session.set(SESSION_KEY, base64UrlEncode(secret));
  }
  const mask = randomBytes(SECRET_BYTES);
  const token = new Uint8Array(SECRET_BYTES * 2);
  token.set(mask);
  for (let i = 0; i < SECRET_BYTES; i++) token[SECRET_BYTES + i] = secret[i]! ^ mask[i]!;
  const encoded = base64UrlEncode(token);
  issued.set(req, encoded);
  return encoded;
}

/**
 * Whether a submitted token unmasks to `secret`. Every byte is compared whatever the earlier ones
 * were, so the time taken says nothing about how much of a guess was right.
 */
export function tokenMatches(submitted: string, secret: Uint8Array): boolean {
  const bytes = base64UrlDecode(submitted);
  if (!bytes || bytes.length !== SECRET_BYTES * 2) return false;
  let difference = 0;
  for (let i = 0; i < SECRET_BYTES; i++) difference |= bytes[SECRET_BYTES + i]! ^ bytes[i]! ^ secret[i]!;
  return difference === 0;
}
