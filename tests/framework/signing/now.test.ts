// The `…Now` methods answer without a promise when signing can be synchronous (node primitives
// registered, key derived) and must give exactly what the async methods give.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { BadSignature, BadTimeSignature, SignatureExpired, sessionSerializer, Signer, TimestampSigner } from "vial/signing";
import { nodeSigningPrimitives } from "../../../framework/src/node/signing-primitives";
import { signingPrimitives, useSigningPrimitives } from "../../../framework/src/signing/primitives";

const registered = signingPrimitives();
afterAll(() => useSigningPrimitives(registered));

describe("with synchronous primitives", () => {
  it("signs and unsigns without a promise once the key is derived", async () => {
    useSigningPrimitives(nodeSigningPrimitives);
    const signer = new Signer("secret", { salt: "now" });
    const first = signer.signNow("warm");
    expect(first).toBeInstanceOf(Promise); // the key is derived (asynchronously) on first use
    await first;
    const signed = signer.signNow("hello");
    expect(typeof signed).toBe("string");
    expect(signed).toBe(await signer.sign("hello"));
    expect(signer.unsignNow(signed as string)).toBe("hello");
    expect(() => signer.unsignNow(`${signed as string}x`)).toThrow(BadSignature);
  });

  it("gives the session serializer the same tokens and results as the async methods", async () => {
    useSigningPrimitives(nodeSigningPrimitives);
    const serializer = sessionSerializer(["old", "new"], { now: () => 1_700_000_000 });
    await serializer.dumps({}); // derive the key
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())), async (data) => {
        const token = serializer.dumpsNow(data);
        const awaited = await serializer.dumps(data);
        // Long payloads may compress, which is synchronous too under node's zlib.
        expect(token).toBe(awaited);
        const loaded = serializer.safeLoadsNow(awaited);
        expect(await loaded).toEqual(await serializer.safeLoads(awaited));
      }),
      { numRuns: 100 },
    );
  });

  it("reports bad and expired tokens from safeLoadsNow as failed results, not throws", async () => {
    useSigningPrimitives(nodeSigningPrimitives);
    let now = 1_700_000_000;
    const serializer = sessionSerializer("key", { now: () => now });
    const token = await serializer.dumps({ a: 1 });
    const forged = serializer.safeLoadsNow(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`);
    expect(forged).toMatchObject({ ok: false });
    expect((forged as { error: unknown }).error).toBeInstanceOf(BadTimeSignature);
    now += 100;
    const expired = serializer.safeLoadsNow(token, { maxAge: 10 });
    expect((expired as { error: unknown }).error).toBeInstanceOf(SignatureExpired);
    expect(serializer.safeLoadsNow("no separator here")).toMatchObject({ ok: false });
  });

  it("stamps the current second, also when it changes between tokens", async () => {
    useSigningPrimitives(nodeSigningPrimitives);
    let now = 1_700_000_000;
    const signer = new TimestampSigner("secret", { now: () => now });
    await signer.sign("warm");
    const first = await signer.unsignWithTimestamp(signer.signNow("a") as string);
    now += 1;
    const second = await signer.unsignWithTimestamp(signer.signNow("a") as string);
    expect([first.timestamp, second.timestamp]).toEqual([1_700_000_000, 1_700_000_001]);
  });
});

describe("on Web Crypto", () => {
  it("answers with promises of the same results", async () => {
    useSigningPrimitives(undefined);
    const serializer = sessionSerializer("key", { now: () => 1_700_000_000 });
    const token = serializer.dumpsNow({ user: "ada" });
    expect(token).toBeInstanceOf(Promise);
    useSigningPrimitives(nodeSigningPrimitives);
    const synchronous = sessionSerializer("key", { now: () => 1_700_000_000 });
    await synchronous.dumps({});
    expect(await token).toBe(synchronous.dumpsNow({ user: "ada" }));
    useSigningPrimitives(undefined);
    const loaded = serializer.safeLoadsNow(await token);
    expect(loaded).toBeInstanceOf(Promise);
    expect(await loaded).toMatchObject({ ok: true, value: { user: "ada" } });
  });
});
