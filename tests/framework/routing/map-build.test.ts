// RouteMap.build and BuildError, ported from Werkzeug's building tests where they apply.
import { describe, expect, it } from "vitest";
import { BuildError, closeNames } from "../../../framework/src/routing";
import { mapOf } from "./helpers";

function buildError(run: () => unknown): BuildError {
  try {
    run();
  } catch (error) {
    if (error instanceof BuildError) return error;
    throw error;
  }
  throw new Error("expected a BuildError");
}

describe("RouteMap.build", () => {
  const map = mapOf([
    ["/", "index"],
    ["/foo", "foo"],
    ["/bar/<baz>", "bar"],
    ["/bar/<int:bazi>", "bari"],
    ["/bar/<float:bazf>", "barf"],
    ["/bar/<path:bazp>", "barp"],
    ["/blah/<int(fixedDigits=4):n>", "padded"],
    ["/u/<uuid:id>", "uuid"],
    ["/<any(about, help):page>", "page"],
  ]);

  it("builds paths through converters (test_basic_building)", () => {
    expect(map.build("index", {})).toBe("/");
    expect(map.build("foo", {})).toBe("/foo");
    expect(map.build("bar", { baz: "blub" })).toBe("/bar/blub");
    expect(map.build("bari", { bazi: 50 })).toBe("/bar/50");
    expect(map.build("barf", { bazf: 0.815 })).toBe("/bar/0.815");
    expect(map.build("barf", { bazf: 2 })).toBe("/bar/2.0");
    expect(map.build("barp", { bazp: "la/di" })).toBe("/bar/la/di");
    expect(map.build("padded", { n: 42 })).toBe("/blah/0042");
    expect(map.build("uuid", { id: "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11" })).toBe("/u/a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    expect(map.build("page", { page: "help" })).toBe("/help");
  });

  it("stringifies non-string values for string variables (test_non_string_parts)", () => {
    expect(map.build("bar", { baz: 42 })).toBe("/bar/42");
  });

  it("percent-encodes each part; a path variable keeps its slashes", () => {
    expect(map.build("bar", { baz: "a b?c#d%é" })).toBe("/bar/a%20b%3Fc%23d%25%C3%A9");
    expect(map.build("barp", { bazp: "a b/c d" })).toBe("/bar/a%20b/c%20d");
    expect(map.build("bar", { baz: "keep:@!$&'()*+,;=" })).toBe("/bar/keep:@!$&'()*+,;=");
  });

  it("puts unknown values in the query string (test_build_append_unknown, test_build_append_multiple)", () => {
    expect(map.build("barf", { bazf: 0.815, bif: 1.5 })).toBe("/bar/0.815?bif=1.5");
    expect(map.build("barf", { bazf: 0.815, bif: [1.5, 3], pof: 2 })).toBe("/bar/0.815?bif=1.5&bif=3&pof=2");
    expect(map.build("index", { q: "a b&c=d", empty: "" })).toBe("/?q=a%20b%26c%3Dd&empty=");
  });

  it("drops undefined and null values, also inside arrays (test_build_drop_none)", () => {
    expect(map.build("index", { a: undefined, b: null, c: [1, null, undefined, 2] })).toBe("/?c=1&c=2");
    expect(map.build("bari", { bazi: 50, extra: null })).toBe("/bar/50");
  });

  it("chooses the rule whose arguments are all given, preferring more arguments (test_greedy)", () => {
    const greedy = mapOf([
      ["/<path:bar>", "bar"],
      ["/<path:bar>/<path:blub>", "bar"],
    ]);
    expect(greedy.build("bar", { bar: "blub" })).toBe("/blub");
    expect(greedy.build("bar", { bar: "blub", blub: "bar" })).toBe("/blub/bar");
  });

  it("chooses by method, trying GET rules first without one (test_method_fallback)", () => {
    const methods = mapOf([
      ["/search_post", "search", { methods: ["POST"] }],
      ["/search_get", "search", { methods: ["GET"] }],
    ]);
    expect(methods.build("search", {})).toBe("/search_get");
    expect(methods.build("search", {}, { method: "POST" })).toBe("/search_post");
    expect(methods.build("search", {}, { method: "post" })).toBe("/search_post");
  });

  it("falls back to a rule whose converter accepts the value", () => {
    const fallback = mapOf([
      ["/n/<int:n>", "n"],
      ["/s/<n>", "n"],
    ]);
    expect(fallback.build("n", { n: 5 })).toBe("/n/5");
    expect(fallback.build("n", { n: "five" })).toBe("/s/five");
  });
});

describe("BuildError", () => {
  const map = mapOf([
    ["/users/<int:id>", "user"],
    ["/users/<int:id>/posts/<int:post>", "post"],
    ["/login", "auth.login", { methods: ["GET", "HEAD"] }],
    ["/<any(about, help):page>", "page"],
  ]);

  it("names an unknown endpoint and suggests close names", () => {
    const error = buildError(() => map.build("usr", {}));
    expect(error.endpoint).toBe("usr");
    expect(error.message).toBe('Could not build a URL for endpoint "usr": no route has that endpoint. Did you mean "user"?');
    expect(buildError(() => map.build("login", {})).message).toContain('Did you mean "auth.login"?');
    expect(buildError(() => map.build("zzzzzzzz", {})).message).not.toContain("Did you mean");
  });

  it("lists the missing values", () => {
    const error = buildError(() => map.build("post", { tab: "x" }));
    expect(error.message).toBe(
      'Could not build a URL for endpoint "post": missing values for "id" and "post" (route "/users/<int:id>/posts/<int:post>").',
    );
    expect(error.values).toEqual({ tab: "x" });
    expect(buildError(() => map.build("user", { id: null })).message).toContain('missing value for "id"');
  });

  it("says which methods the endpoint accepts", () => {
    const error = buildError(() => map.build("auth.login", {}, { method: "POST" }));
    expect(error.method).toBe("POST");
    expect(error.message).toBe('Could not build a URL for endpoint "auth.login" with method POST: its routes accept only GET, HEAD.');
  });

  it("says which value a converter refused", () => {
    expect(buildError(() => map.build("user", { id: "abc" })).message).toMatch(
      /^Could not build a URL for endpoint "user": the value "abc" for "id" was refused \(route "\/users\/<int:id>"\)/,
    );
    expect(buildError(() => map.build("user", { id: 1.5 })).message).toContain("expected an integer");
    expect(buildError(() => map.build("page", { page: "other" })).message).toContain('"other" is not one of about, help');
  });

  it("refuses values that could never match the rule", () => {
    const strings = mapOf([
      ["/s/<name>", "s"],
      ["/code/<string(length=2):code>", "code"],
      ["/p/<path:p>", "p"],
      ["/n/<int(max=9):n>", "n"],
    ]);
    expect(() => strings.build("s", { name: "" })).toThrow(BuildError);
    expect(() => strings.build("s", { name: "a/b" })).toThrow(BuildError);
    expect(() => strings.build("code", { code: "abc" })).toThrow(/does not fit/);
    expect(() => strings.build("p", { p: "/leading" })).toThrow(BuildError);
    expect(() => strings.build("n", { n: 10 })).toThrow(/outside the allowed range/);
    expect(() => strings.build("n", { n: -1 })).toThrow(/signed=True/);
  });
});

describe("closeNames", () => {
  it("ranks the same name in another blueprint and small typos", () => {
    expect(closeNames("login", ["auth.login", "logins", "logout", "index"])).toEqual(["auth.login", "logins"]);
    expect(closeNames("idnex", ["index", "users"])).toEqual(["index"]);
    expect(closeNames("x", ["index", "users"])).toEqual([]);
  });
});
