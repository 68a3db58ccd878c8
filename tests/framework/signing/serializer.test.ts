import { describe, expect, it } from "vitest";
import {
  BadPayload,
  BadSignature,
  BadTimeSignature,
  SignatureExpired,
  Signer,
  TimestampSigner,
  URLSafeTimedSerializer,
} from "../../../framework/src/signing";
import { base64UrlEncode } from "../../../framework/src/signing/base64";

const T = 1_700_000_000;

describe("URLSafeTimedSerializer", () => {
  it("writes what itsdangerous writes for ASCII data with sorted keys", async () => {
    // itsdangerous 2.1.2: URLSafeTimedSerializer("secret-key").dumps({"a": [1, 2, "x"], "b": None}) at T
    const serializer = new URLSafeTimedSerializer("secret-key", { now: () => T });
    expect(await serializer.dumps({ b: null, a: [1, 2, "x"] })).toBe(
      "eyJhIjpbMSwyLCJ4Il0sImIiOm51bGx9.ZVPxAA.vpSRweTU3cOrOXfi8r3rZuIDrjQ",
    );
  });

  it("reads itsdangerous tokens, including its raw UTF-8 JSON and compressed payloads", async () => {
    const serializer = new URLSafeTimedSerializer("secret-key", { now: () => T });
    expect(await serializer.loads("eyJhIjoiw7wifQ.ZVPxAA.TDlg1XCtLmdapCuSqnlHOAzo7xg")).toEqual({ a: "ü" });
    const activation = new URLSafeTimedSerializer("secret-key", { salt: "activate", now: () => T });
    expect(await activation.loads(".eJxTqhgFRAMlAGb5jOU.ZVPxAA.FMLDUme-Pae1clg0sBLAlJpe2KA")).toBe("x".repeat(300));
  });

  it("round-trips values and reports the timestamp", async () => {
    const serializer = new URLSafeTimedSerializer(["old", "new"], { salt: "reset", now: () => T });
    const value = { user: 42, tags: ["ä", "🍵"], nested: { deep: [null, true, 1.25] } };
    const token = await serializer.dumps(value);
    expect(await serializer.loads(token, { maxAge: 0 })).toEqual(value);
    expect(await serializer.loadsWithTimestamp(token)).toEqual({ value, timestamp: T });
  });

  it("enforces maxAge with SignatureExpired", async () => {
    const token = await new URLSafeTimedSerializer("k", { now: () => T }).dumps("v");
    const later = new URLSafeTimedSerializer("k", { now: () => T + 61 });
    await expect(later.loads(token, { maxAge: 60 })).rejects.toBeInstanceOf(SignatureExpired);
    expect(await later.loads(token, { maxAge: 61 })).toBe("v");
  });

  it("does not load a token made with another salt", async () => {
    const token = await new URLSafeTimedSerializer("k", { salt: "email" }).dumps("v");
    await expect(new URLSafeTimedSerializer("k", { salt: "reset" }).loads(token)).rejects.toBeInstanceOf(BadSignature);
  });

  it("raises BadPayload for a correctly signed payload that is not JSON", async () => {
    const signer = new TimestampSigner("k", { salt: "itsdangerous" });
    const token = await signer.sign(base64UrlEncode(new TextEncoder().encode("{not json")));
    await expect(new URLSafeTimedSerializer("k").loads(token)).rejects.toBeInstanceOf(BadPayload);
  });

  it("safeLoads reports failures as values", async () => {
    const serializer = new URLSafeTimedSerializer("k", { now: () => T });
    const token = await serializer.dumps({ a: 1 });
    expect(await serializer.safeLoads(token)).toEqual({ ok: true, value: { a: 1 }, timestamp: T });
    const tampered = await serializer.safeLoads(token.replace("eyJ", "eyK"));
    expect(tampered.ok).toBe(false);
    expect(!tampered.ok && tampered.error).toBeInstanceOf(BadTimeSignature);
    const notAString = await serializer.safeLoads(42 as unknown as string);
    expect(!notAString.ok && notAString.error).toBeInstanceOf(BadSignature);
  });

  it("signs with the same key as a TimestampSigner with the serializer's salt", async () => {
    const token = await new URLSafeTimedSerializer("k", { salt: "s" }).dumps(1);
    expect(await new TimestampSigner("k", { salt: "s" }).validate(token)).toBe(true);
    expect(await new Signer("k", { salt: "s" }).validate(token)).toBe(true);
  });
});
