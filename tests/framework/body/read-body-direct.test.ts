// Bodies read directly from a deferred request (what vial/node gives Vial): the same bytes and the
// same limits as reading a stream, however the chunks arrive (already buffered, a microtask later,
// or on a later turn of the event loop).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readBody, readBodyChunks } from "../../../framework/src/body/read-body";
import type { BodyReader } from "../../../framework/src/adapter-request";
import { deferRequest } from "../../../framework/src/node/deferred-request";
import { BadRequest, ContentTooLarge } from "../../../framework/src/http-errors";
import { bytes, rejection } from "./request-helpers";

/** When a chunk becomes readable, relative to the read that asks for it. */
type Arrival = "buffered" | "microtask" | "later";
type Step = { chunk: Uint8Array; arrival: Arrival } | { fail: Error; arrival: Arrival };

function arrive<T>(arrival: Arrival, value: () => T): Promise<T> {
  if (arrival === "buffered") return Promise.resolve(value());
  if (arrival === "microtask") return Promise.resolve().then(value);
  return new Promise((resolve) => setTimeout(() => resolve(value()), 1));
}

/** A deferred POST whose body is read through `reader()`, step by step; `state` records the calls. */
function directRequest(steps: Step[], headers: Record<string, string> = {}) {
  const state = { reads: 0, cancelled: false, released: false, streamMade: false };
  const reader: BodyReader = {
    read() {
      const step = steps[state.reads++];
      if (!step) return Promise.resolve({ done: true, value: undefined });
      if ("fail" in step) {
        const { fail } = step;
        return arrive(step.arrival, () => undefined).then(() => Promise.reject(fail));
      }
      return arrive(step.arrival, () => ({ done: false as const, value: step.chunk }));
    },
    cancel() {
      state.cancelled = true;
      return Promise.resolve();
    },
    releaseLock() {
      state.released = true;
    },
  };
  const lowerCased = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const request = deferRequest({
    method: "POST",
    url: "http://localhost/upload",
    headers: () => new Headers(headers),
    header: (name) => lowerCased[name] ?? null,
    reader: () => reader,
    body: () => {
      state.streamMade = true;
      return null;
    },
    build: () => {
      throw new Error("the Request must not be built to read the body");
    },
  });
  return { request, state };
}

const arrivals = fc.constantFrom<Arrival>("buffered", "microtask", "later");
const chunks = fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 6 });

function joined(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

describe("readBody on a deferred request read directly", () => {
  it("gives every byte, in order, however the chunks arrive; no stream and no Request are made", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ chunk: fc.uint8Array({ maxLength: 40 }), arrival: arrivals }), { maxLength: 6 }), async (steps) => {
        const { request, state } = directRequest(steps);
        const body = await readBody(request, { maxContentLength: null });
        expect(body).toEqual(joined(steps.map((step) => step.chunk)));
        expect(state).toEqual({ reads: steps.length + 1, cancelled: false, released: true, streamMade: false });
        expect(request.bodyUsed).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("gives the same bytes and the same outcome as readBodyChunks, under any limit", async () => {
    await fc.assert(
      fc.asyncProperty(chunks, arrivals, fc.option(fc.nat(150), { nil: null }), async (parts, arrival, limit) => {
        const steps = parts.map((chunk) => ({ chunk, arrival }));
        const whole = await readBody(directRequest(steps).request, { maxContentLength: limit }).catch((error: unknown) => error);
        const streamed = await (async () => {
          const out: Uint8Array[] = [];
          for await (const chunk of readBodyChunks(directRequest(steps).request, { maxContentLength: limit })) out.push(chunk);
          return joined(out);
        })().catch((error: unknown) => error);
        if (whole instanceof Error) {
          expect(streamed).toBeInstanceOf(whole.constructor);
          expect((streamed as Error).message).toBe(whole.message);
        } else {
          expect(streamed).toEqual(whole);
        }
        const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
        expect(whole instanceof ContentTooLarge).toBe(limit !== null && total > limit);
      }),
      { numRuns: 80 },
    );
  });

  it("stops at the limit while the body streams in, and cancels the rest", async () => {
    const steps: Step[] = Array.from({ length: 10 }, () => ({ chunk: new Uint8Array(100), arrival: "later" as const }));
    const { request, state } = directRequest(steps);
    expect(await rejection(readBody(request, { maxContentLength: 250 }))).toBeInstanceOf(ContentTooLarge);
    expect(state.reads).toBe(3);
    expect(state.cancelled).toBe(true);
    expect(state.released).toBe(true);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const { request, state } = directRequest([{ chunk: bytes("x".repeat(50)), arrival: "buffered" }], { "Content-Length": "50" });
    expect(await rejection(readBody(request, { maxContentLength: 10 }))).toBeInstanceOf(ContentTooLarge);
    expect(state.reads).toBe(0);
  });

  it("a body that fails mid-way is a 400, and the failed reader is not cancelled", async () => {
    const steps: Step[] = [
      { chunk: bytes("ab"), arrival: "buffered" },
      { fail: new Error("socket closed"), arrival: "later" },
    ];
    const { request, state } = directRequest(steps);
    const error = await rejection(readBody(request, { maxContentLength: null }));
    expect(error).toBeInstanceOf(BadRequest);
    expect((error as Error).cause).toEqual(new Error("socket closed"));
    expect(state.cancelled).toBe(false);
    expect(state.released).toBe(true);
  });

  it("a body read once cannot be read again", async () => {
    const { request } = directRequest([{ chunk: bytes("a"), arrival: "buffered" }]);
    await readBody(request, { maxContentLength: null });
    expect(await rejection(readBody(request, { maxContentLength: null }))).toBeInstanceOf(TypeError);
  });
});
