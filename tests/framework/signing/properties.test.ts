import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BadData,
  BadSignature,
  dumpsPythonJson,
  sessionSerializer,
  Signer,
  TimestampSigner,
} from "../../../framework/src/signing";
import { base64UrlEncode } from "../../../framework/src/signing/base64";

const T = 1_700_000_000;

/** Strings that look like tokens often enough to reach the deeper branches. */
const tokenLike = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc
    .array(fc.oneof(fc.constantFrom(".", "..", "eyJ", ".eJ", "ZVPxAA", "-", "_", "=", "+", "/", "%", "é", "\u0000"), fc.base64String()), {
      maxLength: 8,
    })
    .map((parts) => parts.join("")),
);

/** base64url of arbitrary JSON-ish text, so decoding gets as far as JSON.parse and untagging. */
const encodedText = fc
  .oneof(fc.json(), fc.string(), fc.constantFrom('{" t":1}', '{" b":"@"}', '{" u":"x"}', '{" di":{}}', '{" d":5}'))
  .map((text) => base64UrlEncode(new TextEncoder().encode(text)));

describe("signing properties", () => {
  it("Signer.unsign of any string throws nothing but BadSignature", async () => {
    const signer = new Signer(["old", "new"]);
    await fc.assert(
      fc.asyncProperty(tokenLike, async (input) => {
        try {
          await signer.unsign(input);
        } catch (error) {
          expect(error).toBeInstanceOf(BadSignature);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("TimestampSigner.unsign of any string throws nothing but BadSignature, with or without maxAge", async () => {
    const signer = new TimestampSigner("k", { now: () => T });
    await fc.assert(
      fc.asyncProperty(tokenLike, fc.option(fc.integer({ min: -5, max: 100 })), async (input, maxAge) => {
        const options = maxAge === null ? {} : { maxAge };
        await expect(signer.unsign(input, options)).rejects.toBeInstanceOf(BadSignature);
      }),
      { numRuns: 300 },
    );
  });

  it("any single-character change to a signed value is detected", async () => {
    const signer = new TimestampSigner("k", { now: () => T });
    const token = await signer.sign("user=42");
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: token.length - 1 }), fc.string({ minLength: 1, maxLength: 1 }), async (index, char) => {
        fc.pre(token[index] !== char);
        const forged = token.slice(0, index) + char + token.slice(index + 1);
        expect(await signer.validate(forged)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("sessionSerializer: loads of arbitrary strings throws only BadData, and safeLoads never throws", async () => {
    const serializer = sessionSerializer(["fallback", "current"], { now: () => T });
    await fc.assert(
      fc.asyncProperty(tokenLike, async (input) => {
        await expect(serializer.loads(input, { maxAge: 3600 })).rejects.toBeInstanceOf(BadData);
        const result = await serializer.safeLoads(input, { maxAge: 3600 });
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("sessionSerializer: signed payloads of arbitrary bytes load or fail with BadData, never anything else", async () => {
    const serializer = sessionSerializer("k", { now: () => T });
    const signer = new TimestampSigner("k", { salt: "cookie-session", keyDerivation: "hmac", now: () => T });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string().map((s) => `.${s}`), encodedText), async (payload) => {
        const result = await serializer.safeLoads(await signer.sign(payload));
        if (!result.ok) expect(result.error).toBeInstanceOf(BadData);
      }),
      { numRuns: 200 },
    );
  });

  it("sessionSerializer round-trips any JSON value", async () => {
    const serializer = sessionSerializer("k", { now: () => T });
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const normalized: unknown = JSON.parse(JSON.stringify(value));
        expect(await serializer.loads(await serializer.dumps(value))).toEqual(normalized);
      }),
      { numRuns: 150 },
    );
  });

  it("dumpsPythonJson parses to the same value as JSON.stringify", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(dumpsPythonJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
        expect(dumpsPythonJson(value)).toMatch(/^[ -~]*$/);
      }),
      { numRuns: 300 },
    );
  });
});
