/**
 * Cookies on responses: `setCookie` and `deleteCookie` append a `Set-Cookie` header built by
 * `serializeCookie` / `deleteCookieHeader`, which refuse what browsers would silently drop.
 * Responses with immutable headers (`Response.redirect()`, a proxied `fetch()` answer) are
 * copied, so always use the response these functions return.
 */
import { deleteCookieHeader, serializeCookie, type CookieOptions, type DeleteCookieOptions } from "../cookies/index.ts";
import { withHeaderChanges } from "../middleware/secure-headers/mutable-response.ts";

/**
 * Adds a cookie to a response. Throws a `TypeError` naming the rule for an invalid name or value,
 * an unknown SameSite, SameSite=None or Partitioned without Secure, and `__Secure-`/`__Host-`
 * names without the attributes they require; Max-Age and Expires are capped at 400 days.
 *
 * @example
 * ```ts
 * import { Vial, setCookie, text } from "vial";
 * const app = new Vial();
 * app.get("/theme/dark", () =>
 *   setCookie(text("ok"), "theme", "dark", { path: "/", maxAge: 365 * 24 * 3600, sameSite: "Lax" }),
 * );
 * ```
 */
export function setCookie(response: Response, name: string, value: string, options: CookieOptions = {}): Response {
  const header = serializeCookie(name, value, options);
  return withHeaderChanges(response, (headers) => headers.append("set-cookie", header));
}

/**
 * Tells the browser to forget a cookie. Pass the same `path`, `domain` and flags it was set
 * with: a cookie is only replaced by one with the same name, domain and path.
 *
 * @example
 * ```ts
 * import { Vial, deleteCookie, redirect } from "vial";
 * const app = new Vial();
 * app.post("/theme/reset", () => deleteCookie(redirect("/"), "theme", { path: "/" }));
 * ```
 */
export function deleteCookie(response: Response, name: string, options: DeleteCookieOptions = {}): Response {
  const header = deleteCookieHeader(name, options);
  return withHeaderChanges(response, (headers) => headers.append("set-cookie", header));
}
