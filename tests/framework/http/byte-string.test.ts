import { describe, expect, it } from "vitest";
import {
  byteStringToBytes,
  bytesToByteString,
  toByteString,
  trimAsciiWhitespace,
  utf8FromByteString,
} from "../../../framework/src/http/byte-string";

describe("byte strings", () => {
  it("utf8FromByteString decodes UTF-8 bytes and keeps everything else", () => {
    expect(utf8FromByteString("f\u00c3\u00b6")).toBe("fö");
    expect(utf8FromByteString("plain")).toBe("plain");
    expect(utf8FromByteString("f\u00f6")).toBe("f\u00f6"); // invalid UTF-8: kept as Latin-1
    expect(utf8FromByteString("☃ already text")).toBe("☃ already text");
    expect(utf8FromByteString("\u00ef\u00bb\u00bfx")).toBe("\ufeffx"); // a BOM is data, not dropped
  });

  it("toByteString encodes text above U+00FF as UTF-8 and leaves byte strings alone", () => {
    expect(toByteString("☃")).toBe("\u00e2\u0098\u0083");
    expect(toByteString("f\u00f6")).toBe("f\u00f6");
    expect(utf8FromByteString(toByteString("Zoë ☃"))).toBe("Zoë ☃");
  });

  it("converts between bytes and byte strings, including large inputs", () => {
    const data = Uint8Array.from({ length: 70_000 }, (_, i) => i % 256);
    expect(byteStringToBytes(bytesToByteString(data))).toEqual(data);
  });

  it("trimAsciiWhitespace keeps U+00A0 (the last byte of 'à' in UTF-8)", () => {
    expect(trimAsciiWhitespace(" \t\r\nvoil\u00c3\u00a0 \n")).toBe("voil\u00c3\u00a0");
    expect(trimAsciiWhitespace("   ")).toBe("");
  });
});
