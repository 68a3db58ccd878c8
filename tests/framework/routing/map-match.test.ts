// Matching by specificity, ported from Werkzeug's tests/test_routing.py where it applies.
import { describe, expect, it } from "vitest";
import { RouteMap } from "../../../framework/src/routing";
import { mapOf, notAllowed, notFound, outcome } from "./helpers";

describe("RouteMap.match: basics", () => {
  const map = mapOf([
    ["/", "index"],
    ["/foo", "foo"],
    ["/bar/", "bar"],
  ]);

  it("matches static rules exactly (test_basic_routing)", () => {
    expect(outcome(map, "/")).toEqual(["index", {}]);
    expect(outcome(map, "/foo")).toEqual(["foo", {}]);
    expect(outcome(map, "/bar/")).toEqual(["bar", {}]);
    expect(outcome(map, "/blub")).toEqual(notFound);
    expect(outcome(map, "/bars")).toEqual(notFound);
  });

  it("hands back the rule object and its data", () => {
    const routes = new RouteMap<{ name: string }>();
    const rule = routes.add("/foo/", { endpoint: "foo", methods: ["GET"], data: { name: "handler" } });
    const result = routes.match("/foo/", "GET");
    expect(result.kind === "match" && result.rule).toBe(rule);
    expect(rule.data).toEqual({ name: "handler" });
  });

  it("matches non-ASCII static rules against the decoded path (test_environ_nonascii_pathinfo)", () => {
    const unicode = mapOf([
      ["/", "index"],
      ["/лошадь", "horse"],
    ]);
    expect(outcome(unicode, "/лошадь")).toEqual(["horse", {}]);
    expect(outcome(unicode, "/барсук")).toEqual(notFound);
  });

  it("does not let a newline end the match early (test_newline_match)", () => {
    const hello = mapOf([["/hello", "hello"], ["/user/<int:id>", "user"]]);
    expect(outcome(hello, "/hello\n")).toEqual(notFound);
    expect(outcome(hello, "/user/1\n")).toEqual(notFound);
  });
});

describe("RouteMap.match: specificity", () => {
  it("orders by specificity, not registration (test_complex_routing_rules)", () => {
    const map = mapOf([
      ["/", "index"],
      ["/<path:bar>/<path:blub>", "barx_path_path"],
      ["/<blub>", "a_string"],
      ["/<int:blub>", "an_int"],
      ["/foo/", "nested"],
      ["/foobar/", "nestedbar"],
      ["/foo/<path:testing>/", "nested_show"],
      ["/foo/<path:testing>/edit", "nested_edit"],
      ["/users/", "users"],
      ["/users/page/<int:page>", "users"],
      ["/foox", "foox"],
    ]);
    expect(outcome(map, "/")).toEqual(["index", {}]);
    expect(outcome(map, "/42")).toEqual(["an_int", { blub: 42 }]);
    expect(outcome(map, "/blub")).toEqual(["a_string", { blub: "blub" }]);
    expect(outcome(map, "/foo/")).toEqual(["nested", {}]);
    expect(outcome(map, "/foobar/")).toEqual(["nestedbar", {}]);
    expect(outcome(map, "/foo/1/2/3/")).toEqual(["nested_show", { testing: "1/2/3" }]);
    expect(outcome(map, "/foo/1/2/3/edit")).toEqual(["nested_edit", { testing: "1/2/3" }]);
    expect(outcome(map, "/users/")).toEqual(["users", {}]);
    expect(outcome(map, "/users/page/2")).toEqual(["users", { page: 2 }]);
    expect(outcome(map, "/foox")).toEqual(["foox", {}]);
    expect(outcome(map, "/hehe/hehe")).toEqual(["barx_path_path", { bar: "hehe", blub: "hehe" }]);
  });

  it("matches wiki-style path rules (test_path)", () => {
    const map = mapOf([
      ["/", "page"],
      ["/Special", "special"],
      ["/<int:year>", "year"],
      ["/<path:name>", "page"],
      ["/<path:name>/edit", "editpage"],
      ["/<path:name>/silly/<path:name2>", "sillypage"],
      ["/<path:name>/silly/<path:name2>/edit", "editsillypage"],
      ["/Talk:<path:name>", "talk"],
      ["/User:<username>", "user"],
      ["/User:<username>/<path:name>", "userpage"],
      ["/Files/<path:file>", "files"],
    ]);
    expect(outcome(map, "/Special")).toEqual(["special", {}]);
    expect(outcome(map, "/2007")).toEqual(["year", { year: 2007 }]);
    expect(outcome(map, "/Some/Page")).toEqual(["page", { name: "Some/Page" }]);
    expect(outcome(map, "/Some/Page/edit")).toEqual(["editpage", { name: "Some/Page" }]);
    expect(outcome(map, "/Foo/silly/bar")).toEqual(["sillypage", { name: "Foo", name2: "bar" }]);
    expect(outcome(map, "/Foo/silly/bar/edit")).toEqual(["editsillypage", { name: "Foo", name2: "bar" }]);
    expect(outcome(map, "/Talk:Foo/Bar")).toEqual(["talk", { name: "Foo/Bar" }]);
    expect(outcome(map, "/User:thomas")).toEqual(["user", { username: "thomas" }]);
    expect(outcome(map, "/User:thomas/projects/werkzeug")).toEqual(["userpage", { username: "thomas", name: "projects/werkzeug" }]);
    expect(outcome(map, "/Files/downloads/werkzeug/0.2.zip")).toEqual(["files", { file: "downloads/werkzeug/0.2.zip" }]);
  });

  it("splits two path variables lazily from the left (test_greedy)", () => {
    const map = mapOf([
      ["/foo", "foo"],
      ["/<path:bar>", "bar"],
      ["/<path:bar>/<path:blub>", "bar"],
    ]);
    expect(outcome(map, "/foo")).toEqual(["foo", {}]);
    expect(outcome(map, "/blub")).toEqual(["bar", { bar: "blub" }]);
    expect(outcome(map, "/he/he")).toEqual(["bar", { bar: "he", blub: "he" }]);
    expect(outcome(map, "/a/b/c")).toEqual(["bar", { bar: "a", blub: "b/c" }]);
  });

  it("tries static before int before string before path at one position", () => {
    const rules: Array<[string, string]> = [
      ["/x/<path:p>", "path"],
      ["/x/<s>", "string"],
      ["/x/<int:n>", "int"],
      ["/x/new", "static"],
    ];
    for (const order of [rules, [...rules].reverse()]) {
      const map = mapOf(order);
      expect(outcome(map, "/x/new")).toEqual(["static", {}]);
      expect(outcome(map, "/x/7")).toEqual(["int", { n: 7 }]);
      expect(outcome(map, "/x/seven")).toEqual(["string", { s: "seven" }]);
      expect(outcome(map, "/x/a/b")).toEqual(["path", { p: "a/b" }]);
    }
  });

  it("prefers parts with static text, then longer static text", () => {
    const map = mapOf([
      ["/<name>", "plain"],
      ["/v<name>", "short"],
      ["/ver<name>", "long"],
    ]);
    expect(outcome(map, "/version")).toEqual(["long", { name: "sion" }]);
    expect(outcome(map, "/vx")).toEqual(["short", { name: "x" }]);
    expect(outcome(map, "/x")).toEqual(["plain", { name: "x" }]);
  });

  it("backtracks when the more specific branch fails further down", () => {
    const map = mapOf([
      ["/users/new/form", "form"],
      ["/users/<name>/posts", "posts"],
      ["/users/<int:id>/edit", "edit"],
      ["/<path:rest>", "fallback"],
    ]);
    expect(outcome(map, "/users/new/posts")).toEqual(["posts", { name: "new" }]);
    expect(outcome(map, "/users/3/posts")).toEqual(["posts", { name: "3" }]);
    expect(outcome(map, "/users/3/edit")).toEqual(["edit", { id: 3 }]);
    expect(outcome(map, "/users/new/other")).toEqual(["fallback", { rest: "users/new/other" }]);
  });

  it("matches several variables inside one segment (any converter with a dot)", () => {
    const map = mapOf([
      ["/<any(a1, a2):a>/<any(b1, b2):b>", "no_dot"],
      ["/<any(a1, a2):a>.<any(b1, b2):b>", "yes_dot"],
      ["/file-<int:id>.<any(json, xml):format>", "file"],
    ]);
    expect(outcome(map, "/a1/b1")).toEqual(["no_dot", { a: "a1", b: "b1" }]);
    expect(outcome(map, "/a1.b1")).toEqual(["yes_dot", { a: "a1", b: "b1" }]);
    expect(outcome(map, "/file-12.json")).toEqual(["file", { id: 12, format: "json" }]);
    expect(outcome(map, "/file-12.csv")).toEqual(notFound);
  });

  it("escapes regex characters in static text next to variables", () => {
    const map = mapOf([["/a.b(<int:n>)+", "dots"]]);
    expect(outcome(map, "/a.b(5)+")).toEqual(["dots", { n: 5 }]);
    expect(outcome(map, "/axb(5)+")).toEqual(notFound);
  });

  it("lets rules added after a match take part (lazy re-sort)", () => {
    const map = mapOf([["/<name>", "string"]]);
    expect(outcome(map, "/5")).toEqual(["string", { name: "5" }]);
    map.add("/<int:n>", { endpoint: "int", methods: ["GET"], data: null });
    expect(outcome(map, "/5")).toEqual(["int", { n: 5 }]);
  });
});

describe("RouteMap.match: converters refusing values", () => {
  it("goes on with other rules when a converter refuses (int min/max)", () => {
    const map = mapOf([
      ["/page/<int(min=1, max=10):n>", "small"],
      ["/page/<int(min=11):n>", "large"],
      ["/page/<name>", "named"],
    ]);
    expect(outcome(map, "/page/5")).toEqual(["small", { n: 5 }]);
    expect(outcome(map, "/page/50")).toEqual(["large", { n: 50 }]);
    expect(outcome(map, "/page/0")).toEqual(["named", { name: "0" }]);
  });

  it("is a 404 when no other rule takes the value", () => {
    const map = mapOf([["/page/<int(max=10):n>", "page"]]);
    expect(outcome(map, "/page/11")).toEqual(notFound);
    expect(outcome(map, "/page/11", "POST")).toEqual(notFound);
  });

  it("backtracks into a less specific branch when a deeper converter refuses", () => {
    const map = mapOf([
      ["/a/<int(max=5):n>/x", "int"],
      ["/a/<s>/x", "string"],
    ]);
    expect(outcome(map, "/a/3/x")).toEqual(["int", { n: 3 }]);
    expect(outcome(map, "/a/9/x")).toEqual(["string", { s: "9" }]);
  });
});

describe("RouteMap.match: methods", () => {
  it("answers 405 with the sorted union of the methods of rules that match the path", () => {
    const map = mapOf([
      ["/item", "read", { methods: ["GET", "HEAD"] }],
      ["/item", "write", { methods: ["PUT", "POST"] }],
      ["/item/<int:id>", "one", { methods: ["DELETE"] }],
    ]);
    expect(outcome(map, "/item", "POST")).toEqual(["write", {}]);
    expect(outcome(map, "/item", "PATCH")).toEqual(notAllowed("GET", "HEAD", "POST", "PUT"));
    expect(outcome(map, "/item/1", "GET")).toEqual(notAllowed("DELETE"));
    expect(outcome(map, "/other", "PATCH")).toEqual(notFound);
  });

  it("uses the rule that accepts the method even when another matches first", () => {
    const map = mapOf([
      ["/thing/<int:id>", "int_get", { methods: ["GET"] }],
      ["/thing/<name>", "string_post", { methods: ["POST"] }],
    ]);
    expect(outcome(map, "/thing/1", "POST")).toEqual(["string_post", { name: "1" }]);
    expect(outcome(map, "/thing/1", "GET")).toEqual(["int_get", { id: 1 }]);
    expect(outcome(map, "/thing/1", "PUT")).toEqual(notAllowed("GET", "POST"));
  });

  it("treats an empty method list as any method", () => {
    const map = mapOf([["/any", "any", { methods: [] }]]);
    expect(outcome(map, "/any", "BREW")).toEqual(["any", {}]);
  });

  it("does not count rules whose converters refuse the value", () => {
    const map = mapOf([
      ["/n/<int(max=5):n>", "small", { methods: ["POST"] }],
      ["/n/<int:n>", "any", { methods: ["PUT"] }],
    ]);
    expect(outcome(map, "/n/9", "GET")).toEqual(notAllowed("PUT"));
  });
});
