/** `csrf()`: cross-site request forgery protection (origin checks plus a per-session token). */
export { csrf, CsrfError, type CsrfOptions } from "./csrf.ts";
export { csrfToken } from "./token.ts";
