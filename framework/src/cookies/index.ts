/** Writing Set-Cookie headers that browsers will accept, or a clear error saying why not. */
export { deleteCookieHeader, serializeCookie } from "./serialize.ts";
export type { CookieOptions, DeleteCookieOptions } from "./serialize.ts";
export { MAX_COOKIE_AGE_SECONDS } from "./cookie-rules.ts";
export type { SameSite } from "./cookie-rules.ts";
