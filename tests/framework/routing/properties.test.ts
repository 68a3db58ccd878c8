// Property tests: matching never throws, build() and match() round-trip, redirects lead somewhere.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RouteMap, type MatchResult } from "../../../framework/src/routing";
import { mapOf } from "./helpers";

const METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"];

function richMap(): RouteMap<null> {
  return mapOf([
    ["/", "index"],
    ["/i/<int:n>", "int"],
    ["/i/<int(min=1, max=9, fixed_digits=1):n>/one", "digit"],
    ["/f/<float(signed=True):x>", "float"],
    ["/s/<name>", "string"],
    ["/s/<name>/", "string_branch", { methods: ["POST"] }],
    ["/s/<string(length=2):code>/x", "code"],
    ["/u/<uuid:id>", "uuid"],
    ["/p/<path:rest>", "path"],
    ["/p/<path:rest>/edit", "path_edit"],
    ["/d/<path:rest>/", "path_branch"],
    ["/a/<any(one, two):which>", "any"],
    ["/mix/<int:n>/<name>/<uuid:id>/<path:rest>", "mix"],
    ["/loose/", "loose", { strictSlashes: false }],
    ["/keep//this", "keep", { mergeSlashes: false }],
    ["/file-<int:id>.<any(json, xml):format>", "file"],
  ]);
}

// Paths made of pieces that hit the interesting states, with empty segments for "//".
const segment = fc.oneof(
  fc.constantFrom("", "i", "s", "u", "p", "d", "a", "f", "mix", "loose", "keep", "this", "edit", "one", "x", "new"),
  fc.constantFrom("1", "0", "007", "9", "-1", "1.5", "one", "two", "file-1.json", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
  fc.string({ maxLength: 6 }),
);
const structuredPath = fc.array(segment, { maxLength: 7 }).map((parts) => `/${parts.join("/")}`);

const decodePath = (location: string) => decodeURIComponent(location.split("?")[0] as string);

describe("RouteMap.match properties", () => {
  const map = richMap();

  it("never throws, for any string and method", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), structuredPath), fc.constantFrom(...METHODS), (path, method) => {
        const result = map.match(path, method);
        expect(["match", "redirect", "method-not-allowed", "not-found"]).toContain(result.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives only rules that accept the method, and 405s that exclude it", () => {
    fc.assert(
      fc.property(structuredPath, fc.constantFrom(...METHODS), (path, method) => {
        const result: MatchResult<null> = map.match(path, method);
        if (result.kind === "match") expect(result.rule.acceptsMethod(method)).toBe(true);
        if (result.kind === "method-not-allowed") {
          expect(result.allowed).not.toContain(method);
          expect(result.allowed).toEqual([...result.allowed].sort());
          expect(result.allowed.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("redirects only to locations that match", () => {
    fc.assert(
      fc.property(structuredPath, fc.constantFrom("GET", "POST"), (path, method) => {
        const result = map.match(path, method);
        if (result.kind !== "redirect") return;
        expect(result.location).toMatch(/^\/[^?#\s]*$/);
        expect(map.match(decodePath(result.location), method).kind).toBe("match");
      }),
      { numRuns: 2000 },
    );
  });
});

describe("build() then match() round-trips", () => {
  const map = richMap();
  const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 });
  const segmentValue = text.filter((value) => !value.includes("/"));
  const pathValue = fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }).filter((value) => !value.startsWith("/"));
  const notRuleArgument = (names: string[]) =>
    fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }).filter((key) => !names.includes(key) && key !== "__proto__"), text, { maxKeys: 3 });

  function roundTrip(endpoint: string, values: Record<string, unknown>, extra: Record<string, string>): MatchResult<null> {
    const url = map.build(endpoint, { ...values, ...extra });
    const [path = "", query = ""] = url.split(/\?(.*)/s);
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual(extra);
    return map.match(decodeURIComponent(path), "GET");
  }

  it("for int values", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), notRuleArgument(["n"]), (n, extra) => {
        const result = roundTrip("int", { n }, extra);
        expect(result).toMatchObject({ kind: "match", params: { n } });
        expect(result.kind === "match" && result.rule.endpoint).toBe("int");
      }),
    );
  });

  it("for string values", () => {
    fc.assert(
      fc.property(segmentValue, notRuleArgument(["name"]), (name, extra) => {
        const result = roundTrip("string", { name }, extra);
        expect(result.kind === "match" && [result.rule.endpoint, result.params]).toEqual(["string", { name }]);
      }),
    );
  });

  it("for uuid values in either case", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.boolean(), (id, upper) => {
        const result = roundTrip("uuid", { id: upper ? id.toUpperCase() : id }, {});
        expect(result.kind === "match" && [result.rule.endpoint, result.params]).toEqual(["uuid", { id: id.toLowerCase() }]);
      }),
    );
  });

  it("for path values", () => {
    fc.assert(
      fc.property(pathValue, (rest) => {
        fc.pre(!rest.endsWith("/edit"));
        const result = roundTrip("path", { rest }, {});
        expect(result.kind === "match" && [result.rule.endpoint, result.params]).toEqual(["path", { rest }]);
      }),
    );
  });

  it("for float values, large and tiny, signed", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const result = roundTrip("float", { x }, {});
        // -0 and 0 both read back as a number equal to the input.
        expect(result.kind === "match" && result.rule.endpoint).toBe("float");
        expect(result.kind === "match" && result.params.x === x).toBe(true);
      }),
    );
  });

  it("for several converters in one rule", () => {
    fc.assert(
      fc.property(fc.nat(), segmentValue, fc.uuid(), pathValue, (n, name, id, rest) => {
        const result = roundTrip("mix", { n, name, id, rest }, {});
        expect(result.kind === "match" && [result.rule.endpoint, result.params]).toEqual(["mix", { n, name, id: id.toLowerCase(), rest }]);
      }),
    );
  });
});
