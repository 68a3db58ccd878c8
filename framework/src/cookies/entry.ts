/**
 * `vial/cookies`: `Set-Cookie` lines on their own, for code that answers without an app's
 * `setCookie()` / `deleteCookie()` (a raw `Response`, a proxy).
 */
export { serializeCookie, deleteCookieHeader, type CookieOptions, type DeleteCookieOptions } from "./serialize.ts";
