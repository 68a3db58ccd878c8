// The matcher walks the path in place and tests common converters without their regex; it must
// give exactly what the split-based, regex-only matcher gave (tests/framework/routing/split-reference.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RouteMap } from "../../../framework/src/routing";
import { mapOf, type RuleSpec } from "./helpers";
import { referenceMatcher } from "./split-reference";

const METHODS = ["GET", "POST", "PUT", "HEAD", "OPTIONS"];

const SPECS: RuleSpec[] = [
  ["/", "index"],
  ["/i/<int:n>", "int"],
  ["/i/<int(signed=True):n>/s", "signed"],
  ["/i/<int(min=1, max=9, fixed_digits=1):n>/one", "digit"],
  ["/i/<n>/one", "string_one", { methods: ["PUT"] }],
  ["/f/<float(signed=True):x>", "float"],
  ["/s/<name>", "string"],
  ["/s/<name>/", "string_branch", { methods: ["POST"] }],
  ["/s/<string(length=2):code>/x", "code"],
  ["/s/<string(maxlength=3):short>/y/", "short_branch"],
  ["/u/<uuid:id>", "uuid"],
  ["/p/<path:rest>", "path"],
  ["/p/<path:rest>/edit", "path_edit"],
  ["/d/<path:rest>/", "path_branch"],
  ["/a/<any(one, two):which>", "any"],
  ["/mix/<int:n>/<name>/<uuid:id>/<path:rest>", "mix"],
  ["/loose/", "loose", { strictSlashes: false }],
  ["/loose/<int:n>", "loose_leaf", { strictSlashes: false }],
  ["/keep//this", "keep", { mergeSlashes: false }],
  ["/file-<int:id>.<any(json, xml):format>", "file"],
  ["/any-method/<name>", "any_method", { methods: [] }],
  ["/<path:everything>", "catch_all", { methods: ["PUT"] }],
  ["/r1/<id>", "r1"],
  ["/r2/<id>/", "r2"],
];

const segment = fc.oneof(
  fc.constantFrom("", "i", "s", "u", "p", "d", "a", "f", "mix", "loose", "keep", "this", "edit", "one", "x", "y", "r1", "r2", "any-method"),
  fc.constantFrom("1", "0", "007", "9", "-1", "-", "--1", "1.5", "one", "two", "file-1.json", "ab", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 4 }),
);
const structuredPath = fc.array(segment, { maxLength: 7 }).map((parts) => `/${parts.join("/")}`);
const anyPath = fc.oneof(structuredPath, fc.string({ unit: "binary" }), fc.constantFrom("", "/", "//", "///", "a", "a/", "/r1//", "/r2//7"));

function agree(map: RouteMap<null>, mergeSlashes: boolean): void {
  const reference = referenceMatcher(map.rules, mergeSlashes);
  fc.assert(
    fc.property(anyPath, fc.constantFrom(...METHODS), (path, method) => {
      expect(map.match(path, method)).toEqual(reference(path, method));
    }),
    { numRuns: 5000 },
  );
}

describe("the in-place matcher agrees with the split-based one", () => {
  it("on many rules, any path and method", () => agree(mapOf(SPECS), true));

  it("without merged slashes", () => agree(mapOf(SPECS, { mergeSlashes: false }), false));

  it("without strict slashes", () => agree(mapOf(SPECS, { strictSlashes: false }), true));

  it("on the benchmark's 100 routes", () => {
    const specs: RuleSpec[] = [["/", "index"]];
    for (let i = 0; i < 100; i++) specs.push([`/r${i}/<id>`, `r${i}`, { methods: ["GET", "HEAD", "OPTIONS"] }]);
    const map = mapOf(specs);
    const reference = referenceMatcher(map.rules);
    expect(map.match("/r99/42", "GET")).toMatchObject({ kind: "match", params: { id: "42" } });
    fc.assert(
      fc.property(fc.nat(120), fc.oneof(fc.string(), fc.constantFrom("", "/", "42/")), fc.constantFrom(...METHODS), (i, id, method) => {
        const path = `/r${i}/${id}`;
        expect(map.match(path, method)).toEqual(reference(path, method));
      }),
      { numRuns: 2000 },
    );
  });
});
