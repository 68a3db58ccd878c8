import { describe, expect, it } from "vitest";
import { BadSignature, BadTimeSignature, Signer, SignatureExpired, TimestampSigner } from "../../../framework/src/signing";

const T = 1_700_000_000;
/** itsdangerous 2.1.2: TimestampSigner("secret-key").sign("value") at time 1700000000. */
const TOKEN = "value.ZVPxAA.P9Grfsn5n1eHqbiYrPP0fn7INiw";

describe("TimestampSigner", () => {
  it("signs like itsdangerous: value.timestamp.signature", async () => {
    expect(await new TimestampSigner("secret-key", { now: () => T + 0.9 }).sign("value")).toBe(TOKEN);
  });

  it("writes time 0 as an empty timestamp (leading zero bytes stripped)", async () => {
    const signer = new TimestampSigner("secret-key", { now: () => 0 });
    expect(await signer.sign("value")).toBe("value..4Po_VIOIeLmyD0b4u-53Wj90ZOI");
    expect(await signer.unsignWithTimestamp("value..4Po_VIOIeLmyD0b4u-53Wj90ZOI")).toEqual({ value: "value", timestamp: 0 });
  });

  it("returns the value and, on request, the timestamp", async () => {
    const signer = new TimestampSigner("secret-key", { now: () => T + 5 });
    expect(await signer.unsign(TOKEN)).toBe("value");
    expect(await signer.unsignWithTimestamp(TOKEN, { maxAge: 10 })).toEqual({ value: "value", timestamp: T });
  });

  it("accepts an age equal to maxAge and rejects one above it", async () => {
    expect(await new TimestampSigner("secret-key", { now: () => T + 10 }).unsign(TOKEN, { maxAge: 10 })).toBe("value");
    const late = new TimestampSigner("secret-key", { now: () => T + 11 });
    const error = await late.unsign(TOKEN, { maxAge: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignatureExpired);
    expect(error).toBeInstanceOf(BadSignature);
    expect((error as SignatureExpired).message).toBe("Signature age 11 > 10 seconds");
    expect((error as SignatureExpired).payload).toBe("value");
    expect((error as SignatureExpired).dateSigned).toBe(T);
  });

  it("rejects a signature from the future when maxAge is given", async () => {
    const early = new TimestampSigner("secret-key", { now: () => T - 1 });
    await expect(early.unsign(TOKEN, { maxAge: 100 })).rejects.toThrow("Signature age -1 < 0 seconds");
    expect(await early.unsign(TOKEN)).toBe("value");
  });

  it("reports a bad signature as BadTimeSignature carrying the claimed date", async () => {
    const signer = new TimestampSigner("other-key", { now: () => T });
    const error = await signer.unsign(TOKEN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadTimeSignature);
    expect(error).not.toBeInstanceOf(SignatureExpired);
    expect((error as BadTimeSignature).dateSigned).toBe(T);
  });

  it("reports a missing or malformed timestamp", async () => {
    const plain = new Signer("secret-key");
    const signer = new TimestampSigner("secret-key");
    await expect(signer.unsign(await plain.sign("no-timestamp"))).rejects.toThrow("timestamp missing");
    await expect(signer.unsign(await plain.sign("value.!!"))).rejects.toThrow("Malformed timestamp");
    await expect(signer.unsign("nothing")).rejects.toBeInstanceOf(BadTimeSignature);
  });

  it("validate() honours maxAge", async () => {
    const signer = new TimestampSigner("secret-key", { now: () => T + 100 });
    expect(await signer.validate(TOKEN)).toBe(true);
    expect(await signer.validate(TOKEN, { maxAge: 99 })).toBe(false);
  });

  it("refuses a NaN maxAge instead of silently disabling expiry", async () => {
    await expect(new TimestampSigner("secret-key").unsign(TOKEN, { maxAge: Number.NaN })).rejects.toThrow(TypeError);
  });
});
