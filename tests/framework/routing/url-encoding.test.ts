import { describe, expect, it } from "vitest";
import { encodePath, encodeQuery } from "../../../framework/src/routing";

describe("encodePath", () => {
  it("keeps characters allowed in a path segment and encodes the rest as UTF-8", () => {
    expect(encodePath("/a b/ü?#%")).toBe("/a%20b/%C3%BC%3F%23%25");
    expect(encodePath("!$&'()*+,;=:@-._~")).toBe("!$&'()*+,;=:@-._~");
    expect(encodePath("a/b", { keepSlashes: false })).toBe("a%2Fb");
  });

  it("does not throw on lone surrogates", () => {
    expect(encodePath("a\uD800")).toBe("a%EF%BF%BD");
  });
});

describe("encodeQuery", () => {
  it("repeats keys for arrays, drops undefined and null, encodes with encodeURIComponent", () => {
    expect(encodeQuery({ q: "a b", tag: ["x", "y"], gone: undefined, none: null, n: 0, t: true })).toBe("q=a%20b&tag=x&tag=y&n=0&t=true");
    expect(encodeQuery({ "k&=": "v&=/?" })).toBe("k%26%3D=v%26%3D%2F%3F");
    expect(encodeQuery({})).toBe("");
  });
});
