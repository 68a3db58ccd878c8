/**
 * The worker engine runs learner code in a Worker on the site's own origin. Before that code
 * loads, take away what would let it reach past the lesson: the network (fetch, XHR, sockets),
 * the site's storage (IndexedDB, Cache Storage, cookies), other contexts (BroadcastChannel,
 * nested workers) and script loading. Properties are deleted from the scope and its prototype
 * chain, so they cannot be recovered through a prototype either. The app's fetch handler is
 * called by the host directly and needs none of them.
 */
const TAKEN_AWAY = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "EventSource",
  "WebTransport",
  "indexedDB",
  "caches",
  "cookieStore",
  "storageBuckets",
  "BroadcastChannel",
  "Worker",
  "SharedWorker",
  "importScripts",
] as const;

/**
 * Removes the names above from `scope` and every prototype it inherits from, and the storage
 * and service-worker handles from its navigator. Returns the names that are gone.
 *
 * @example
 * lockDown(globalThis); // afterwards `typeof fetch === "undefined"` for learner code
 */
export function lockDown(scope: object): string[] {
  const removed: string[] = [];
  for (const name of TAKEN_AWAY) {
    if (removeEverywhere(scope, name)) removed.push(name);
  }
  const navigator = (scope as { navigator?: object }).navigator;
  if (navigator) {
    for (const name of ["storage", "serviceWorker", "locks"]) removeEverywhere(navigator, name);
  }
  return removed;
}

function removeEverywhere(target: object, name: string): boolean {
  let found = false;
  for (let owner: object | null = target; owner; owner = Object.getPrototypeOf(owner)) {
    if (Object.prototype.hasOwnProperty.call(owner, name)) {
      found = Reflect.deleteProperty(owner, name) || found;
    }
  }
  return found && !(name in target);
}
