/**
 * Caches the whole course for offline use: every page listed by /offline-manifest.json, the
 * build files each page refers to, and the sandbox payload. A file that fails is skipped (and
 * fetched at runtime), so one hiccup never blocks the rest, but then the course is not called
 * saved for offline use.
 */
import { staticAssetUrls } from "./asset-urls";
import { pageKey } from "./strategies";

/**
 * Requests at a time. The precache runs while the first page still loads its sandbox, through the
 * same server and this same worker: a few at a time, at low priority, leave room for those.
 */
const AT_ONCE = 4;

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
 * const complete = await precacheCourse(CACHE_NAME, self.location.origin);
 */
export async function precacheCourse(cacheName: string, origin: string): Promise<boolean> {
  const cache = await caches.open(cacheName);
  const manifestResponse = await fetch(`${origin}/offline-manifest.json`, { cache: "no-cache", priority: "low" });
  if (!manifestResponse.ok) return false;
  const manifest = (await manifestResponse.json()) as OfflineManifest;
  const staticUrls = new Set<string>(manifest.assets);
  const pages = await settleFew(manifest.pages, async (page) => {
    const response = await fetch(`${origin}${page}`, { cache: "no-cache", priority: "low" });
    if (!response.ok) throw new Error(`${page}: ${response.status}`);
    const html = await response.clone().text();
    for (const url of staticAssetUrls(html)) staticUrls.add(url);
    await cache.put(pageKey(`${origin}${page}`), response);
  });
  const files = await settleFew([...staticUrls], async (url) => {
    if (await cache.match(`${origin}${url}`)) return;
    const response = await fetch(`${origin}${url}`, { priority: "low" });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    await cache.put(`${origin}${url}`, response);
  });
  const complete = [...pages, ...files].every((result) => result.status === "fulfilled");
  if (complete) await cache.put(`${origin}${READY_MARKER}`, new Response("ready"));
  return complete;
}

/** Promise.allSettled over `items`, with at most AT_ONCE of `task` running at a time. */
async function settleFew<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<PromiseSettledResult<void>[]> {
  const results: PromiseSettledResult<void>[] = [];
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!).then(
        (value) => ({ status: "fulfilled", value }) as const,
        (reason: unknown) => ({ status: "rejected", reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, items.length) }, lane));
  return results;
}
