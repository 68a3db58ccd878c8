import {
  assertCookieFlags,
  assertCookieName,
  assertCookieValue,
  assertDomain,
  assertPath,
  clampExpires,
  clampMaxAge,
  normalizePriority,
  normalizeSameSite,
} from "./cookie-rules.ts";
import type { CookiePriority, SameSite } from "./cookie-rules.ts";

/**
 * The attributes of a Set-Cookie header. Omitted attributes are not written.
 *
 * @example
 * ```ts
 * import { serializeCookie, type CookieOptions } from "vial/cookies";
 *
 * const remember: CookieOptions = { path: "/", maxAge: 30 * 86400, secure: true, httpOnly: true, sameSite: "lax" };
 * serializeCookie("remember", "1", remember);
 * ```
 */
export interface CookieOptions {
  /** Lifetime in seconds; capped at 400 days, negative means 0. */
  maxAge?: number;
  /** Expiry date; capped at 400 days from now. */
  expires?: Date;
  /** Must start with "/". */
  path?: string;
  domain?: string;
  secure?: boolean;
  httpOnly?: boolean;
  /** Strict, Lax or None, in any case; `null` omits it (as Flask's `SESSION_COOKIE_SAMESITE=None`). */
  sameSite?: SameSite | Lowercase<SameSite> | null;
  /** CHIPS: a cookie partitioned by top-level site. Requires `secure`. */
  partitioned?: boolean;
  priority?: CookiePriority | Lowercase<CookiePriority>;
}

/**
 * Attributes of a cookie deletion: the same flags the cookie was set with.
 *
 * @example
 * ```ts
 * import { deleteCookieHeader, type DeleteCookieOptions } from "vial/cookies";
 *
 * const sessionFlags: DeleteCookieOptions = { path: "/", secure: true, httpOnly: true, sameSite: "lax" };
 * new Response(null, { headers: { "Set-Cookie": deleteCookieHeader("session", sessionFlags) } });
 * ```
 */
export type DeleteCookieOptions = Omit<CookieOptions, "maxAge" | "expires">;

const EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT";

/**
 * The last name, path and domain that passed their checks. An app sets the same few on every
 * response (the session cookie on each one), and the checks' regexes cost more than writing
 * the rest of the header; a string that passed once passes again.
 */
const accepted: { name?: string; path?: string; domain?: string } = {};

function checkName(name: string): void {
  if (typeof name === "string" && name === accepted.name) return;
  assertCookieName(name);
  accepted.name = name;
}

function attributes(name: string, options: CookieOptions): string[] {
  const sameSite = options.sameSite == null ? undefined : normalizeSameSite(options.sameSite);
  if (options.path !== undefined && options.path !== accepted.path) {
    assertPath(options.path);
    accepted.path = options.path;
  }
  if (options.domain !== undefined && options.domain !== accepted.domain) {
    assertDomain(options.domain);
    accepted.domain = options.domain;
  }
  assertCookieFlags(name, {
    secure: options.secure === true,
    httpOnly: options.httpOnly === true,
    path: options.path,
    domain: options.domain,
    sameSite,
    partitioned: options.partitioned === true,
  });

  const parts: string[] = [];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${clampMaxAge(options.maxAge)}`);
  if (options.expires !== undefined) parts.push(`Expires=${clampExpires(options.expires).toUTCString()}`);
  if (options.domain !== undefined) parts.push(`Domain=${options.domain}`);
  if (options.path !== undefined) parts.push(`Path=${options.path}`);
  if (options.secure) parts.push("Secure");
  if (options.httpOnly) parts.push("HttpOnly");
  if (sameSite) parts.push(`SameSite=${sameSite}`);
  if (options.partitioned) parts.push("Partitioned");
  if (options.priority !== undefined) parts.push(`Priority=${normalizePriority(options.priority)}`);
  return parts;
}

/**
 * Builds a `Set-Cookie` header value, refusing (with a TypeError that names the rule) anything a
 * browser would silently drop or misread: a name that is not a token; a value with spaces,
 * quotes, commas, semicolons, backslashes, control or non-ASCII characters (encode it first);
 * an unknown SameSite; SameSite=None or Partitioned without Secure; `__Secure-`/`__Host-`
 * prefixes without the attributes they promise. Max-Age and Expires are capped at 400 days.
 *
 * @example
 * ```ts
 * import { serializeCookie } from "vial/cookies";
 *
 * serializeCookie("theme", "dark", { path: "/", maxAge: 3600, sameSite: "lax" });
 * // "theme=dark; Max-Age=3600; Path=/; SameSite=Lax"
 *
 * const headers = new Headers();
 * const token = crypto.randomUUID();
 * headers.append("Set-Cookie", serializeCookie("__Host-id", token, { path: "/", secure: true, httpOnly: true }));
 * ```
 */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  checkName(name);
  assertCookieValue(name, value);
  return [`${name}=${value}`, ...attributes(name, options)].join("; ");
}

/**
 * Builds a `Set-Cookie` header value that deletes a cookie: an empty value, `Max-Age=0` and an
 * `Expires` in 1970. Pass the same path, domain and flags the cookie was set with, or the browser
 * keeps the original (and prefixed names still need their attributes).
 *
 * @example
 * ```ts
 * deleteCookieHeader("session", { path: "/", httpOnly: true });
 * // "session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly"
 * ```
 */
export function deleteCookieHeader(name: string, options: DeleteCookieOptions = {}): string {
  checkName(name);
  const { maxAge: _maxAge, expires: _expires, ...flags } = options as CookieOptions;
  return [`${name}=`, "Max-Age=0", `Expires=${EPOCH}`, ...attributes(name, flags)].join("; ");
}
