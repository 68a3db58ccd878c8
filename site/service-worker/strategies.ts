/**
 * How the site's Service Worker answers requests: build files from the cache first (their names
 * change with their contents), pages from the network first with the cache as the offline copy.
 * Whatever comes from the cache carries the site's security headers (with-site-headers.ts).
 * A copy is stored while the response streams to the page (`keep` is the event's waitUntil), so
 * the page never waits for the cache write.
 */
import { siteHeaders } from "../build/site-headers.mjs";
import { withSiteHeaders } from "./with-site-headers";


/**
 * Answers from the cache, else fetches and keeps a copy (offline, an earlier build's copy will do).
 *
 * @example
 * event.respondWith(cacheFirst(cacheName, event.request, (promise) => event.waitUntil(promise)));
 */
export async function cacheFirst(cacheName: string, request: Request, keep: (promise: Promise<unknown>) => void): Promise<Response> {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return withSiteHeaders(cached, request.url);
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    // Offline while this build's copy is still being made: an earlier build's copy, if one is left.
    const older = await caches.match(request, { ignoreSearch: true });
    if (older) return withSiteHeaders(older, request.url);
    throw error;
  }
  if (response.ok && response.type === "basic") keep(cache.put(request, response.clone()));
  return response;
}

/**
 * Fetches and keeps a copy; when the network fails, answers from the cache (matched by path,
 * ignoring the query string; an earlier build's cache while this one's is being made), else with
 * an offline page.
 *
 * @example
 * event.respondWith(networkFirst(cacheName, event.request, (promise) => event.waitUntil(promise)));
 */
export async function networkFirst(cacheName: string, request: Request, keep: (promise: Promise<unknown>) => void): Promise<Response> {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") keep(cache.put(pageKey(request.url), response.clone()));
    return response;
  } catch (error) {
    // This build's copy, else (while it is still being made) an earlier build's.
    const cached = (await cache.match(pageKey(request.url))) ?? (await cache.match(request, { ignoreSearch: true })) ?? (await caches.match(pageKey(request.url)));
    if (cached) return withSiteHeaders(cached, request.url);
    if (request.mode === "navigate") return offlinePage(request.url);
    throw error;
  }
}

/**
 * The cache key of a page: its URL without query or fragment.
 *
 * @example
 * pageKey("https://x.test/learn?a=1#b"); // "https://x.test/learn"
 */
export function pageKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

function offlinePage(url: string): Response {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Offline · Learn Vial</title><main style="font-family:system-ui;max-width:36rem;margin:3rem auto;padding:0 1rem"><h1>You are offline</h1><p>This page was not saved for offline use yet. Open it once while online and it will be available offline afterwards.</p><p><a href="/learn">Back to the outline</a></p></main></html>`;
  return new Response(html, {
    status: 503,
    headers: { ...siteHeaders(new URL(url).pathname), "Content-Type": "text/html; charset=utf-8" },
  });
}
