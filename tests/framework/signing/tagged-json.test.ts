import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { taggedJsonCodec } from "../../../framework/src/signing";
import { dumpsPythonJson } from "../../../framework/src/signing/python-json";
import { tagReference } from "./tag-reference";

const { dumps, loads } = taggedJsonCodec;

describe("Flask tagged JSON: loading", () => {
  it("decodes every Flask tag into a JavaScript value", () => {
    expect(loads('{" t":[1,"a"]}')).toEqual([1, "a"]);
    expect(loads('{" b":"AP9i"}')).toEqual(Uint8Array.of(0x00, 0xff, 0x62));
    expect(loads('{" m":"<b>x</b>"}')).toBe("<b>x</b>");
    expect(loads('{" u":"12345678123456781234567812345678"}')).toBe("12345678-1234-5678-1234-567812345678");
    expect(loads('{" d":"Thu, 29 Feb 2024 12:30:45 GMT"}')).toEqual(new Date(Date.UTC(2024, 1, 29, 12, 30, 45)));
    expect(loads('{" di":{" t__":"plain"}}')).toEqual({ " t": "plain" });
  });

  it("untags nested values from the inside out", () => {
    expect(loads('{"_flashes":[{" t":["message","hi"]}],"x":{" di":{" b__":{" t":[1]}}}}')).toEqual({
      _flashes: [["message", "hi"]],
      x: { " b": [1] },
    });
  });

  it("leaves objects that only look like tags alone", () => {
    expect(loads('{" t":1,"other":2}')).toEqual({ " t": 1, other: 2 });
    expect(loads('{" x":1}')).toEqual({ " x": 1 });
  });

  it("gives null for an unparseable date, as Werkzeug's parse_date", () => {
    expect(loads('{"when":{" d":"not a date"}}')).toEqual({ when: null });
  });

  it("throws for malformed tags (the serializer turns this into BadPayload)", () => {
    expect(() => loads('{" t":5}')).toThrow(TypeError);
    expect(() => loads('{" b":"@@@"}')).toThrow(TypeError);
    expect(() => loads('{" u":"nope"}')).toThrow(TypeError);
    expect(() => loads('{" di":{}}')).toThrow(TypeError);
    expect(() => loads('{" m":1}')).toThrow(TypeError);
  });

  it("untags a tag key however the JSON spells it, and parses tag-free text as JSON.parse does", () => {
    expect(loads('{"x":{"\\u0020t":[1,2]}}')).toEqual({ x: [1, 2] });
    expect(loads('{"x": {" t": [1, 2]}}')).toEqual({ x: [1, 2] });
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        const hasTagKey = /" (di|t|b|m|u|d)"/.test(text);
        fc.pre(!hasTagKey);
        expect(loads(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a __proto__ key as data, not as a prototype", () => {
    const value = loads('{" di":{"__proto____":{"polluted":true}}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("Flask tagged JSON: dumping", () => {
  it("tags Date as an HTTP date and Uint8Array as base64", () => {
    expect(dumps({ at: new Date(Date.UTC(2024, 1, 29, 12, 30, 45, 999)) })).toBe('{"at":{" d":"Thu, 29 Feb 2024 12:30:45 GMT"}}');
    expect(dumps(Uint8Array.of(0xfb, 0xff))).toBe('{" b":"+/8="}');
  });

  it('wraps a one-key object whose key is a tag in " di"', () => {
    expect(dumps({ " t": [1] })).toBe('{" di":{" t__":[1]}}');
    expect(dumps({ " t": [1], other: 1 })).toBe('{" t":[1],"other":1}');
    expect(dumps({ " t": 1, gone: undefined })).toBe('{" di":{" t__":1}}');
  });

  it("dumps a __proto__ key as data, alone (tagged) or among others", () => {
    const alone = JSON.parse('{"__proto__":{"a":1}}') as unknown;
    expect(dumps(alone)).toBe('{"__proto__":{"a":1}}');
    expect(loads(dumps(JSON.parse('{"__proto__":1,"b":2}')))).toEqual(JSON.parse('{"__proto__":1,"b":2}'));
  });

  it("writes compact, sorted, ASCII-only JSON", () => {
    expect(dumps({ user_id: 42, name: "Zoë" })).toBe('{"name":"Zo\\u00eb","user_id":42}');
  });

  it("round-trips through loads", () => {
    const value = { when: new Date(Date.UTC(2030, 0, 1)), raw: Uint8Array.of(1, 2), nested: [{ " d": "x" }], s: "é" };
    expect(loads(dumps(value))).toEqual(value);
  });

  it("refuses values it cannot represent", () => {
    expect(() => dumps({ at: new Date(Number.NaN) })).toThrow(TypeError);
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(() => dumps(cyclic)).toThrow(/circular/);
  });

  it("writes exactly what the tagger followed by dumpsPythonJson wrote", () => {
    const tagKey = fc.constantFrom(" di", " t", " b", " m", " u", " d", "__proto__", "toJSON", "é", "🍵", "\uff21", 'a"b\\');
    const leaf = fc.oneof(
      fc.jsonValue(),
      fc.date({ noInvalidDate: true }),
      fc.uint8Array({ maxLength: 8 }),
      fc.constantFrom(undefined, () => 1, Symbol("s"), Number.NaN, -0, Number.POSITIVE_INFINITY),
      fc.string({ unit: "binary", maxLength: 6 }),
      fc.anything().map((inner) => ({ toJSON: () => inner })),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.oneof(tagKey, fc.string({ maxLength: 4 })), tie("value"), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(value, (input) => {
        let expected: string | Error;
        try {
          expected = dumpsPythonJson(tagReference(input));
        } catch (error) {
          expected = error as Error;
        }
        if (expected instanceof Error) expect(() => dumps(input)).toThrow(expected.constructor as new () => Error);
        else expect(dumps(input)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
