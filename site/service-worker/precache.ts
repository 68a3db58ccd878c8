/**
 * Caches the whole course for offline use: every page listed by /offline-manifest.json, the
 * build files each page refers to, and the sandbox payload. A file that fails is skipped (and
 * fetched at runtime), so one hiccup never blocks the rest, but then the course is not called
 * saved for offline use.
 */
import { staticAssetUrls } from "./asset-urls";
import { pageKey } from "./strategies";

/** Marks a cache whose precache finished, so any worker instance can tell the page. */
export const READY_MARKER = "/__learn-vial-offline-ready";

interface OfflineManifest {
  pages: string[];
  assets: string[];
}

/**
 * Fills `cacheName` with the course; resolves to whether every page and file was cached.
 *
 * @example
 * event.waitUntil(precacheCourse(CACHE_NAME, self.location.origin));
 */
export async function precacheCourse(cacheName: string, origin: string): Promise<boolean> {
  const cache = await caches.open(cacheName);
  const manifestResponse = await fetch(`${origin}/offline-manifest.json`, { cache: "no-cache" });
  if (!manifestResponse.ok) return false;
  const manifest = (await manifestResponse.json()) as OfflineManifest;
  const staticUrls = new Set<string>(manifest.assets);
  const pages = await Promise.allSettled(
    manifest.pages.map(async (page) => {
      const response = await fetch(`${origin}${page}`, { cache: "no-cache" });
      if (!response.ok) throw new Error(`${page}: ${response.status}`);
      const html = await response.clone().text();
      for (const url of staticAssetUrls(html)) staticUrls.add(url);
      await cache.put(pageKey(`${origin}${page}`), response);
    }),
  );
  const files = await Promise.allSettled(
    [...staticUrls].map(async (url) => {
      if (await cache.match(`${origin}${url}`)) return;
      const response = await fetch(`${origin}${url}`);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      await cache.put(`${origin}${url}`, response);
    }),
  );
  const complete = [...pages, ...files].every((result) => result.status === "fulfilled");
  if (complete) await cache.put(`${origin}${READY_MARKER}`, new Response("ready"));
  return complete;
}
