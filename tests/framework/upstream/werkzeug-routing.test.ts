// Ported from Werkzeug's tests/test_routing.py (pallets/werkzeug 1b00618), named after the
// upstream tests. Werkzeug's `Map`/`MapAdapter` is Vial's `RouteMap`: `adapter.match(path)`
// returning `(endpoint, values)` is `outcome(map, path)` here, a `RequestRedirect` is
// `{ kind: "redirect", location }` (the path; dispatch adds the query and mount prefix), and
// `adapter.build` is `map.build`. Results were checked against Werkzeug 2.2 (python3-werkzeug).
import { describe, expect, it } from "vitest";
import { BuildError, RouteMap } from "../../../framework/src/routing";
import { mapOf, outcome, redirectTo } from "../routing/helpers";

function buildError(build: () => unknown): BuildError {
  try {
    build();
  } catch (error) {
    if (error instanceof BuildError) return error;
    throw error;
  }
  throw new Error("expected a BuildError");
}

/** The rule Werkzeug's `BuildError.suggested` names, for an endpoint no rule has. */
function suggested(map: RouteMap<null>, endpoint: string, values: Record<string, unknown>, method?: string) {
  const { failure } = buildError(() => map.build(endpoint, values, method === undefined ? {} : { method }));
  if (failure.kind !== "unknown-endpoint") throw new Error(`expected an unknown endpoint, got ${failure.kind}`);
  return failure.suggested?.rule;
}

describe("Werkzeug tests/test_routing.py", () => {
  it("test_defaults", () => {
    const map = mapOf([
      ["/foo/", "foo", { defaults: { page: 1 } }],
      ["/foo/<int:page>", "foo"],
    ]);
    expect(outcome(map, "/foo/")).toEqual(["foo", { page: 1 }]);
    // Werkzeug: RequestRedirect for "/foo/1"
    expect(outcome(map, "/foo/1")).toEqual(redirectTo("/foo/"));
    expect(outcome(map, "/foo/2")).toEqual(["foo", { page: 2 }]);
    expect(map.build("foo", {})).toBe("/foo/");
    expect(map.build("foo", { page: 1 })).toBe("/foo/");
    expect(map.build("foo", { page: 2 })).toBe("/foo/2");
  });

  it("test_path", () => {
    const map = mapOf([
      ["/", "page", { defaults: { name: "FrontPage" } }],
      ["/Special", "special"],
      ["/<int:year>", "year"],
      ["/<path:name>:foo", "foopage"],
      ["/<path:name>:<path:name2>", "twopage"],
      ["/<path:name>", "page"],
      ["/<path:name>/edit", "editpage"],
      ["/<path:name>/silly/<path:name2>", "sillypage"],
      ["/<path:name>/silly/<path:name2>/edit", "editsillypage"],
      ["/Talk:<path:name>", "talk"],
      ["/User:<username>", "user"],
      ["/User:<username>/<path:name>", "userpage"],
      ["/User:<username>/comment/<int:id>-<int:replyId>", "usercomment"],
      ["/Files/<path:file>", "files"],
      ["/<admin>/<manage>/<things>", "admin"],
    ]);
    expect(outcome(map, "/")).toEqual(["page", { name: "FrontPage" }]);
    expect(outcome(map, "/FrontPage")).toEqual(redirectTo("/"));
    expect(outcome(map, "/Special")).toEqual(["special", {}]);
    expect(outcome(map, "/2007")).toEqual(["year", { year: 2007 }]);
    expect(outcome(map, "/Some:foo")).toEqual(["foopage", { name: "Some" }]);
    expect(outcome(map, "/Some:bar")).toEqual(["twopage", { name: "Some", name2: "bar" }]);
    expect(outcome(map, "/Some/Page")).toEqual(["page", { name: "Some/Page" }]);
    expect(outcome(map, "/Some/Page/edit")).toEqual(["editpage", { name: "Some/Page" }]);
    expect(outcome(map, "/Foo/silly/bar")).toEqual(["sillypage", { name: "Foo", name2: "bar" }]);
    expect(outcome(map, "/Foo/silly/bar/edit")).toEqual(["editsillypage", { name: "Foo", name2: "bar" }]);
    expect(outcome(map, "/Talk:Foo/Bar")).toEqual(["talk", { name: "Foo/Bar" }]);
    expect(outcome(map, "/User:thomas")).toEqual(["user", { username: "thomas" }]);
    expect(outcome(map, "/User:thomas/projects/werkzeug")).toEqual(["userpage", { username: "thomas", name: "projects/werkzeug" }]);
    expect(outcome(map, "/User:thomas/comment/123-456")).toEqual(["usercomment", { username: "thomas", id: 123, replyId: 456 }]);
    expect(outcome(map, "/Files/downloads/werkzeug/0.2.zip")).toEqual(["files", { file: "downloads/werkzeug/0.2.zip" }]);
    expect(outcome(map, "/Jerry/eats/cheese")).toEqual(["admin", { admin: "Jerry", manage: "eats", things: "cheese" }]);
  });

  it("test_complex_routing_rules", () => {
    const map = mapOf([
      ["/", "index"],
      ["/<int:blub>", "an_int"],
      ["/<blub>", "a_string"],
      ["/foo/", "nested"],
      ["/foobar/", "nestedbar"],
      ["/foo/<path:testing>/", "nested_show"],
      ["/foo/<path:testing>/edit", "nested_edit"],
      ["/users/", "users", { defaults: { page: 1 } }],
      ["/users/page/<int:page>", "users"],
      ["/foox", "foox"],
      ["/<path:bar>/<path:blub>", "barx_path_path"],
    ]);
    expect(outcome(map, "/")).toEqual(["index", {}]);
    expect(outcome(map, "/42")).toEqual(["an_int", { blub: 42 }]);
    expect(outcome(map, "/blub")).toEqual(["a_string", { blub: "blub" }]);
    expect(outcome(map, "/foo/")).toEqual(["nested", {}]);
    expect(outcome(map, "/foobar/")).toEqual(["nestedbar", {}]);
    expect(outcome(map, "/foo/1/2/3/")).toEqual(["nested_show", { testing: "1/2/3" }]);
    expect(outcome(map, "/foo/1/2/3/edit")).toEqual(["nested_edit", { testing: "1/2/3" }]);
    expect(outcome(map, "/users/")).toEqual(["users", { page: 1 }]);
    expect(outcome(map, "/users/page/2")).toEqual(["users", { page: 2 }]);
    expect(outcome(map, "/foox")).toEqual(["foox", {}]);
    expect(outcome(map, "/1/2/3")).toEqual(["barx_path_path", { bar: "1", blub: "2/3" }]);

    expect(map.build("index", {})).toBe("/");
    expect(map.build("an_int", { blub: 42 })).toBe("/42");
    expect(map.build("a_string", { blub: "test" })).toBe("/test");
    expect(map.build("nested", {})).toBe("/foo/");
    expect(map.build("nestedbar", {})).toBe("/foobar/");
    expect(map.build("nested_show", { testing: "1/2/3" })).toBe("/foo/1/2/3/");
    expect(map.build("nested_edit", { testing: "1/2/3" })).toBe("/foo/1/2/3/edit");
    expect(map.build("users", { page: 1 })).toBe("/users/");
    expect(map.build("users", { page: 2 })).toBe("/users/page/2");
    expect(map.build("foox", {})).toBe("/foox");
    expect(map.build("barx_path_path", { bar: "1", blub: "2/3" })).toBe("/1/2/3");
  });

  it("test_request_redirect_default", () => {
    // Werkzeug's rules here have no endpoint (None == None); Vial's need one, the same for both.
    const map = mapOf([
      ["/foo", "x", { defaults: { bar: 42 } }],
      ["/foo/<int:bar>", "x"],
    ]);
    expect(outcome(map, "/foo/42")).toEqual(redirectTo("/foo"));
  });

  for (const prefix of ["", "/aaa"]) {
    it(`test_double_defaults[${JSON.stringify(prefix)}]`, () => {
      const map = mapOf([
        [`${prefix}/`, "x", { defaults: { foo: 1, bar: false } }],
        [`${prefix}/<int:foo>`, "x", { defaults: { bar: false } }],
        [`${prefix}/bar/`, "x", { defaults: { foo: 1, bar: true } }],
        [`${prefix}/bar/<int:foo>`, "x", { defaults: { bar: true } }],
      ]);
      expect(outcome(map, `${prefix}/`)).toEqual(["x", { foo: 1, bar: false }]);
      expect(outcome(map, `${prefix}/2`)).toEqual(["x", { foo: 2, bar: false }]);
      expect(outcome(map, `${prefix}/bar/`)).toEqual(["x", { foo: 1, bar: true }]);
      expect(outcome(map, `${prefix}/bar/2`)).toEqual(["x", { foo: 2, bar: true }]);

      expect(map.build("x", { foo: 1, bar: false })).toBe(`${prefix}/`);
      expect(map.build("x", { foo: 2, bar: false })).toBe(`${prefix}/2`);
      expect(map.build("x", { bar: false })).toBe(`${prefix}/`);
      expect(map.build("x", { foo: 1, bar: true })).toBe(`${prefix}/bar/`);
      expect(map.build("x", { foo: 2, bar: true })).toBe(`${prefix}/bar/2`);
      expect(map.build("x", { bar: true })).toBe(`${prefix}/bar/`);
    });
  }

  it("test_redirect_path_quoting", () => {
    const map = mapOf([
      ["/<category>", "category", { defaults: { page: 1 } }],
      ["/<category>/page/<int:page>", "category"],
    ]);
    // Werkzeug: Location "http://example.com/foo%20bar"
    expect(outcome(map, "/foo bar/page/1")).toEqual(redirectTo("/foo%20bar"));
  });

  it("test_finding_closest_match_by_endpoint", () => {
    const map = mapOf([
      ["/foo/", "users.here"],
      ["/wat/", "admin.users"],
      ["/woop", "foo.users"],
    ]);
    expect(suggested(map, "admin.user", {})).toBe("/wat/");
  });

  it("test_finding_closest_match_by_values", () => {
    const map = mapOf([
      ["/user/id/<id>/", "users"],
      ["/user/<slug>/", "users"],
      ["/user/emails/<email>/", "users"],
    ]);
    expect(suggested(map, "x", { slug: "" })).toBe("/user/<slug>/");
  });

  it("test_finding_closest_match_by_method", () => {
    const map = mapOf([
      ["/post/", "foobar", { methods: ["POST"] }],
      ["/get/", "foobar", { methods: ["GET"] }],
      ["/put/", "foobar", { methods: ["PUT"] }],
    ]);
    expect(suggested(map, "invalid", {}, "POST")).toBe("/post/");
    expect(suggested(map, "invalid", {}, "GET")).toBe("/get/");
    expect(suggested(map, "invalid", {}, "PUT")).toBe("/put/");
  });

  it("test_finding_closest_match_when_none_exist", () => {
    expect(suggested(new RouteMap<null>(), "invalid", {})).toBeUndefined();
  });

  it("test_error_message_without_suggested_rule", () => {
    // Werkzeug: "Could not build url for endpoint 'urks'." / "... 'world' ('POST')." /
    // "... 'urks' with values ['user_id']." Vial's wording differs; the same facts are there.
    const map = mapOf([["/foo/", "world"]]);
    expect(buildError(() => map.build("urks", {})).message).toMatch(/^Could not build a URL for endpoint "urks"/);
    const wrongMethod = buildError(() => map.build("world", {}, { method: "POST" }));
    expect(wrongMethod.message).toMatch(/^Could not build a URL for endpoint "world" with method POST/);
    const withValues = buildError(() => map.build("urks", { user_id: 5 }));
    expect(withValues.message).toMatch(/^Could not build a URL for endpoint "urks"/);
    expect(withValues.values).toEqual({ user_id: 5 });
  });

  it("test_error_message_suggestion", () => {
    const map = mapOf([["/foo/<id>/", "world"]]);
    // Werkzeug: "Did you mean 'world' instead?"
    expect(buildError(() => map.build("helloworld", {})).message).toContain('Did you mean "world" instead?');
    // Werkzeug: "Did you forget to specify values ['id']?", and no word about methods.
    const missing = buildError(() => map.build("world", {})).message;
    expect(missing).toContain('missing value for "id"');
    expect(missing).not.toContain("method");
    // Werkzeug: "Did you mean to use methods ['GET', 'HEAD']?" (its rules add HEAD themselves;
    // a RouteMap rule takes the methods it is given, and Vial's app adds HEAD).
    expect(buildError(() => map.build("world", { id: 2 }, { method: "POST" })).message).toContain("accept only GET");
  });
});
