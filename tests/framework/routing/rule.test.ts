// Rule parsing, rule properties and the errors RouteMap.add throws.
import { describe, expect, it } from "vitest";
import { parseConverterArgs, RouteMap, tokenizeRule } from "../../../framework/src/routing";

const add = (map: RouteMap<null>, rule: string, methods: string[] = ["GET"], endpoint = rule) => () =>
  map.add(rule, { endpoint, methods, data: null });

describe("parseConverterArgs (test_converter_parser)", () => {
  it("reads Python-ish literals, positional and named", () => {
    expect(parseConverterArgs("test, a=1, b=3.0")).toEqual({ positional: ["test"], named: { a: 1, b: 3 } });
    expect(parseConverterArgs("")).toEqual({ positional: [], named: {} });
    expect(parseConverterArgs("a, b, c,")).toEqual({ positional: ["a", "b", "c"], named: {} });
    expect(parseConverterArgs("True, False, None")).toEqual({ positional: [true, false, null], named: {} });
    expect(parseConverterArgs('"foo", u"bar", \'1\'')).toEqual({ positional: ["foo", "bar", "1"], named: {} });
    expect(parseConverterArgs("x = -2, y=.5e")).toEqual({ positional: [], named: { x: -2, y: ".5e" } });
    expect(parseConverterArgs("'a, b', c")).toEqual({ positional: ["a, b", "c"], named: {} });
  });

  it("refuses what it cannot read", () => {
    expect(() => parseConverterArgs("1 2")).toThrow(/cannot parse converter argument "1 2"/);
    expect(() => parseConverterArgs("a,,")).toThrow(/cannot parse/);
    expect(() => parseConverterArgs("a=1, a=2")).toThrow(/"a" is given twice/);
  });
});

describe("tokenizeRule", () => {
  it("splits slashes, static text and variables", () => {
    expect(tokenizeRule("/u/<int(min=1):id>.json")).toEqual([
      { kind: "slash" },
      { kind: "static", text: "u" },
      { kind: "slash" },
      { kind: "variable", name: "id", converter: "int", args: "min=1", source: "<int(min=1):id>" },
      { kind: "static", text: ".json" },
    ]);
    expect(tokenizeRule("/<name>")[1]).toMatchObject({ converter: "default", args: "" });
  });
});

describe("RouteMap.add errors", () => {
  const map = new RouteMap<null>();

  it("requires a leading slash", () => {
    expect(add(map, "users")).toThrow('Invalid route "users": a rule must start with "/".');
  });

  it("points at malformed variables", () => {
    expect(add(map, "/a/<int:>")).toThrow(/Invalid route "\/a\/<int:>": cannot read "<int:>" at position 3/);
    expect(add(map, "/a/<1x>")).toThrow(/cannot read "<1x>"/);
    expect(add(map, "/a/<open")).toThrow(/cannot read "<open"/);
    expect(add(map, "/a/<int:x")).toThrow(/Variables look like <name>/);
  });

  it("names an unknown converter and lists the known ones", () => {
    expect(add(map, "/a/<integer:id>")).toThrow(
      'Invalid route "/a/<integer:id>": unknown converter "integer" in <integer:id>. Known converters: any, default, float, int, path, string, uuid.',
    );
  });

  it("refuses a repeated variable name", () => {
    expect(add(map, "/<a>/<int:a>")).toThrow(/the variable "a" appears twice/);
  });

  it("refuses a duplicate rule with overlapping methods, whatever the variable names", () => {
    const routes = new RouteMap<null>();
    add(routes, "/u/<int:id>", ["GET", "HEAD", "OPTIONS"], "one")();
    expect(add(routes, "/u/<int:uid>", ["GET"], "two")).toThrow(/matches the same URLs and methods as "\/u\/<int:id>" \(endpoint "one"\)/);
    expect(add(routes, "/u/<int:id>", [], "any")).toThrow(/same URLs/);
    // Sharing only HEAD/OPTIONS is fine, as is a different converter or argument list.
    expect(add(routes, "/u/<int:id>", ["POST", "OPTIONS"], "post")).not.toThrow();
    expect(add(routes, "/u/<int(max=5):id>", ["GET"], "small")).not.toThrow();
    expect(add(routes, "/u/<id>", ["GET"], "string")).not.toThrow();
    expect(add(routes, "/u/<int:id>/", ["GET"], "branch")).not.toThrow();
  });

  it("leaves the map usable after a failed add", () => {
    const routes = new RouteMap<null>();
    expect(add(routes, "/x/<nope:y>")).toThrow();
    expect(routes.rules).toHaveLength(0);
    expect(routes.hasEndpoint("/x/<nope:y>")).toBe(false);
  });
});

describe("Rule", () => {
  it("exposes what `vial routes` and the app need", () => {
    const map = new RouteMap<string>({ strictSlashes: false });
    const rule = map.add("/users/<int:id>/<slug>/", { endpoint: "user", methods: ["get", "HEAD"], data: "handler" });
    expect(rule.rule).toBe("/users/<int:id>/<slug>/");
    expect(String(rule)).toBe("/users/<int:id>/<slug>/");
    expect(rule.endpoint).toBe("user");
    expect([...rule.methods]).toEqual(["GET", "HEAD"]);
    expect(rule.data).toBe("handler");
    expect(rule.arguments).toEqual(["id", "slug"]);
    expect(rule.isBranch).toBe(true);
    expect(rule.isLeaf).toBe(false);
    expect(rule.strictSlashes).toBe(false);
    expect(rule.mergeSlashes).toBe(true);
    expect(rule.converters.get("id")?.weight).toBe(50);
  });

  it("keeps registration order in map.rules and knows its endpoints", () => {
    const map = new RouteMap<null>();
    add(map, "/b", ["GET"], "b")();
    add(map, "/a", ["GET"], "a")();
    add(map, "/<int:n>", ["GET"], "n")();
    expect(map.rules.map((rule) => rule.rule)).toEqual(["/b", "/a", "/<int:n>"]);
    expect(map.hasEndpoint("a")).toBe(true);
    expect(map.hasEndpoint("c")).toBe(false);
  });
});
