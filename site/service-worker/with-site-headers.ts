/**
 * The site's security headers on what the Service Worker answers from its cache. A cached page
 * keeps the headers its server sent; this fills in any the host left out (an older build, a host
 * configured without them), so an offline page is never less protected than an online one.
 */
import { siteHeaders } from "../build/site-headers.mjs";

/**
 * `response` with every site header it lacks (the ones it has are kept), for a request to `url`.
 *
 * @example
 * const cached = await cache.match(request);
 * if (cached) return withSiteHeaders(cached, request.url);
 */
export function withSiteHeaders(response: Response, url: string): Response {
  const missing = Object.entries(siteHeaders(new URL(url).pathname)).filter(([name]) => !response.headers.has(name));
  // Opaque and error responses cannot be rebuilt (and the site caches neither).
  if (missing.length === 0 || response.type === "opaque" || response.type === "error") return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of missing) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
