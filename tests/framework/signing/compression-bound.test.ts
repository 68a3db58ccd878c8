// compressionCanWin: skipping zlib for payloads it cannot shorten by 2 bytes never changes what
// itsdangerous would write.
import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compressionCanWin, encodePayload } from "../../../framework/src/signing/payload";

const encode = (text: string) => new TextEncoder().encode(text);

describe("compressionCanWin", () => {
  it("is false for payloads too short to compress, true from where zlib might win", () => {
    expect(compressionCanWin(encode(""))).toBe(false);
    expect(compressionCanWin(encode('{"count":2}'))).toBe(false);
    expect(compressionCanWin(encode("a".repeat(14)))).toBe(true);
    expect(compressionCanWin(encode(JSON.stringify({ user_id: 42, csrf: "0123456789abcdef" })))).toBe(true);
  });

  it("never says false where zlib would have won", () => {
    // Short inputs over small alphabets are where compression can win with few bytes.
    const alphabet = fc.constantFrom(..."ab{}\":,0123456789xyz \u00e9".split(""));
    const short = fc.oneof(
      fc.array(alphabet, { maxLength: 24 }).map((chars) => chars.join("")),
      fc.tuple(fc.string({ maxLength: 3 }), fc.integer({ min: 1, max: 12 })).map(([unit, times]) => unit.repeat(times)),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(short, (text) => {
        const bytes = encode(text);
        if (!compressionCanWin(bytes)) expect(deflateSync(bytes).length).toBeGreaterThanOrEqual(bytes.length - 1);
      }),
      { numRuns: 5000 },
    );
  });

  it("leaves the payload as itsdangerous writes it", async () => {
    expect(await encodePayload('{"count":2}')).toBe("eyJjb3VudCI6Mn0");
    expect((await encodePayload(JSON.stringify("x".repeat(200)))).startsWith(".")).toBe(true);
  });
});
