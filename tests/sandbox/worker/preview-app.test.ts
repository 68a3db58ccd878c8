import { describe, expect, it, vi } from "vitest";
import { PreviewApp } from "../../../sandbox/engines/worker/preview-app";
import type { PreviewAppOptions } from "../../../sandbox/engines/worker/preview-app";
import type { PageMessage, SerializedRequest } from "../../../sandbox/engines/worker/protocol";
import { textResponse } from "../../../sandbox/engines/worker/preview-protocol";
import { FakeChannel } from "./fake-channel";

const GET: SerializedRequest = { method: "GET", url: "http://learn.test/", headers: [] };
const text = (body: ArrayBuffer) => new TextDecoder().decode(body);

/** An app that serves, answering every request with its path (or hanging on /loop). */
function serving(message: PageMessage, channel: FakeChannel): void {
  if (message.type === "serve") channel.emit({ type: "serving" });
  if (message.type === "request" && !message.request.url.endsWith("/loop")) {
    channel.emit({ type: "response", id: message.id, response: textResponse(200, `you asked for ${new URL(message.request.url).pathname}`) });
  }
}

function app(script: (message: PageMessage, channel: FakeChannel) => void, overrides: Partial<PreviewAppOptions> = {}) {
  const workers: FakeChannel[] = [];
  const spawn = vi.fn(() => {
    const worker = new FakeChannel(script);
    workers.push(worker);
    return worker;
  });
  const preview = new PreviewApp({ spawn, files: { "app.ts": "x" }, startTimeoutMs: 100, requestTimeoutMs: 50, onOutput: () => {}, ...overrides });
  return { preview, workers, spawn };
}

describe("PreviewApp", () => {
  it("starts the app with the files and answers requests through its worker", async () => {
    const { preview, workers } = app(serving);
    await preview.start();
    expect(workers[0]!.posted[0]).toEqual({ type: "serve", files: { "app.ts": "x" }, entry: undefined });
    const response = await preview.handle({ ...GET, url: "http://learn.test/users" });
    expect(response.status).toBe(200);
    expect(text(response.body)).toBe("you asked for /users");
  });

  it("rejects start() with the app's own error", async () => {
    const { preview, workers } = app((message, channel) => message.type === "serve" && channel.emit({ type: "serve-error", message: "app.ts:3:1: Syntax error" }));
    await expect(preview.start()).rejects.toThrow("Your app could not start: app.ts:3:1: Syntax error");
    expect(workers[0]!.terminated).toBe(true);
  });

  it("rejects start() when the app never finishes loading", async () => {
    const { preview } = app(() => {});
    await expect(preview.start()).rejects.toThrow(/did not start within 0.1 s/);
  });

  it("answers 504 for a request that hangs, ends that worker, and starts a new one for the next request", async () => {
    const { preview, workers } = app(serving);
    await preview.start();
    const stuck = await preview.handle({ ...GET, url: "http://learn.test/loop" });
    expect(stuck.status).toBe(504);
    expect(text(stuck.body)).toMatch(/did not answer GET \/loop within 0.1 s/);
    expect(workers[0]!.terminated).toBe(true);
    const next = await preview.handle(GET);
    expect(next.status).toBe(200);
    expect(workers).toHaveLength(2);
  });

  it("answers 500 when the handler throws, and keeps serving", async () => {
    const { preview } = app((message, channel) => {
      if (message.type === "serve") channel.emit({ type: "serving" });
      if (message.type === "request") channel.emit({ type: "response-error", id: message.id, message: "TypeError: x is undefined" });
    });
    await preview.start();
    const response = await preview.handle(GET);
    expect(response.status).toBe(500);
    expect(text(response.body)).toContain("TypeError: x is undefined");
  });

  it("answers 500 when the app calls process.exit, naming where", async () => {
    const { preview } = app((message, channel) => {
      if (message.type === "serve") channel.emit({ type: "serving" });
      if (message.type === "request") channel.emit({ type: "event", event: { type: "exit", code: 1, at: "app.ts:9:5" } });
    });
    await preview.start();
    const response = await preview.handle(GET);
    expect(response.status).toBe(500);
    expect(text(response.body)).toMatch(/process\.exit\(1\) at app\.ts:9:5/);
  });

  it("answers 503 once stopped, without starting again", async () => {
    const { preview, spawn } = app(serving);
    await preview.start();
    preview.stop();
    expect((await preview.handle(GET)).status).toBe(503);
    expect(spawn).toHaveBeenCalledTimes(1);
  });
});
