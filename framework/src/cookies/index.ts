/** Writing Set-Cookie headers that browsers will accept, or a clear error saying why not. */
export { deleteCookieHeader, serializeCookie } from "./serialize";
export type { CookieOptions, DeleteCookieOptions } from "./serialize";
export { MAX_COOKIE_AGE_SECONDS } from "./cookie-rules";
export type { CookiePriority, SameSite } from "./cookie-rules";
