import { describe, expect, it } from "vitest";
import { BadSignature, sessionSerializer, SignatureExpired } from "../../../framework/src/signing";

/** The reference's verified vector: itsdangerous and Flask agree on it. */
const GOLDEN = "eyJuYW1lIjoiWm9cdTAwZWIiLCJ1c2VyX2lkIjo0Mn0.ZVPxAA.OYrJ2pZY7DUbFlo0eNS8XIeX3dg";
const T = 1_700_000_000;
const MONTH = 31 * 24 * 3600;

describe("sessionSerializer (Flask's SecureCookieSessionInterface)", () => {
  it("dumps the golden vector exactly", async () => {
    const serializer = sessionSerializer("dev-secret", { now: () => T });
    expect(await serializer.dumps({ user_id: 42, name: "Zoë" })).toBe(GOLDEN);
  });

  it("loads the golden vector", async () => {
    const serializer = sessionSerializer("dev-secret", { now: () => T + 100 });
    expect(await serializer.loads(GOLDEN, { maxAge: MONTH })).toEqual({ user_id: 42, name: "Zoë" });
  });

  it("expires after maxAge", async () => {
    const serializer = sessionSerializer("dev-secret", { now: () => T + MONTH + 1 });
    await expect(serializer.loads(GOLDEN, { maxAge: MONTH })).rejects.toBeInstanceOf(SignatureExpired);
  });

  it("rejects the golden cookie under another secret or digest", async () => {
    await expect(sessionSerializer("other").loads(GOLDEN)).rejects.toBeInstanceOf(BadSignature);
    await expect(sessionSerializer("dev-secret", { digest: "SHA-256" }).loads(GOLDEN)).rejects.toBeInstanceOf(BadSignature);
  });

  it("SHA-256 cookies round-trip and differ from SHA-1 ones", async () => {
    const sha256 = sessionSerializer("dev-secret", { digest: "SHA-256", now: () => T });
    const cookie = await sha256.dumps({ user_id: 42, name: "Zoë" });
    expect(cookie).not.toBe(GOLDEN);
    expect(cookie.split(".")[2]).toHaveLength(43);
    expect(await sha256.loads(cookie)).toEqual({ user_id: 42, name: "Zoë" });
  });

  it("compresses a session above ~200 bytes with a leading dot", async () => {
    const serializer = sessionSerializer("dev-secret", { now: () => T });
    const session = { note: "a".repeat(200) };
    const cookie = await serializer.dumps(session);
    expect(cookie.startsWith(".eJ")).toBe(true);
    expect(await serializer.loads(cookie)).toEqual(session);
  });

  it("SECRET_KEY signs and SECRET_KEY_FALLBACKS only verify (CVE-2025-47278)", async () => {
    const keys = ["fallback-1", "fallback-2", "current"]; // [...SECRET_KEY_FALLBACKS, SECRET_KEY]
    const rotated = sessionSerializer(keys, { now: () => T });
    const cookie = await rotated.dumps({ a: 1 });
    expect(cookie).toBe(await sessionSerializer("current", { now: () => T }).dumps({ a: 1 }));
    for (const fallback of ["fallback-1", "fallback-2"]) {
      expect((await sessionSerializer(fallback).safeLoads(cookie)).ok).toBe(false);
      const old = await sessionSerializer(fallback, { now: () => T }).dumps({ old: true });
      expect(await rotated.loads(old)).toEqual({ old: true });
    }
  });

  it("gives a failed result, never an exception, for garbage cookies", async () => {
    const serializer = sessionSerializer("dev-secret");
    for (const cookie of ["", ".", "..", "a.b.c", ".eJ.ZVPxAA.x", GOLDEN.slice(0, -1), `${GOLDEN}x`, "💥.💥.💥"]) {
      const result = await serializer.safeLoads(cookie, { maxAge: MONTH });
      expect(result.ok, cookie).toBe(false);
    }
  });
});
