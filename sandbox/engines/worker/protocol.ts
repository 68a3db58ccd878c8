/**
 * Messages between the page and a sandbox Web Worker (the payload's `worker-host.mjs`).
 *
 * The runner frame (runner-page.ts) starts the worker and sends it one {@link InitMessage} on the
 * worker itself with the page's private MessagePort; everything after that goes between the page
 * and the worker over that port. The port lives in a closure of
 * the host, out of reach of the learner's code, so a message the learner posts with
 * `self.postMessage` arrives on the worker object instead, where the page ignores it: the
 * private port plays the part of the node engine's per-run nonce.
 */
import type { HostEvent } from "../../payload/protocol";

/** Where the worker imports the payload's bundles from (the runner's blob: URLs of the payload's bundles). */
export interface HostModuleUrls {
  vial: string;
  sucrase: string;
  runtime: string;
  zod: string;
}

/** A request handed to the learner's app: its URL is absolute, as the app should see it. */
export interface SerializedRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body?: ArrayBuffer;
}

/** The app's answer, with every header (each `Set-Cookie` separately) and the whole body. */
export interface SerializedResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer;
}

/** First message, posted on the worker by the runner with the private port transferred alongside. */
export interface InitMessage {
  type: "vial-worker-init";
  modules: HostModuleUrls;
  /** Output beyond this many characters stops the run (the worker tells the page, which ends it). */
  outputLimit: number;
}

/** Page → worker, over the private port. */
export type PageMessage =
  | { type: "check"; files: Record<string, string>; entry?: string; checkTimeoutMs: number; budgetMs: number }
  | { type: "serve"; files: Record<string, string>; entry?: string }
  | { type: "request"; id: number; request: SerializedRequest };

/** Worker → page, over the private port. */
export type HostMessage =
  | { type: "ready" }
  | { type: "init-error"; message: string }
  | { type: "output"; text: string }
  | { type: "output-exceeded" }
  | { type: "event"; event: HostEvent }
  | { type: "report"; report: unknown }
  | { type: "serving" }
  | { type: "serve-error"; message: string }
  | { type: "response"; id: number; response: SerializedResponse }
  | { type: "response-error"; id: number; message: string };

const HOST_MESSAGE_TYPES = new Set<string>([
  "ready", "init-error", "output", "output-exceeded", "event", "report", "serving", "serve-error", "response", "response-error",
]);

/**
 * True for a message shaped like a {@link HostMessage} (the page checks before trusting a type).
 *
 * @example
 * port.onmessage = (event) => isHostMessage(event.data) && handle(event.data);
 */
export function isHostMessage(value: unknown): value is HostMessage {
  return typeof value === "object" && value !== null && HOST_MESSAGE_TYPES.has((value as { type?: unknown }).type as string);
}

/**
 * The payload files a run reads: the learner's files and `.vial/checks.ts`, without the bundles
 * (which the worker imports from their URLs instead).
 *
 * @example
 * runFiles({ "app.ts": "…", ".vial/vial.mjs": "…", ".vial/checks.ts": "…" })
 * // { "app.ts": "…", ".vial/checks.ts": "…" }
 */
export function runFiles(tree: Record<string, string | Uint8Array>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, contents] of Object.entries(tree)) {
    if (path.endsWith(".mjs") && path.startsWith(".vial/")) continue;
    files[path] = typeof contents === "string" ? contents : new TextDecoder().decode(contents);
  }
  return files;
}
