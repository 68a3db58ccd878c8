/**
 * The Service Worker half of the worker engine's preview. The site's own Service Worker imports
 * {@link handlePreviewFetch} and calls it first in its `fetch` listener:
 *
 *   self.addEventListener("fetch", (event) => {
 *     if (handlePreviewFetch(event)) return;
 *     // …the site's own caching
 *   });
 *
 * It keeps no state (a Service Worker may be stopped between requests): each request is posted
 * to every window of the origin, and the page whose worker sandbox owns the preview answers.
 */
import { DEFAULT_PREVIEW_PREFIX, PREVIEW_REQUEST, previewResponseParts, previewTarget } from "./preview-protocol";
import type { PreviewReply, PreviewRequestMessage } from "./preview-protocol";
import type { SerializedResponse } from "./protocol";

/** The part of a FetchEvent this uses (the repository's tsconfig has DOM types, not WebWorker). */
export interface PreviewFetchEvent {
  request: Request;
  respondWith(response: Response | Promise<Response>): void;
}

/** The part of `self.clients` this uses. */
export interface PreviewClients {
  matchAll(options: { type: "window"; includeUncontrolled: boolean }): Promise<readonly { postMessage(message: unknown, transfer: Transferable[]): void }[]>;
}

export interface PreviewFetchOptions {
  /** Where previews live (default "/preview/"); must match the engine's `previewPrefix`. */
  prefix?: string;
  /** Default: the Service Worker's own `self.clients` and `self.location.origin`. */
  clients?: PreviewClients;
  origin?: string;
  /** How long a window may take to say it owns the preview (default 3000 ms). */
  ackTimeoutMs?: number;
  /** How long the owning page may take to answer (default 60 000 ms; the engine times out apps sooner). */
  responseTimeoutMs?: number;
}

/**
 * Answers requests under `/preview/<id>/` from the worker engine running the learner's app;
 * returns true when it took the request (it called `event.respondWith`), false otherwise.
 *
 * @example
 * self.addEventListener("fetch", (event) => {
 *   if (handlePreviewFetch(event)) return;
 * });
 */
export function handlePreviewFetch(event: PreviewFetchEvent, options: PreviewFetchOptions = {}): boolean {
  const scope = globalThis as unknown as { location: { origin: string }; clients: PreviewClients };
  const origin = options.origin ?? scope.location.origin;
  const prefix = options.prefix ?? DEFAULT_PREVIEW_PREFIX;
  const { request } = event;
  const target = previewTarget(request.url, request.referrer, origin, prefix);
  if (!target) return false;
  if (target.kind === "redirect") {
    event.respondWith(Response.redirect(target.url, 307));
    return true;
  }
  const previewRoot = `${prefix}${target.previewId}`;
  event.respondWith(
    forward(request, target.previewId, target.path, options.clients ?? scope.clients, options).then((answer) => {
      if (!answer) return notRunning(target.previewId);
      const { body, init } = previewResponseParts(answer, { origin, previewRoot, method: request.method });
      return new Response(body, init);
    }, (error: unknown) => plain(502, `The preview could not reach your app: ${error instanceof Error ? error.message : String(error)}`)),
  );
  return true;
}

async function forward(request: Request, previewId: string, path: string, clients: PreviewClients, options: PreviewFetchOptions): Promise<SerializedResponse | undefined> {
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const message: PreviewRequestMessage = {
    type: PREVIEW_REQUEST,
    previewId,
    request: { method: request.method, url: path, headers: [...request.headers], ...(hasBody ? { body: await request.arrayBuffer() } : {}) },
  };
  const windows = await clients.matchAll({ type: "window", includeUncontrolled: true });
  return askWindows(windows, message, options.ackTimeoutMs ?? 3000, options.responseTimeoutMs ?? 60_000);
}

/** Asks every window; the first that acknowledges owns the request. Undefined when none does. */
function askWindows(
  windows: readonly { postMessage(message: unknown, transfer: Transferable[]): void }[],
  message: PreviewRequestMessage,
  ackTimeoutMs: number,
  responseTimeoutMs: number,
): Promise<SerializedResponse | undefined> {
  return new Promise((resolve) => {
    let declined = 0;
    let owner: MessagePort | undefined;
    const ports: MessagePort[] = [];
    const finish = (answer: SerializedResponse | undefined) => {
      clearTimeout(timer);
      for (const port of ports) port.close();
      resolve(answer);
    };
    let timer = setTimeout(() => finish(undefined), ackTimeoutMs);
    if (windows.length === 0) finish(undefined);
    for (const client of windows) {
      const channel = new MessageChannel();
      ports.push(channel.port1);
      channel.port1.onmessage = (event: MessageEvent<PreviewReply>) => {
        const reply = event.data;
        if (reply?.type === "not-mine" && ++declined === windows.length) finish(undefined);
        if (reply?.type === "ack" && !owner) {
          owner = channel.port1;
          clearTimeout(timer);
          timer = setTimeout(() => finish(textTimeout(responseTimeoutMs)), responseTimeoutMs);
        }
        if (reply?.type === "response" && channel.port1 === owner) finish(reply.response);
      };
      try {
        client.postMessage(message, [channel.port2]);
      } catch {
        if (++declined === windows.length) finish(undefined);
      }
    }
  });
}

function textTimeout(ms: number): SerializedResponse {
  const body = new TextEncoder().encode(`The preview did not answer within ${Math.round(ms / 1000)} s.`).buffer as ArrayBuffer;
  return { status: 504, statusText: "", headers: [["content-type", "text/plain; charset=utf-8"]], body };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cross-origin-embedder-policy": "require-corp", "cross-origin-resource-policy": "same-origin" } });
}

function notRunning(previewId: string): Response {
  return plain(404, `No app is running for preview ${previewId}. It stops when its lesson page is closed or reloaded: run the app again from the lesson page.`);
}
