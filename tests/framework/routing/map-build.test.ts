// RouteMap.build and BuildError, ported from Werkzeug's building tests where they apply.
import { describe, expect, it } from "vitest";
import { BuildError, RouteMap, similarity } from "../../../framework/src/routing";
import { mapOf, outcome } from "./helpers";

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

  it("names an unknown endpoint and suggests the closest rule's, as Werkzeug does", () => {
    const error = buildError(() => map.build("usr", {}));
    expect(error.endpoint).toBe("usr");
    expect(error.message).toBe('Could not build a URL for endpoint "usr": no route has that endpoint. Did you mean "user" instead?');
    expect(buildError(() => map.build("login", {})).message).toContain('Did you mean "auth.login" instead?');
    // Werkzeug always names the closest rule, however far: here every score ties, so the first rule.
    expect(buildError(() => map.build("zzzzzzzz", {})).message).toContain('Did you mean "user" instead?');
    expect(buildError(() => new RouteMap<null>().build("user", {})).message).not.toContain("Did you mean");
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

describe("similarity", () => {
  it("is difflib's SequenceMatcher ratio", () => {
    // Python: difflib.SequenceMatcher(None, a, b).ratio()
    expect(similarity("helloworld", "world")).toBeCloseTo(0.6666666666666666, 15);
    expect(similarity("urks", "world")).toBeCloseTo(0.2222222222222222, 15);
    expect(similarity("admin.user", "users.here")).toBe(0.4);
    expect(similarity("xaybx", "abxy")).toBeCloseTo(0.6666666666666666, 15);
    expect(similarity("", "")).toBe(1);
  });
});

describe("rule defaults", () => {
  it("refuses a value that contradicts the only rule's default, as Werkzeug's BuildError", () => {
    // Werkzeug 2.2: "Could not build url for endpoint 'u' with values ['page']."
    const map = mapOf([["/users/", "u", { defaults: { page: 1 } }]]);
    expect(buildError(() => map.build("u", { page: 2 })).message).toBe(
      'Could not build a URL for endpoint "u": route "/users/" stands for page = 1, not 2.',
    );
  });

  it("keeps defaulted names out of the query string, and others in it", () => {
    // Flask 2.2: url_for("users", page=1, q="x") == "/users/?q=x"
    const map = mapOf([
      ["/users/", "users", { defaults: { page: 1 } }],
      ["/users/page/<int:page>", "users"],
    ]);
    expect(map.build("users", { page: 1, q: "x" })).toBe("/users/?q=x");
    expect(map.build("users", { page: 3, q: "x" })).toBe("/users/page/3?q=x");
  });

  it("redirects to the defaulted rule only for a method it accepts", () => {
    const map = mapOf([
      ["/users/", "users", { defaults: { page: 1 } }],
      ["/users/page/<int:page>", "users", { methods: ["GET", "POST"] }],
    ]);
    expect(outcome(map, "/users/page/1", "GET")).toEqual({ kind: "redirect", location: "/users/" });
    expect(outcome(map, "/users/page/1", "POST")).toEqual(["users", { page: 1 }]);
  });
});
