import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFormBody } from "../../../framework/src/body/form";
import type { BodyLimits } from "../../../framework/src/body/limits";
import { HTTPError } from "../../../framework/src/http-errors";
import { bytes, chunk, encodeMultipart, streamingRequest, type TestPart } from "./request-helpers";

const BOUNDARY = "Zq8xB0undary";

const limitsArb: fc.Arbitrary<BodyLimits> = fc.record({
  maxContentLength: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: null }),
  maxFormMemorySize: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
  maxFormParts: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
});

/** Byte soup made mostly of multipart syntax, so the parser's states are all reached. */
const multipartSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        `--${BOUNDARY}`, `--${BOUNDARY}--`, `--${BOUNDARY.slice(0, 5)}`, "\r\n", "\r", "\n", "\r\n\r\n", "--", " ", "\t",
        "Content-Disposition: form-data", "; name=\"a\"", "; name=b", "; filename=\"f.txt\"", "; filename*=UTF-8''%E2%82%AC",
        "Content-Type: text/plain", ":", "\"", "=", ";", "é", "\u0000",
      ).map(bytes),
      fc.uint8Array({ maxLength: 16 }),
    ),
    { maxLength: 40 },
  )
  .map((pieces) => {
    const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const piece of pieces) {
      out.set(piece, offset);
      offset += piece.length;
    }
    return out;
  });

/** A valid body, then cut and spliced at random places: reaches every state, valid or not. */
const mutatedMultipart = fc
  .record({
    parts: fc.array(
      fc.oneof(
        fc.record({ name: fc.constantFrom("a", "b", "é"), value: fc.string({ maxLength: 20 }) }),
        fc.record({ name: fc.constantFrom("f", "g"), filename: fc.constantFrom("x.txt", ""), data: fc.uint8Array({ maxLength: 40 }) }),
      ),
      { maxLength: 5 },
    ),
    edits: fc.array(fc.record({ at: fc.nat(), remove: fc.nat(6), insert: multipartSoup }), { maxLength: 4 }),
  })
  .map(({ parts, edits }) => {
    let body = encodeMultipart(BOUNDARY, parts);
    for (const { at, remove, insert } of edits) {
      const pos = body.length === 0 ? 0 : at % body.length;
      const next = new Uint8Array(body.length - Math.min(remove, body.length - pos) + insert.length);
      next.set(body.subarray(0, pos));
      next.set(insert.subarray(0, insert.length), pos);
      next.set(body.subarray(pos + remove), pos + insert.length);
      body = next;
    }
    return body;
  });

async function settle(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error;
  }
}

describe("readFormBody properties", () => {
  it("arbitrary urlencoded bodies resolve or throw an HTTPError, nothing else", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 200 }).map(bytes)), limitsArb, fc.integer({ min: 1, max: 50 }), async (body, limits, size) => {
        const request = streamingRequest(chunk(body, size), { "content-type": "application/x-www-form-urlencoded" });
        const error = await settle(readFormBody(request, limits));
        if (error !== undefined) expect(error).toBeInstanceOf(HTTPError);
      }),
      { numRuns: 300 },
    );
  });

  it("arbitrary multipart bytes resolve or throw an HTTPError, nothing else", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(multipartSoup, mutatedMultipart, fc.uint8Array({ maxLength: 300 })), limitsArb, fc.integer({ min: 1, max: 40 }), async (body, limits, size) => {
        const request = streamingRequest(chunk(body, size), { "content-type": `multipart/form-data; boundary=${BOUNDARY}` });
        const error = await settle(readFormBody(request, limits));
        if (error !== undefined) expect(error).toBeInstanceOf(HTTPError);
      }),
      { numRuns: 500 },
    );
  });

  it("any form survives encoding and parsing, however the body is split", async () => {
    const name = fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }).filter((s) => !/["\\\r\n%]/.test(s));
    const tricky = fc.constantFrom("\r\n", "\r", "\n", "--", `\r\n--${BOUNDARY.slice(0, 6)}`, `--${BOUNDARY}x`, " ");
    const value = fc.array(fc.oneof(tricky, fc.string({ unit: "grapheme", maxLength: 10 })), { maxLength: 6 }).map((p) => p.join(""));
    const part: fc.Arbitrary<TestPart> = fc.oneof(
      fc.record({ name, value }),
      fc.record({ name, filename: name, data: fc.uint8Array({ maxLength: 200 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 6 }), fc.integer({ min: 1, max: 64 }), async (parts, size) => {
        const body = encodeMultipart(BOUNDARY, parts);
        fc.pre(parts.every((p) => !("value" in p) || !p.value.includes(`--${BOUNDARY}\r`)) && !new TextDecoder().decode(body).includes(`--${BOUNDARY}x\r`));
        const request = streamingRequest(chunk(body, size), { "content-type": `multipart/form-data; boundary=${BOUNDARY}` });
        const { form, files } = await readFormBody(request, { maxContentLength: null, maxFormMemorySize: null, maxFormParts: null });
        const fields = parts.filter((p): p is { name: string; value: string } => "value" in p).map((p) => [p.name, p.value]);
        expect([...form]).toEqual(fields);
        const uploads = parts.filter((p): p is Extract<TestPart, { data: Uint8Array }> => "data" in p);
        const parsed = [...files];
        expect(parsed.map(([n, f]) => [n, f.filename])).toEqual(uploads.map((p) => [p.name, p.filename]));
        for (let i = 0; i < uploads.length; i++) expect(await parsed[i]![1].bytes()).toEqual(uploads[i]!.data);
      }),
      { numRuns: 300 },
    );
  });
});
