/**
 * Whether the page can reach the network right now. `navigator.onLine` alone cannot say: it is
 * only "false" when the browser knows it has no link, and some browsers (and Chromium's own
 * offline emulation in some versions) keep saying "true" while no request gets through, as behind
 * a firewall or on a dead Wi-Fi. So an "online" answer is confirmed with one small request.
 */

/** A path no server answers with a page: any HTTP answer (a 404 too) proves the network works. */
export const PROBE_PATH = "/__learn-vial-connectivity";

export interface ConnectivityOptions {
  /** How long the probe may take before the network counts as unreachable (default 3000 ms). */
  timeoutMs?: number;
  /** The fetch to probe with (tests pass a fake). */
  fetch?: typeof fetch;
  /** What the browser believes (tests pass a value); default `navigator.onLine`. */
  onLine?: boolean;
}

/**
 * Resolves to false when the browser says it is offline, or when a request to the site's own
 * server fails or does not answer in time. Never rejects.
 *
 * The probe goes to the site's origin, not to StackBlitz: the page is cross-origin isolated
 * (COEP), which turns any cross-origin answer without CORP into the same error as no network, so
 * only a same-origin request can tell the two apart. The site's Service Worker passes an unknown
 * path to the network and fails it offline, as the server being down would.
 *
 * @example
 * if (!(await reachesNetwork())) return "Using the worker engine: you are offline.";
 */
export async function reachesNetwork(options: ConnectivityOptions = {}): Promise<boolean> {
  const onLine = options.onLine ?? globalThis.navigator?.onLine;
  if (onLine === false) return false;
  const probe = options.fetch ?? globalThis.fetch;
  if (typeof probe !== "function") return true;
  try {
    // The query makes every probe a new URL, so no cache (HTTP or the Service Worker's) answers it.
    await probe(`${PROBE_PATH}?t=${Date.now()}`, {
      method: "HEAD",
      cache: "no-store",
      signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
    });
    return true;
  } catch {
    return false;
  }
}
