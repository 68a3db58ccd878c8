import { describe, expect, it } from "vitest";
import { base64Decode, base64Encode, base64UrlDecode, base64UrlEncode, bytesToInt, intToBytes } from "../../../framework/src/signing/base64";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("base64url", () => {
  it("encodes without padding, with - and _", () => {
    expect(base64UrlEncode(bytes())).toBe("");
    expect(base64UrlEncode(bytes(0xfb))).toBe("-w");
    expect(base64UrlEncode(bytes(0xfb, 0xff))).toBe("-_8");
    expect(base64UrlEncode(bytes(0xfb, 0xff, 0xbf))).toBe("-_-_");
    expect(base64UrlEncode(new TextEncoder().encode("hello"))).toBe("aGVsbG8");
  });

  it("round-trips every length up to 64", () => {
    for (let length = 0; length <= 64; length++) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      expect(base64UrlDecode(base64UrlEncode(data))).toEqual(data);
    }
  });

  it("refuses padding, the standard alphabet, impossible lengths and non-zero leftover bits", () => {
    expect(base64UrlDecode("aGVsbG8=")).toBeUndefined();
    expect(base64UrlDecode("+w")).toBeUndefined();
    expect(base64UrlDecode("a")).toBeUndefined();
    expect(base64UrlDecode("-x")).toBeUndefined();
    expect(base64UrlDecode("é")).toBeUndefined();
  });
});

describe("standard base64 (Flask's bytes tag)", () => {
  it("pads and uses + and /", () => {
    expect(base64Encode(bytes(0xfb, 0xff))).toBe("+/8=");
    expect(base64Encode(new TextEncoder().encode("hi"))).toBe("aGk=");
    expect(base64Decode("+/8=")).toEqual(bytes(0xfb, 0xff));
    expect(base64Decode("+/8")).toEqual(bytes(0xfb, 0xff));
    expect(base64Decode("aGk==")).toBeUndefined();
  });
});

describe("timestamp integers", () => {
  it("are big-endian with leading zero bytes stripped", () => {
    expect(intToBytes(0)).toEqual(bytes());
    expect(intToBytes(255)).toEqual(bytes(255));
    expect(intToBytes(256)).toEqual(bytes(1, 0));
    expect(intToBytes(1_700_000_000)).toEqual(bytes(0x65, 0x53, 0xf1, 0x00));
    expect(bytesToInt(bytes(0x65, 0x53, 0xf1, 0x00))).toBe(1_700_000_000);
    expect(bytesToInt(bytes(0, 0, 1))).toBe(1);
    expect(() => intToBytes(-1)).toThrow(RangeError);
  });
});
