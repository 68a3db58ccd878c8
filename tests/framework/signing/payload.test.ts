import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BadPayload } from "../../../framework/src/signing";
import { base64UrlEncode } from "../../../framework/src/signing/base64";
import { decodePayload, encodePayload, zlibCompress, zlibDecompress } from "../../../framework/src/signing/payload";

describe("itsdangerous payload encoding", () => {
  it("leaves short JSON uncompressed", async () => {
    expect(await encodePayload('{"a":1}')).toBe("eyJhIjoxfQ");
    expect(await decodePayload("eyJhIjoxfQ")).toBe('{"a":1}');
  });

  it("compresses with a leading dot when that is shorter", async () => {
    const json = JSON.stringify("x".repeat(300));
    const payload = await encodePayload(json);
    expect(payload.startsWith(".eJ")).toBe(true); // "eJ" = base64 of the zlib header 0x78 0x9c
    expect(payload.length).toBeLessThan(json.length);
    expect(await decodePayload(payload)).toBe(json);
  });

  it("decodes zlib data written by Python (itsdangerous, salt 'activate')", async () => {
    expect(await decodePayload(".eJxTqhgFRAMlAGb5jOU")).toBe(JSON.stringify("x".repeat(300)));
  });

  it("round-trips zlib", async () => {
    const data = new TextEncoder().encode("ünïcode ".repeat(50));
    expect(await zlibDecompress(await zlibCompress(data))).toEqual(data);
  });

  it("turns every decoding failure into BadPayload", async () => {
    await expect(decodePayload("a+b")).rejects.toBeInstanceOf(BadPayload);
    await expect(decodePayload(".eJxTqhgFRAMlAGb5")).rejects.toBeInstanceOf(BadPayload); // truncated zlib
    await expect(decodePayload(".aGVsbG8")).rejects.toBeInstanceOf(BadPayload); // not zlib at all
    await expect(decodePayload(base64UrlEncode(Uint8Array.of(0xff, 0xfe)))).rejects.toThrow(/UTF-8/);
  });

  it("decodes any bytes as strict UTF-8 would, short or long, ASCII or not", async () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      fc.uint8Array({ max: 0x7f, maxLength: 600 }),
      fc.string({ unit: "grapheme", maxLength: 200 }).map((text) => new TextEncoder().encode(text)),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (input) => {
        let expected: string | undefined;
        try {
          expected = strict.decode(input);
        } catch {
          expected = undefined;
        }
        const decoded = decodePayload(base64UrlEncode(input));
        if (expected === undefined) await expect(decoded).rejects.toBeInstanceOf(BadPayload);
        else await expect(decoded).resolves.toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
