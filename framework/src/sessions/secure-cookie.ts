/**
 * Sessions stored in a signed cookie: Flask's `SecureCookieSessionInterface`, in the same wire
 * format (itsdangerous, salt `"cookie-session"`, HMAC-SHA1, tagged JSON), so a Flask app and a
 * Vial app that share `SECRET_KEY` share sessions. Signed, not encrypted: users can read what is
 * in their cookie, they just cannot change it.
 */
import { deleteCookieHeader, serializeCookie } from "../cookies/index.ts";
import { amendDeferredHeaders } from "../deferred-response.ts";
import { withHeaderChanges } from "../middleware/secure-headers/mutable-response.ts";
import type { VialRequest } from "../request.ts";
import { sessionSerializer, type Digest, type URLSafeTimedSerializer } from "../signing/index.ts";
import { after, settle, type Eventually } from "../signing/eventually.ts";
import { Session } from "./session.ts";
import { SessionInterface, type SessionApp } from "./session-interface.ts";
import { addVary, varyWith } from "./vary.ts";

const DIGESTS: readonly Digest[] = ["SHA-1", "SHA-256"];

/** The serializer for the app's current keys, made once per distinct set of keys. */
interface CachedSerializer {
  digest: Digest;
  keys: readonly string[];
  serializer: URLSafeTimedSerializer;
}

/**
 * The default session interface (`app.sessionInterface`). `SECRET_KEY` signs and
 * `SECRET_KEY_FALLBACKS` only verify, so keys can be rotated without logging everyone out. A
 * missing, tampered, expired (older than `PERMANENT_SESSION_LIFETIME`) or undecodable cookie
 * gives an empty session. No crypto runs for requests without a session cookie.
 *
 * `SESSION_DIGEST` (`"SHA-1"`, Flask's and the default, or `"SHA-256"`) picks the HMAC hash;
 * Flask only reads SHA-256 cookies when its interface is changed the same way.
 *
 * @example
 * ```ts
 * import { Vial, SecureCookieSessionInterface } from "vial";
 * const app = new Vial({
 *   config: { SECRET_KEY: "new-secret", SECRET_KEY_FALLBACKS: ["old-secret"], SESSION_COOKIE_SAMESITE: "Lax" },
 * });
 * app.sessionInterface instanceof SecureCookieSessionInterface; // true: the default
 * ```
 */
export class SecureCookieSessionInterface extends SessionInterface {
  #cached: CachedSerializer | undefined;

  /**
   * The signing keys, oldest first (`[...SECRET_KEY_FALLBACKS, SECRET_KEY]`, the last one signs),
   * or `undefined` without a `SECRET_KEY`.
   */
  getSecretKeys(app: SessionApp): string[] | undefined {
    const secret = app.config.SECRET_KEY;
    if (typeof secret !== "string" || secret === "") return undefined;
    const fallbacks = app.config.SECRET_KEY_FALLBACKS as unknown;
    const list = Array.isArray(fallbacks) ? fallbacks : typeof fallbacks === "string" ? [fallbacks] : [];
    const older = list.filter((key): key is string => typeof key === "string" && key !== "");
    // The current key goes last: it is the one that signs (CVE-2025-47278 signed with a fallback).
    return [...older, secret];
  }

  /** `SESSION_DIGEST`: `"SHA-1"` (default, Flask's) or `"SHA-256"`. */
  getDigest(app: SessionApp): Digest {
    // Typed, but config can come from anywhere (an env file, JSON): checked at run time too.
    const digest = app.config.SESSION_DIGEST ?? "SHA-1";
    if (!DIGESTS.includes(digest)) {
      throw new TypeError(`SESSION_DIGEST must be "SHA-1" or "SHA-256", got ${JSON.stringify(digest)}.`);
    }
    return digest;
  }

  /** The serializer that signs and reads session cookies, or `undefined` without a `SECRET_KEY`. */
  getSigningSerializer(app: SessionApp): URLSafeTimedSerializer | undefined {
    const keys = this.getSecretKeys(app);
    if (!keys) return undefined;
    const digest = this.getDigest(app);
    // Compared key by key (not by a JSON id): this runs on every request with a session cookie.
    const cached = this.#cached;
    if (cached?.digest === digest && cached.keys.length === keys.length && cached.keys.every((key, i) => key === keys[i])) {
      return cached.serializer;
    }
    this.#cached = { digest, keys, serializer: sessionSerializer(keys, { digest }) };
    return this.#cached.serializer;
  }

  // Not async: without a cookie (most requests) the answer is ready now, and awaiting costs.
  openSession(app: SessionApp, req: VialRequest): Promise<Session | undefined> | Session | undefined {
    const serializer = this.getSigningSerializer(app);
    if (!serializer) return undefined;
    const cookie = req.cookies[this.getCookieName(app)];
    if (!cookie) return new Session();
    return this.#load(app, serializer, cookie);
  }

  // A plain Session when the cookie can be verified at once (vial/node), a promise otherwise.
  #load(app: SessionApp, serializer: URLSafeTimedSerializer, cookie: string): Eventually<Session> {
    // A cookie is client input: whatever goes wrong reading it, the client just has no session.
    return settle(
      () => serializer.safeLoadsNow(cookie, { maxAge: app.config.PERMANENT_SESSION_LIFETIME }),
      (loaded) => (loaded?.ok && isPlainRecord(loaded.value) ? new Session(loaded.value) : new Session()),
    );
  }

  // Not async: a request that leaves the session alone (most) is answered at once.
  saveSession(app: SessionApp, session: Session, response: Response): Promise<Response> | Response {
    // Decided before anything below reads the session, since those reads count as access too.
    const vary = session.accessed;
    if (session.size === 0) {
      // An emptied session deletes the cookie, with the flags it was set with.
      if (!session.modified) return vary ? withSessionHeaders(response, true, undefined) : response;
      return withSessionHeaders(response, true, deleteCookieHeader(this.getCookieName(app), this.getCookieFlags(app)));
    }
    if (!this.shouldSetCookie(app, session)) return vary ? withSessionHeaders(response, true, undefined) : response;
    return this.#write(app, session, response);
  }

  #write(app: SessionApp, session: Session, response: Response): Eventually<Response> {
    const serializer = this.getSigningSerializer(app);
    if (!serializer) throw new Error("The session cannot be saved because no SECRET_KEY is set.");
    return after(serializer.dumpsNow(session.toJSON()), (value) => {
      const expires = this.getExpirationTime(app, session);
      const flags = this.getCookieFlags(app);
      const options = expires ? Object.assign(flags, { expires, maxAge: app.config.PERMANENT_SESSION_LIFETIME }) : flags;
      // Name and flags are read only when a cookie is sent: most requests send none.
      const name = this.getCookieName(app);
      const setCookie = serializeCookie(name, value, options);
      assertCookieSize(name, setCookie, app.config.MAX_COOKIE_SIZE);
      return withSessionHeaders(response, true, setCookie);
    });
  }
}

/** `Vary: Cookie` and the session's `Set-Cookie`, added to the response (or to a copy of it). */
function withSessionHeaders(response: Response, vary: boolean, setCookie: string | undefined): Response {
  // Vial's own answers on vial/node take the change without building their Headers.
  const amended = amendDeferredHeaders(response, (headers, setCookies) => {
    if (vary) headers.vary = varyWith(headers.vary, "Cookie");
    if (setCookie !== undefined) setCookies.push(setCookie);
  });
  if (amended) return response;
  return withHeaderChanges(response, (headers) => {
    if (vary) addVary(headers, "Cookie");
    if (setCookie !== undefined) headers.append("set-cookie", setCookie);
  });
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
}

/**
 * Browsers silently drop a cookie over about 4 KB, which would log the user out with no trace;
 * Werkzeug only warns. An error that names the size makes the cause obvious.
 */
function utf8Length(text: string): number {
  // Set-Cookie values are quoted to ASCII, so counting is enough; anything else is encoded.
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return new TextEncoder().encode(text).length;
  return text.length;
}

function assertCookieSize(name: string, header: string, limit: unknown): void {
  if (typeof limit !== "number" || limit <= 0) return;
  const size = utf8Length(header);
  if (size <= limit) return;
  throw new Error(
    `The session cookie "${name}" is ${size} bytes, larger than MAX_COOKIE_SIZE (${limit} bytes): browsers ` +
      `would silently drop it. Store less in the session (e.g. an id, with the data in a database).`,
  );
}
