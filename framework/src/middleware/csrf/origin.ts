/**
 * The browser-side half of CSRF protection: modern browsers say where a request came from in
 * `Sec-Fetch-Site` and `Origin`, headers a page cannot forge. The algorithm is Go 1.25's
 * `CrossOriginProtection`: trust `Sec-Fetch-Site` when it is present, else compare `Origin` with
 * the request's host; requests with neither are not from a (modern) browser page and pass on to
 * the token check.
 */
import type { VialRequest } from "../../request.ts";

/**
 * Normalizes configured origins (`"https://admin.example.com"`) to what browsers send in
 * `Origin`; anything that is not a bare scheme://host[:port] is a configuration error.
 */
export function normalizeTrustedOrigins(origins: readonly string[]): Set<string> {
  const normalized = new Set<string>();
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    const bare = url && url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
    if (!url || !bare || url.origin === "null") {
      throw new TypeError(`csrf: trustedOrigins must be origins like "https://example.com" (no path), got ${JSON.stringify(origin)}.`);
    }
    normalized.add(url.origin);
  }
  return normalized;
}

/** Why the request looks cross-origin, or `undefined` when it does not. */
export function crossOriginReason(req: VialRequest, trusted: ReadonlySet<string>): string | undefined {
  const site = req.headers.get("sec-fetch-site")?.trim().toLowerCase();
  const origin = req.headers.get("origin");
  if (site === "same-origin" || site === "none") return undefined;
  if (origin !== null && trusted.has(origin)) return undefined;
  if (site) return `the request came from another site (Sec-Fetch-Site: ${site}).`;
  if (origin === null) return undefined;
  // The scheme is not compared: behind a TLS-terminating proxy the app may see http while the
  // browser says https. The host is what tells one site from another.
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host !== undefined && host !== "" && host === req.url.host) return undefined;
  return `the Origin header (${origin}) does not match this site (${req.url.host}).`;
}
