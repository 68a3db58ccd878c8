/**
 * The runner page: the tiny document the worker engine's Workers are started from. The page
 * embeds it as a hidden iframe, and it is served with the policy below, whose `sandbox`
 * directive gives it an opaque origin. Every Worker it starts (from a `blob:` URL, which
 * inherits the creating document's policy and origin) therefore runs:
 *
 * - in an opaque origin: IndexedDB, Cache Storage, OPFS, `webkitRequestFileSystem`, cookies and
 *   the site's Service Worker are out of reach (they throw SecurityError or are absent);
 * - under `default-src 'none'`: no fetch/XHR/WebSocket/EventSource, no `import()` or
 *   `importScripts` of anything but `blob:` URLs, no fonts (`FontFace.load()`), no nested
 *   Workers from the network, whatever globals learner code finds or restores.
 *
 * Why these choices (measured in Chromium 156):
 * - The sandbox comes from the header, not from an iframe `sandbox` attribute: Chromium sends a
 *   sandboxed iframe's navigation past the Service Worker, so the runner would not load offline.
 *   The script refuses to start Workers if it finds itself on a real origin (header missing).
 * - The script is inline, allowed by its hash: an opaque-origin document's own subresource
 *   requests bypass the Service Worker too.
 * - A served document rather than `srcdoc`: a srcdoc frame inherits the site's own policy, which
 *   would then have to allow `'unsafe-eval'` and `blob:` scripts for the whole site.
 *
 * It is the only code in the runner; learner code runs in the Workers, never in this document.
 * Shared by every server that serves it (app/sandbox/runner.html, the static server, the e2e
 * harness) and by the Service Workers, which answer it from this module's copy.
 */

/** Where the site serves the runner page. */
export const RUNNER_PATH = "/sandbox/runner.html";

/**
 * The runner's script. Messages from anything but its parent (the page that embedded it) are
 * ignored. It keeps no reference to the private ports it passes on to the Workers.
 *
 * Parent → runner: `{ type: "bundles", bundles: { host, vial, sucrase, runtime, zod } }` (Blobs),
 * `{ type: "spawn", id, name, outputLimit }` with the Worker's private port transferred,
 * `{ type: "terminate", id }`.
 * Runner → parent: `{ type: "vial-runner-ready" }`, `{ type: "crash", id, message }`,
 * `{ type: "untrusted", id }` (the Worker posted on itself rather than on its private port).
 *
 * Workers of an opaque origin are not secure contexts, so they have no `crypto.subtle`, which
 * sessions and signing need. The runner (a secure context) lends its own over a second port:
 * Runner ↔ Worker `{ id, method, args }` → `{ id, value }` or `{ id, error: { name, message } }`,
 * keys staying here and crossing as `{ vialKey, type, extractable, algorithm, usages }`
 * (host/subtle-proxy.ts is the Worker's side). It is computation only.
 */
export const RUNNER_SCRIPT = `"use strict";
const urls = {};
const workers = new Map();
const up = (message) => parent.postMessage(message, "*");
const SUBTLE = new Set(["encrypt", "decrypt", "sign", "verify", "digest", "generateKey", "deriveKey", "deriveBits", "importKey", "exportKey", "wrapKey", "unwrapKey"]);
function lendSubtle(port) {
  const keys = new Map();
  const out = (value) => {
    if (value instanceof CryptoKey) {
      keys.set(keys.size + 1, value);
      return { vialKey: keys.size, type: value.type, extractable: value.extractable, algorithm: value.algorithm, usages: value.usages };
    }
    if (value && value.publicKey instanceof CryptoKey) return { publicKey: out(value.publicKey), privateKey: out(value.privateKey) };
    return value;
  };
  const key = (value) => (value && typeof value === "object" && typeof value.vialKey === "number" ? keys.get(value.vialKey) : value);
  const arg = (value) => (value && typeof value === "object" && value.public ? { ...value, public: key(value.public) } : key(value));
  port.onmessage = async ({ data }) => {
    try {
      if (!SUBTLE.has(data.method)) throw new TypeError("crypto.subtle has no method " + data.method);
      port.postMessage({ id: data.id, value: out(await crypto.subtle[data.method](...data.args.map(arg))) });
    } catch (error) {
      port.postMessage({ id: data.id, error: { name: String(error && error.name), message: String(error && error.message) } });
    }
  };
}
addEventListener("message", (event) => {
  const data = event.data;
  if (event.source !== parent || typeof data !== "object" || data === null) return;
  if (data.type === "bundles") {
    for (const [name, blob] of Object.entries(data.bundles)) urls[name] = URL.createObjectURL(blob);
  } else if (data.type === "spawn" && event.ports[0]) {
    const worker = new Worker(urls.host, { name: String(data.name) });
    worker.onerror = (error) => {
      error.preventDefault();
      up({ type: "crash", id: data.id, message: String(error.message || "") });
    };
    worker.onmessage = () => up({ type: "untrusted", id: data.id });
    const modules = { vial: urls.vial, sucrase: urls.sucrase, runtime: urls.runtime, zod: urls.zod };
    const subtle = new MessageChannel();
    lendSubtle(subtle.port1);
    worker.postMessage({ type: "vial-worker-init", modules, outputLimit: data.outputLimit }, [event.ports[0], subtle.port2]);
    workers.set(data.id, { worker, subtle: subtle.port1 });
  } else if (data.type === "terminate") {
    const started = workers.get(data.id);
    started?.worker.terminate();
    started?.subtle.close();
    workers.delete(data.id);
  }
});
up({ type: "vial-runner-ready" });
`;

/** sha256 of {@link RUNNER_SCRIPT}, base64 (tests/sandbox/worker/runner-page.test.ts keeps it true). */
export const RUNNER_SCRIPT_HASH = "sha256-6V9h/wJ7he0xMTSpdvaB9+acnCZ3RVU9ysGT7u8+fRs=";

/**
 * The runner's Content-Security-Policy, which its Workers inherit: an opaque origin (`sandbox`
 * without allow-same-origin), nothing from the network, and only what the loader needs: the
 * bundles and the Worker script as `blob:` URLs, and `'unsafe-eval'` for the module loader's
 * indirect eval.
 */
export const RUNNER_POLICY = [
  "sandbox allow-scripts",
  "default-src 'none'",
  `script-src '${RUNNER_SCRIPT_HASH}' blob: 'unsafe-eval'`,
  "worker-src blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** Every header the runner page is served with (it is embedded by the cross-origin isolated site). */
export const RUNNER_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": RUNNER_POLICY,
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-cache",
};

/** The runner page's HTML. */
export const RUNNER_HTML = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Vial sandbox runner</title>
<script>${RUNNER_SCRIPT}</script>
</html>
`;

/**
 * The runner page as a Response, for a Service Worker (which cannot read the repository).
 *
 * @example
 * if (new URL(request.url).pathname === RUNNER_PATH) event.respondWith(runnerResponse());
 */
export function runnerResponse(): Response {
  return new Response(RUNNER_HTML, { headers: { ...RUNNER_HEADERS } });
}
