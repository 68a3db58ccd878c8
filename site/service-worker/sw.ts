/**
 * The site's Service Worker (built to public/sw.js by site/build/build-service-worker.mjs).
 *
 * 1. Requests for the worker engine's preview go to the engine (handlePreviewFetch), and its
 *    runner page (/sandbox/runner.html) is answered from code, with its policy.
 * 2. In a production build it keeps the site usable offline: the course is precached once this
 *    worker is active (precache-job.ts); build files are served cache-first, pages network-first
 *    with the cache as backup.
 * In `next dev` (OFFLINE false) it only serves the preview, so edits are never hidden by a cache.
 *
 * It activates and takes control at once, before anything is cached: the preview needs an active
 * worker, and the first lesson's sandbox should not wait for the whole course to download. The
 * precache runs afterwards, and the pages hear "saved for offline use" only from the ready marker
 * the precache writes when every page and file is in the cache.
 */
import { handlePreviewFetch } from "./preview";
import { RUNNER_PATH, runnerResponse } from "./runner";
import { precacheCourse, READY_MARKER } from "./precache";
import { PrecacheJob } from "./precache-job";
import { cacheFirst, networkFirst } from "./strategies";
import type { ServiceWorkerScope } from "./sw-types";

declare const __CACHE_VERSION__: string;
declare const __OFFLINE__: boolean;

const scope = self as unknown as ServiceWorkerScope;
const CACHE_NAME = `learn-vial-${__CACHE_VERSION__}`;
const ORIGIN = scope.location.origin;
const precache = new PrecacheJob(async () => {
  const complete = (await isReady()) || (await precacheCourse(CACHE_NAME, ORIGIN));
  // An earlier build's copy answers offline requests until this one is complete (strategies.ts).
  if (complete) {
    for (const name of await caches.keys()) {
      if (name.startsWith("learn-vial-") && name !== CACHE_NAME) await caches.delete(name);
    }
  }
  return complete;
});

scope.addEventListener("install", () => {
  void scope.skipWaiting();
});

scope.addEventListener("activate", (event) => {
  // Only the claim is waited for: a page sees this worker active, and controlling it, at once.
  event.waitUntil(scope.clients.claim());
});

scope.addEventListener("message", (event) => {
  const data = event.data as { type?: string } | null;
  if (data?.type !== "learn-vial:offline-status" || !__OFFLINE__) return;
  // Every page asks once this worker is active: the first ask starts the precache (or resumes it
  // after the browser stopped this worker), later ones wait for the same run. waitUntil keeps the
  // worker alive until it has finished.
  event.waitUntil(
    precache.complete().then(async (ready) => {
      if (!ready) return;
      // Announced only once this worker is activated, so it controls the pages: a reload before
      // that would still go to the network.
      await activated();
      await announceReady();
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
  const keep = (promise: Promise<unknown>) => event.waitUntil(promise.catch(() => undefined));
  const url = new URL(request.url);
  if (url.origin !== ORIGIN || url.pathname === "/sw.js") return;
  // React Server Components data for client navigations: never from the cache (it depends on
  // request headers). When it fails offline, Next.js falls back to a full page load, which the
  // cache answers.
  if (request.headers.get("RSC") === "1" || url.searchParams.has("_rsc")) return;
  if (url.pathname.startsWith("/_next/static/") || isPayloadAsset(url.pathname)) {
    event.respondWith(cacheFirst(CACHE_NAME, request, keep));
    return;
  }
  event.respondWith(networkFirst(CACHE_NAME, request, keep));
});

/** The payload bundles (PAYLOAD_ASSET_BASE in sandbox/engines/browser-assets.ts). */
function isPayloadAsset(pathname: string): boolean {
  return pathname.startsWith("/sandbox/");
}

/** Whether this build's precache finished (its marker is written last), in this or an earlier run of the worker. */
async function isReady(): Promise<boolean> {
  const cache = await caches.open(CACHE_NAME);
  return Boolean(await cache.match(`${ORIGIN}${READY_MARKER}`));
}

/** Resolves once the active worker (this one: the pages message the active worker) is activated. */
function activated(): Promise<void> {
  const active = scope.registration.active;
  if (!active || active.state !== "activating") return Promise.resolve();
  return new Promise((resolve) => active.addEventListener("statechange", () => resolve(), { once: true }));
}

async function announceReady(): Promise<void> {
  for (const client of await scope.clients.matchAll({ includeUncontrolled: true, type: "window" })) {
    client.postMessage({ type: "learn-vial:offline-ready" });
  }
}
