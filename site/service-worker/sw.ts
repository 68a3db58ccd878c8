/**
 * The site's Service Worker (built to public/sw.js by site/build/build-service-worker.mjs).
 *
 * 1. Requests for the worker engine's preview go to the engine (handlePreviewFetch), and its
 *    runner page (/sandbox/runner.html) is answered from code, with its policy.
 * 2. In a production build it keeps the site usable offline: the course is precached on
 *    install; build files are served cache-first, pages network-first with the cache as backup.
 * In `next dev` (OFFLINE false) it only serves the preview, so edits are never hidden by a cache.
 */
import { handlePreviewFetch } from "./preview";
import { RUNNER_PATH, runnerResponse } from "./runner";
import { precacheCourse, READY_MARKER } from "./precache";
import { cacheFirst, networkFirst } from "./strategies";
import type { ServiceWorkerScope } from "./sw-types";

declare const __CACHE_VERSION__: string;
declare const __OFFLINE__: boolean;

const scope = self as unknown as ServiceWorkerScope;
const CACHE_NAME = `learn-vial-${__CACHE_VERSION__}`;
const ORIGIN = scope.location.origin;

scope.addEventListener("install", (event) => {
  void scope.skipWaiting();
  // Activation waits for the precache; the pages hear "ready" only once this worker controls
  // them (below), since a reload before that would still go to the network.
  if (__OFFLINE__) event.waitUntil(precacheCourse(CACHE_NAME, ORIGIN).catch(() => false));
});

scope.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("learn-vial-") && name !== CACHE_NAME) await caches.delete(name);
      }
      await scope.clients.claim();
      if (__OFFLINE__ && (await isReady())) await announceReady();
    })(),
  );
});

scope.addEventListener("message", (event) => {
  const data = event.data as { type?: string } | null;
  if (data?.type !== "learn-vial:offline-status" || !__OFFLINE__) return;
  // Until this worker is activated (and controls the pages) a reload would not reach its cache;
  // activation announces it then.
  if (scope.registration.active?.state !== "activated") return;
  event.waitUntil(
    isReady().then((ready) => {
      if (ready) event.source?.postMessage({ type: "learn-vial:offline-ready" });
    }),
  );
});

scope.addEventListener("fetch", (event) => {
  if (handlePreviewFetch(event)) return;
  // The worker engine's runner page, with the policy its Workers inherit, from this worker's own
  // code: offline, and even if a static host forgot the header.
  if (event.request.method === "GET" && event.request.url.split(/[?#]/)[0] === `${ORIGIN}${RUNNER_PATH}`) {
    event.respondWith(runnerResponse());
    return;
  }
  if (!__OFFLINE__) return;
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== ORIGIN || url.pathname === "/sw.js") return;
  // React Server Components data for client navigations: never from the cache (it depends on
  // request headers). When it fails offline, Next.js falls back to a full page load, which the
  // cache answers.
  if (request.headers.get("RSC") === "1" || url.searchParams.has("_rsc")) return;
  if (url.pathname.startsWith("/_next/static/") || isPayloadAsset(url.pathname)) {
    event.respondWith(cacheFirst(CACHE_NAME, request));
    return;
  }
  event.respondWith(networkFirst(CACHE_NAME, request));
});

/** The payload bundles (PAYLOAD_ASSET_BASE in sandbox/engines/browser-assets.ts). */
function isPayloadAsset(pathname: string): boolean {
  return pathname.startsWith("/sandbox/");
}

async function isReady(): Promise<boolean> {
  const cache = await caches.open(CACHE_NAME);
  return Boolean(await cache.match(`${ORIGIN}${READY_MARKER}`));
}

async function announceReady(): Promise<void> {
  for (const client of await scope.clients.matchAll({ includeUncontrolled: true, type: "window" })) {
    client.postMessage({ type: "learn-vial:offline-ready" });
  }
}
