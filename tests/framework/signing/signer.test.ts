import { describe, expect, it } from "vitest";
import { BadSignature, Signer } from "../../../framework/src/signing";
import type { Digest, KeyDerivation } from "../../../framework/src/signing";

/** Signatures written by itsdangerous 2.1.2 (Signer("secret-key", salt="my-salt", ...).sign("hello wörld")). */
const ITSDANGEROUS_VECTORS: [KeyDerivation, Digest, string][] = [
  ["django-concat", "SHA-1", "u2y7g_OWtRduAQScRlMvmrYKNqc"],
  ["django-concat", "SHA-256", "wSodV_nFlvmyx-7Y-GliknE5FDZYM9M-JkBJvbBr-kQ"],
  ["concat", "SHA-1", "bG6iQWu6FA7aXTOAFKW-5SGZSgE"],
  ["concat", "SHA-256", "f9_bvjgSoK-E2tNmyO1kdNU2lc1mFi5ebKa7dsFHVcI"],
  ["hmac", "SHA-1", "i67ZCksXN-AAD8Tv19EtwP1wogM"],
  ["hmac", "SHA-256", "tcK4wLuPZzQXvL8dcyRwdQuoDm-Ntw8_n5V3pQlzww0"],
  ["none", "SHA-1", "5B35sAunGpm8MKdOCLpepZWpnKk"],
  ["none", "SHA-256", "birSExWKCEqMR5_cHORkh7xayd1nAO_Q3QxAAIXCNnk"],
];

describe("Signer", () => {
  it.each(ITSDANGEROUS_VECTORS)("signs like itsdangerous with %s key derivation and %s", async (keyDerivation, digest, sig) => {
    const signer = new Signer("secret-key", { salt: "my-salt", keyDerivation, digest });
    expect(await signer.sign("hello wörld")).toBe(`hello wörld.${sig}`);
    expect(await signer.unsign(`hello wörld.${sig}`)).toBe("hello wörld");
  });

  it("uses itsdangerous' defaults (salt itsdangerous.Signer, django-concat, SHA-1)", async () => {
    expect(await new Signer("secret-key").sign("hello")).toBe("hello.GIG_I5genEs4rf1bcDRWLO8Yso4");
  });

  it("accepts a custom separator and splits on its last occurrence", async () => {
    const signer = new Signer("secret-key", { sep: "~" });
    expect(await signer.sign("a.b")).toBe("a.b~W0U72B29IcPNDNsMSmXlI2pVx1w");
    expect(await signer.unsign("a.b~W0U72B29IcPNDNsMSmXlI2pVx1w")).toBe("a.b");
  });

  it("refuses separators that are base64url characters", () => {
    expect(() => new Signer("k", { sep: "-" })).toThrow(TypeError);
    expect(() => new Signer("k", { sep: "a" })).toThrow(TypeError);
    expect(() => new Signer("k", { sep: "" })).toThrow(TypeError);
  });

  it("signs with an empty secret like itsdangerous (Web Crypto refuses empty HMAC keys)", async () => {
    expect(await new Signer("", { keyDerivation: "hmac" }).sign("x")).toBe("x.bFxuJ2UyvXCxg5IHuLpuInSrUgg");
    expect(await new Signer("", { keyDerivation: "none" }).sign("x")).toBe("x.YkTmZFGhyGlduXMc4sT9XeJcz4c");
  });

  it("treats bytes and text secrets alike", async () => {
    const bytes = new TextEncoder().encode("secret-key");
    expect(await new Signer(bytes).sign("hello")).toBe(await new Signer("secret-key").sign("hello"));
  });

  it("throws BadSignature for a missing separator, a wrong signature, or malformed base64", async () => {
    const signer = new Signer("secret-key");
    await expect(signer.unsign("no-separator")).rejects.toThrow(/No "\." found/);
    await expect(signer.unsign("hello.GIG_I5genEs4rf1bcDRWLO8Yso5")).rejects.toBeInstanceOf(BadSignature);
    await expect(signer.unsign("hello.GIG_I5gen+s4rf1bcDRWLO8Yso4")).rejects.toBeInstanceOf(BadSignature);
    await expect(signer.unsign("hellO.GIG_I5genEs4rf1bcDRWLO8Yso4")).rejects.toBeInstanceOf(BadSignature);
    const error = await signer.unsign("hello.AAAA").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadSignature);
    expect((error as BadSignature).payload).toBe("hello");
  });

  it("validate() answers true or false", async () => {
    const signer = new Signer("secret-key");
    expect(await signer.validate("hello.GIG_I5genEs4rf1bcDRWLO8Yso4")).toBe(true);
    expect(await signer.validate("hello.GIG_I5genEs4rf1bcDRWLO8Yso")).toBe(false);
    expect(await signer.validate("")).toBe(false);
  });

  it("a different salt gives a signature that does not verify", async () => {
    const token = await new Signer("k", { salt: "a" }).sign("v");
    expect(await new Signer("k", { salt: "b" }).validate(token)).toBe(false);
  });

  it("needs at least one secret", () => {
    expect(() => new Signer([])).toThrow(TypeError);
  });
});

describe("Signer key rotation", () => {
  it("signs with the newest key (last in the list), as itsdangerous", async () => {
    // itsdangerous: Signer(["old", "new"]).sign("v") == Signer("new").sign("v")
    expect(await new Signer(["old", "new"]).sign("v")).toBe("v.36xUtSROzMo9IUv6FUAqcLcS7_Y");
    expect(await new Signer("new").sign("v")).toBe("v.36xUtSROzMo9IUv6FUAqcLcS7_Y");
  });

  it("verifies values signed by any key", async () => {
    const signer = new Signer(["oldest", "old", "new"]);
    for (const key of ["oldest", "old", "new"]) {
      expect(await signer.unsign(await new Signer(key).sign("v"))).toBe("v");
    }
    expect(await signer.validate(await new Signer("unknown").sign("v"))).toBe(false);
  });

  it("never signs with a fallback key (CVE-2025-47278)", async () => {
    const rotated = new Signer(["fallback", "current"]);
    const token = await rotated.sign("v");
    expect(await new Signer("current").validate(token)).toBe(true);
    expect(await new Signer("fallback").validate(token)).toBe(false);
  });
});

describe("Signer and lone surrogates", () => {
  it("refuses to sign them and never verifies them (they would share U+FFFD's signature)", async () => {
    const signer = new Signer("k");
    await expect(signer.sign("a\uD800")).rejects.toThrow(TypeError);
    const token = await signer.sign("a\uFFFD");
    expect(await signer.validate(token)).toBe(true);
    expect(await signer.validate(token.replace("\uFFFD", "\uD800"))).toBe(false);
    expect(await signer.validate(token.replace("\uFFFD", "\uDC00"))).toBe(false);
    expect(await signer.unsign(await signer.sign("🍵"))).toBe("🍵");
  });
});
