import { describe, expect, it } from "vitest";
import { isJsonMediaType, parseMediaType } from "../../../framework/src/http/media-type";

describe("parseMediaType", () => {
  it("lower-cases the type and reads parameters", () => {
    expect(parseMediaType("Application/JSON; Charset=UTF-8")).toEqual({ type: "application/json", params: { charset: "UTF-8" } });
  });

  it("unquotes quoted parameter values and keeps the boundary's case", () => {
    const parsed = parseMediaType('multipart/form-data; boundary="----WebKitFormBoundaryAbC"');
    expect(parsed?.type).toBe("multipart/form-data");
    expect(parsed?.params.boundary).toBe("----WebKitFormBoundaryAbC");
  });

  it("reads quoted values with escapes and semicolons", () => {
    expect(parseMediaType('text/plain; a="x\\"y;z"; b=2')?.params).toEqual({ a: 'x"y;z', b: "2" });
  });

  it("returns undefined for missing, empty or malformed types", () => {
    expect(parseMediaType(undefined)).toBeUndefined();
    expect(parseMediaType(null)).toBeUndefined();
    expect(parseMediaType("")).toBeUndefined();
    expect(parseMediaType("bad-mime-type")).toBeUndefined();
    expect(parseMediaType("text/")).toBeUndefined();
    expect(parseMediaType("text/plain extra")).toBeUndefined();
    expect(parseMediaType(";charset=utf-8")).toBeUndefined();
  });

  it("has no parameters when there are none, and skips invalid ones", () => {
    expect(parseMediaType("text/html")).toEqual({ type: "text/html", params: {} });
    expect(parseMediaType("text/html; ; novalue; =x; good=1")?.params).toEqual({ good: "1" });
  });

  it("the params object has a null prototype", () => {
    const parsed = parseMediaType("text/plain; __proto__=x");
    expect(Object.getPrototypeOf(parsed?.params)).toBeNull();
    expect(parsed?.params.__proto__).toBe("x");
  });
});

describe("isJsonMediaType", () => {
  it.each([
    ["application/json", true],
    ["APPLICATION/JSON", true],
    ["application/problem+json", true],
    ["application/vnd.api+json", true],
    ["application/json; charset=utf-8", true],
    ["text/json", false],
    ["application/jsonp", false],
    ["text/plain+json", false],
    ["application/x-www-form-urlencoded", false],
    ["", false],
  ])("%s -> %s", (type, expected) => {
    expect(isJsonMediaType(type)).toBe(expected);
  });
});
