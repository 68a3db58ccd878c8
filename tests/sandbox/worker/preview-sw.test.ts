/**
 * The Service Worker half and the page half of the preview, wired together in Node: a fake
 * `clients.matchAll()` hands the Service Worker's messages to the page's answerPreviewMessage,
 * as the browser would through client.postMessage.
 */
import { afterEach, describe, expect, it } from "vitest";
import { answerPreviewMessage, registerPreview } from "../../../sandbox/engines/worker/preview-bridge";
import { handlePreviewFetch } from "../../../sandbox/engines/worker/preview-sw";
import type { PreviewClients } from "../../../sandbox/engines/worker/preview-sw";
import { textResponse } from "../../../sandbox/engines/worker/preview-protocol";
import type { SerializedRequest } from "../../../sandbox/engines/worker/protocol";

const ORIGIN = "http://learn.test";

/** A window running the engine (answers through the bridge) or any other window (never answers). */
const engineWindow = { postMessage: (message: unknown, transfer: Transferable[]) => answerPreviewMessage(message, transfer[0] as MessagePort) };
const silentWindow = { postMessage: () => {} };

function clients(...windows: (typeof engineWindow)[]): PreviewClients {
  return { matchAll: async () => windows };
}

function fetchEvent(url: string, init: RequestInit = {}): { event: { request: Request; respondWith(response: Response | Promise<Response>): void }; response: () => Promise<Response | undefined> } {
  let answer: Response | Promise<Response> | undefined;
  const event = { request: new Request(url, init), respondWith: (response: Response | Promise<Response>) => (answer = response) };
  return { event, response: async () => answer && (await answer) };
}

const unregister: (() => void)[] = [];
afterEach(() => unregister.splice(0).forEach((stop) => stop()));

describe("handlePreviewFetch", () => {
  it("does not take requests outside the previews", async () => {
    const { event, response } = fetchEvent(`${ORIGIN}/learn`);
    expect(handlePreviewFetch(event, { origin: ORIGIN, clients: clients(engineWindow) })).toBe(false);
    expect(await response()).toBeUndefined();
  });

  it("hands a request to the page that owns the preview and returns the app's response", async () => {
    const seen: SerializedRequest[] = [];
    unregister.push(registerPreview("p1", async (request) => {
      seen.push(request);
      return { status: 201, statusText: "Created", headers: [["content-type", "text/plain"], ["set-cookie", "a=1"], ["location", "/items/1"]], body: new TextEncoder().encode("made").buffer as ArrayBuffer };
    }));
    const { event, response } = fetchEvent(`${ORIGIN}/preview/p1/items?x=1`, { method: "POST", body: "name=tea", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(handlePreviewFetch(event, { origin: ORIGIN, clients: clients(silentWindow, engineWindow) })).toBe(true);
    const answer = (await response())!;
    expect(answer.status).toBe(201);
    expect(await answer.text()).toBe("made");
    expect(answer.headers.get("location")).toBe("/preview/p1/items/1");
    expect(answer.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", url: "/items?x=1" });
    expect(new TextDecoder().decode(seen[0]!.body)).toBe("name=tea");
    expect(seen[0]!.headers).toContainEqual(["content-type", "application/x-www-form-urlencoded"]);
  });

  it("answers 404 quickly when no page owns the preview", async () => {
    const { event, response } = fetchEvent(`${ORIGIN}/preview/gone/`);
    handlePreviewFetch(event, { origin: ORIGIN, clients: clients(engineWindow, engineWindow) });
    const answer = (await response())!;
    expect(answer.status).toBe(404);
    expect(await answer.text()).toMatch(/No app is running for preview gone/);
  });

  it("answers 404 after the acknowledgement time when only silent windows exist", async () => {
    const { event, response } = fetchEvent(`${ORIGIN}/preview/p2/`);
    handlePreviewFetch(event, { origin: ORIGIN, clients: clients(silentWindow), ackTimeoutMs: 30 });
    expect((await response())!.status).toBe(404);
  });

  it("answers 504 when the owner acknowledges but never answers", async () => {
    unregister.push(registerPreview("slow", () => new Promise(() => {})));
    const { event, response } = fetchEvent(`${ORIGIN}/preview/slow/`);
    handlePreviewFetch(event, { origin: ORIGIN, clients: clients(engineWindow), responseTimeoutMs: 30 });
    expect((await response())!.status).toBe(504);
  });

  it("redirects into the preview (307 keeps the method)", async () => {
    const { event, response } = fetchEvent(`${ORIGIN}/preview/p1`);
    handlePreviewFetch(event, { origin: ORIGIN, clients: clients() });
    const answer = (await response())!;
    expect(answer.status).toBe(307);
    expect(answer.headers.get("location")).toBe(`${ORIGIN}/preview/p1/`);
  });

  it("turns a handler's failure into a 500 that says why", async () => {
    unregister.push(registerPreview("bad", async () => {
      throw new Error("worker gone");
    }));
    const { event, response } = fetchEvent(`${ORIGIN}/preview/bad/`);
    handlePreviewFetch(event, { origin: ORIGIN, clients: clients(engineWindow) });
    const answer = (await response())!;
    expect(answer.status).toBe(500);
    expect(await answer.text()).toContain("worker gone");
  });

  it("stops answering for a preview once it is unregistered", async () => {
    const stop = registerPreview("brief", async () => textResponse(200, "hi"));
    stop();
    const { event, response } = fetchEvent(`${ORIGIN}/preview/brief/`);
    handlePreviewFetch(event, { origin: ORIGIN, clients: clients(engineWindow) });
    expect((await response())!.status).toBe(404);
  });
});
