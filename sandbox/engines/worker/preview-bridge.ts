/**
 * The page half of the worker engine's preview: listens for the Service Worker's preview
 * requests (see preview-sw.ts) and hands each to the sandbox that registered its preview id.
 * One listener per page, however many sandboxes it runs.
 */
import { isPreviewRequestMessage, textResponse } from "./preview-protocol";
import type { PreviewReply } from "./preview-protocol";
import type { SerializedRequest, SerializedResponse } from "./protocol";

/** Answers one preview request; the request's URL is relative to the preview's root. */
export type PreviewHandler = (request: SerializedRequest) => Promise<SerializedResponse>;

const previews = new Map<string, PreviewHandler>();
let listening = false;

function reply(port: MessagePort, message: PreviewReply): void {
  const transfer = message.type === "response" ? [message.response.body] : [];
  port.postMessage(message, transfer);
}

/**
 * Answers one message from the Service Worker (exported for tests; the page calls it through
 * its `navigator.serviceWorker` listener).
 *
 * @example
 * navigator.serviceWorker.addEventListener("message", (event) => answerPreviewMessage(event.data, event.ports[0]));
 */
export function answerPreviewMessage(data: unknown, port: MessagePort | undefined): void {
  if (!isPreviewRequestMessage(data) || !port) return;
  const handler = previews.get(data.previewId);
  if (!handler) {
    reply(port, { type: "not-mine" });
    return;
  }
  reply(port, { type: "ack" });
  handler(data.request).then(
    (response) => reply(port, { type: "response", response }),
    (error: unknown) => reply(port, { type: "response", response: textResponse(500, `The preview failed: ${error instanceof Error ? error.message : String(error)}`) }),
  );
}

function listen(): void {
  if (listening) return;
  const container = globalThis.navigator?.serviceWorker;
  if (!container) return;
  listening = true;
  container.addEventListener("message", (event) => answerPreviewMessage(event.data, event.ports[0]));
  // Messages from the Service Worker wait in a queue until the page says it is listening.
  container.startMessages();
}

/**
 * Makes this page answer the Service Worker's requests for preview `id`; returns the function
 * that stops it.
 *
 * @example
 * const unregister = registerPreview("a1b2", (request) => app.handle(request));
 */
export function registerPreview(id: string, handler: PreviewHandler): () => void {
  listen();
  previews.set(id, handler);
  return () => {
    if (previews.get(id) === handler) previews.delete(id);
  };
}

/**
 * Waits until a Service Worker controls previews under `scopeUrl`, or fails with a reason the
 * learner can act on. Without one, `/preview/<id>/` would reach the web server, not the app.
 *
 * @example
 * await previewServiceWorkerReady(new URL("/preview/", location.href).href, 5000);
 */
export async function previewServiceWorkerReady(scopeUrl: string, timeoutMs: number): Promise<void> {
  const container = globalThis.navigator?.serviceWorker;
  if (!container) throw new Error("The preview needs a Service Worker, which this browser does not offer here (a private window, or a page not served over HTTPS).");
  const registration = await container.getRegistration(scopeUrl);
  if (registration?.active) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  const ready = container.ready.then(async () => (await container.getRegistration(scopeUrl))?.active ? "ready" as const : "other" as const);
  const result = await Promise.race([ready, timeout]).finally(() => clearTimeout(timer));
  if (result !== "ready") throw new Error("The preview needs the site's Service Worker, which is not running yet. Reload the page and try again.");
}
