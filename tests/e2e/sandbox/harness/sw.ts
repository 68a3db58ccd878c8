/**
 * The harness's Service Worker: what the site's Service Worker does for the sandbox, in short.
 * Preview requests go to the worker engine (handlePreviewFetch); everything else is fetched
 * and kept in a cache, and served from it when the network is gone, so the offline test can
 * reload the page with no server behind it.
 */
import { handlePreviewFetch } from "../../../../sandbox/engines/worker/preview-sw";
import type { PreviewFetchEvent } from "../../../../sandbox/engines/worker/preview-sw";
import { RUNNER_PATH, runnerResponse } from "../../../../sandbox/engines/worker/runner-page";

interface Scope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", listener: (event: { waitUntil(promise: Promise<unknown>): void }) => void): void;
  addEventListener(type: "fetch", listener: (event: PreviewFetchEvent) => void): void;
}

const scope = self as unknown as Scope;
const CACHE = "sandbox-harness";

scope.addEventListener("install", (event) => {
  void scope.skipWaiting();
  // The page itself was loaded before this worker existed: keep a copy now, as the site precaches.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(["/", "/harness.js"])));
});
scope.addEventListener("activate", (event) => event.waitUntil(scope.clients.claim()));

scope.addEventListener("fetch", (event) => {
  if (handlePreviewFetch(event)) return;
  const { request } = event;
  const url = new URL(request.url);
  // The runner page comes from the Service Worker's own code, with its policy, online or not.
  if (url.origin === scope.location.origin && url.pathname === RUNNER_PATH) {
    event.respondWith(runnerResponse());
    return;
  }
  if (request.method !== "GET" || url.origin !== scope.location.origin || url.pathname.startsWith("/__")) return;
  event.respondWith(networkFirst(request));
});

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}
