// node:crypto and node:zlib for signing give exactly the bytes Web Crypto and CompressionStream
// give, so tokens and session cookies do not depend on which one signed them.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { sessionSerializer, Signer, URLSafeTimedSerializer } from "vial/signing";
import { nodeSigningPrimitives } from "../../../framework/src/node/signing-primitives";
import type { Digest } from "../../../framework/src/signing/keys";
import { zlibCompress } from "../../../framework/src/signing/payload";
import { signingPrimitives, useSigningPrimitives } from "../../../framework/src/signing/primitives";

const registered = signingPrimitives();
afterAll(() => useSigningPrimitives(registered));

async function webHmac(digest: Digest, key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const imported = await crypto.subtle.importKey("raw", new Uint8Array(key.length ? key : new Uint8Array(1)), { name: "HMAC", hash: digest }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", imported, new Uint8Array(data)));
}

/** Runs `work` with the Web primitives, then with node's, and gives both results. */
async function both<T>(work: () => Promise<T>): Promise<[T, T]> {
  useSigningPrimitives(undefined);
  const web = await work();
  useSigningPrimitives(nodeSigningPrimitives);
  const node = await work();
  return [web, node];
}

describe("node signing primitives", () => {
  it("is what importing vial/node registers", async () => {
    await import("vial/node");
    expect(registered).toBe(nodeSigningPrimitives);
  });

  it("HMACs like Web Crypto", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Digest>("SHA-1", "SHA-256", "SHA-512"), fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.uint8Array({ maxLength: 300 }), async (digest, key, data) => {
        expect(nodeSigningPrimitives.hmac(digest, key, data)).toEqual(await webHmac(digest, key, data));
      }),
      { numRuns: 200 },
    );
  });

  it("compresses like CompressionStream", async () => {
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ maxLength: 5 }).map((s) => s.repeat(60)));
    await fc.assert(
      fc.asyncProperty(text, async (value) => {
        const bytes = new TextEncoder().encode(value);
        const [web, node] = await both(() => zlibCompress(bytes));
        expect(node).toEqual(web);
      }),
      { numRuns: 100 },
    );
  });

  it("signs and verifies tokens and session cookies as the Web path does", async () => {
    const now = () => 1_700_000_000;
    const values = [{ user: 42 }, { cart: "x".repeat(300) }, { nested: { list: [1, 2, 3], flag: true } }];
    for (const value of values) {
      const [webToken, nodeToken] = await both(() => new URLSafeTimedSerializer("secret", { now }).dumps(value));
      expect(nodeToken).toBe(webToken);
      const [webCookie, nodeCookie] = await both(() => sessionSerializer(["old", "new"]).dumps(value));
      expect(nodeCookie.split(".")[0]).toBe(webCookie.split(".")[0]);
    }
    useSigningPrimitives(nodeSigningPrimitives);
    const oldToken = await new Signer("old").sign("v");
    const rotated = new Signer(["old", "new"]);
    expect(await rotated.unsign(oldToken)).toBe("v");
    expect(await rotated.validate(`${oldToken.slice(0, -1)}A`)).toBe(false);
    expect(await rotated.validate("v.short")).toBe(false);
    expect(await new Signer("new").unsign(await rotated.sign("w"))).toBe("w");
  });
});
