import { describe, expect, it } from "vitest";
import { dumpsPythonJson } from "../../../framework/src/signing";
import { compareCodePoints } from "../../../framework/src/signing/python-json";

describe("dumpsPythonJson (json.dumps(separators=(',', ':'), sort_keys=True, ensure_ascii=True))", () => {
  it("is compact and sorts keys at every level", () => {
    expect(dumpsPythonJson({ b: 1, a: { d: [1, { z: 0, y: null }], c: true } })).toBe(
      '{"a":{"c":true,"d":[1,{"y":null,"z":0}]},"b":1}',
    );
  });

  it("escapes non-ASCII as \\uXXXX code units, astral characters as surrogate pairs", () => {
    expect(dumpsPythonJson("Zoë")).toBe('"Zo\\u00eb"');
    expect(dumpsPythonJson("🍵")).toBe('"\\ud83c\\udf75"');
    expect(dumpsPythonJson("\u007f\u2028")).toBe('"\\u007f\\u2028"');
  });

  it("uses Python's short escapes and \\u00XX for other controls", () => {
    expect(dumpsPythonJson('"\\\n\r\t\b\f\u0001/')).toBe('"\\"\\\\\\n\\r\\t\\b\\f\\u0001/"');
  });

  it("sorts keys by code point like Python, not by UTF-16 unit", () => {
    // U+FF21 sorts before U+1F375 in Python; a UTF-16 sort would put the surrogate pair first.
    expect(dumpsPythonJson({ "🍵": 1, "Ａ": 2, a: 3 })).toBe('{"a":3,"\\uff21":2,"\\ud83c\\udf75":1}');
    expect(compareCodePoints("\uff21", "🍵")).toBeLessThan(0);
    expect(compareCodePoints("ab", "a")).toBeGreaterThan(0);
  });

  it("follows JSON.stringify for what Python has no say in", () => {
    expect(dumpsPythonJson({ a: undefined, b: () => 1, c: [undefined], d: Number.NaN })).toBe('{"c":[null],"d":null}');
    expect(dumpsPythonJson({ toJSON: () => "custom" })).toBe('"custom"');
    expect(dumpsPythonJson([1.5, -0, 1e21])).toBe("[1.5,0,1e+21]");
    expect(() => dumpsPythonJson(10n)).toThrow(TypeError);
    expect(() => dumpsPythonJson(undefined)).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => dumpsPythonJson(cyclic)).toThrow(/circular/);
  });

  it("allows the same object twice when it is not a cycle", () => {
    const shared = { x: 1 };
    expect(dumpsPythonJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it("parses back to the same value with JSON.parse", () => {
    const value = { "kéy": ["välue", 1, null, { "𝄞": "\u0000" }] };
    expect(JSON.parse(dumpsPythonJson(value))).toEqual(value);
  });
});
