import { describe, expect, it } from "vitest";
import { readBody, readBodyChunks } from "../../../framework/src/body/read-body";
import { BadRequest, ContentTooLarge, HTTPError } from "../../../framework/src/http-errors";
import { bytes, endlessRequest, postRequest, rejection, streamingRequest } from "./request-helpers";

describe("readBody", () => {
  it("reads a body as bytes", async () => {
    expect(await readBody(postRequest("hello"), { maxContentLength: null })).toEqual(bytes("hello"));
  });

  it("reads a chunked stream without Content-Length", async () => {
    const request = streamingRequest([bytes("ab"), bytes("cd"), bytes("e")]);
    expect(request.headers.get("content-length")).toBeNull();
    expect(await readBody(request, { maxContentLength: 5 })).toEqual(bytes("abcde"));
  });

  it("gives an empty array when there is no body", async () => {
    const result = await readBody(new Request("http://localhost/"), { maxContentLength: 10 });
    expect(result).toBeInstanceOf(Uint8Array);
    expect(result.length).toBe(0);
  });

  it("accepts a body exactly at the limit", async () => {
    expect((await readBody(postRequest("x".repeat(10)), { maxContentLength: 10 })).length).toBe(10);
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    const { request, state } = endlessRequest(() => bytes("x"), { "content-length": "100" });
    const error = await rejection(readBody(request, { maxContentLength: 10 }));
    expect(error).toBeInstanceOf(ContentTooLarge);
    expect((error as HTTPError).status).toBe(413);
    expect(state.pulls).toBe(0);
  });

  it("stops a chunked body as soon as it passes the limit, and cancels the stream", async () => {
    // The body never ends: reading it all would hang, so this only passes if reading stops early.
    const { request, state } = endlessRequest(() => new Uint8Array(1024));
    const error = await rejection(readBody(request, { maxContentLength: 10_000 }));
    expect(error).toBeInstanceOf(ContentTooLarge);
    expect(state.cancelled).toBe(true);
    expect(state.pulls).toBeLessThanOrEqual(11);
  });

  it("counts bytes even when Content-Length understates the body", async () => {
    const { request, state } = endlessRequest(() => new Uint8Array(100), { "content-length": "5" });
    expect(await rejection(readBody(request, { maxContentLength: 1000 }))).toBeInstanceOf(ContentTooLarge);
    expect(state.cancelled).toBe(true);
  });

  it("no limit reads everything", async () => {
    const request = streamingRequest(Array.from({ length: 100 }, () => new Uint8Array(1000)));
    expect((await readBody(request, { maxContentLength: null })).length).toBe(100_000);
  });

  it("a body already read is a clear error", async () => {
    const request = postRequest("hello");
    await request.text();
    const error = await rejection(readBody(request, { maxContentLength: null }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/already been read/);
    const twice = postRequest("x");
    await readBody(twice, { maxContentLength: null });
    expect(await rejection(readBody(twice, { maxContentLength: null }))).toBeInstanceOf(TypeError);
  });

  it("a body stream that fails (client gone) is a 400", async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) controller.error(new Error("socket hang up"));
        else controller.enqueue(bytes("part"));
        sent = true;
      },
    });
    const request = new Request("http://localhost/", { method: "POST", body, duplex: "half" } as RequestInit);
    const error = await rejection(readBody(request, { maxContentLength: null }));
    expect(error).toBeInstanceOf(BadRequest);
  });

  it("readBodyChunks cancels the stream when the consumer stops early", async () => {
    const { request, state } = endlessRequest(() => bytes("chunk"));
    for await (const chunk of readBodyChunks(request, { maxContentLength: null })) {
      expect(chunk).toEqual(bytes("chunk"));
      break;
    }
    expect(state.cancelled).toBe(true);
  });
});
