// The JavaScript HMAC-SHA1 gives node:crypto's bytes for every key and message length,
// including the block boundaries of the padding (55/56/64 bytes) and keys longer than a block.
import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hmacSha1, prepareHmacSha1Key, sha1 } from "../../../framework/src/signing/hmac-sha1";
import { nodeSigningPrimitives } from "../../../framework/src/node/signing-primitives";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const boundaryLengths = [0, 1, 19, 20, 55, 56, 57, 63, 64, 65, 119, 120, 128, 200, 5000];

describe("sha1", () => {
  it("hashes the FIPS 180 examples", () => {
    expect(hex(sha1(new TextEncoder().encode("abc")))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(hex(sha1(new Uint8Array()))).toBe("da39a3ee5e6b4b0d3255bfef95601890afd80709");
  });

  it("agrees with node:crypto at every padding boundary", () => {
    for (const length of boundaryLengths) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 7 + length) & 0xff);
      expect(hex(sha1(bytes)), `length ${length}`).toBe(createHash("sha1").update(bytes).digest("hex"));
    }
  });
});

describe("hmacSha1", () => {
  it("gives node:crypto's HMAC for any key and message bytes", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 150 }),
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.constantFrom(...boundaryLengths).map((n) => new Uint8Array(n).fill(0x61)),
        ),
        (key, message) => {
          expect(hex(hmacSha1(prepareHmacSha1Key(key), message))).toBe(createHmac("sha1", key).update(message).digest("hex"));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("hashes text as UTF-8, as node:crypto does", () => {
    const key = prepareHmacSha1Key(new TextEncoder().encode("secret"));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 100 }), fc.string({ unit: "binary", maxLength: 100 })),
        (text) => {
          fc.pre(!LONE_SURROGATE.test(text));
          expect(hex(hmacSha1(key, text))).toBe(createHmac("sha1", "secret").update(text, "utf8").digest("hex"));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("gives the same MAC again after a longer message grew the buffer", () => {
    const key = prepareHmacSha1Key(new Uint8Array([1, 2, 3]));
    const short = hex(hmacSha1(key, "short"));
    hmacSha1(key, "x".repeat(20_000));
    expect(hex(hmacSha1(key, "short"))).toBe(short);
  });
});

describe("node signing primitives' SHA-1", () => {
  it("notices a key changed in place instead of reusing its old states", () => {
    const key = new Uint8Array(20).fill(1);
    const before = hex(nodeSigningPrimitives.hmac("SHA-1", key, "value"));
    key[19] = 2;
    expect(hex(nodeSigningPrimitives.hmac("SHA-1", key, "value"))).toBe(createHmac("sha1", key).update("value").digest("hex"));
    expect(hex(nodeSigningPrimitives.hmac("SHA-1", key, "value"))).not.toBe(before);
  });
});

describe("node signing primitives' MAC comparison", () => {
  it("is equal only for the same bytes, whichever byte differs", () => {
    const mac = Uint8Array.from({ length: 20 }, (_, i) => i * 13);
    expect(nodeSigningPrimitives.equal(mac, mac.slice())).toBe(true);
    for (let i = 0; i < mac.length; i++) {
      for (const bit of [1, 0x80]) {
        const other = mac.slice();
        other[i]! ^= bit;
        expect(nodeSigningPrimitives.equal(mac, other)).toBe(false);
      }
    }
    expect(nodeSigningPrimitives.equal(mac, mac.subarray(0, 19))).toBe(false);
  });
});
