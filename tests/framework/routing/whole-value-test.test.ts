// The plain-code tests for common converter patterns must answer exactly as the regex would.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wholeValueTest } from "../../../framework/src/routing/whole-value-test";

const anchored = (regex: string) => new RegExp(`^(?:(?<__v0>${regex}))$`, "su");

// Strings made of characters that sit on the edges of these patterns, and arbitrary ones.
const tricky = fc.oneof(
  fc
    .array(fc.constantFrom("0", "5", "9", "-", "/", "a", "\n", "\u0660", "\uFF10", "\uD83D", "\uDE00", "😀", " ", "+", "."), { maxLength: 6 })
    .map((chars) => chars.join("")),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.string({ maxLength: 8 }),
);

describe("wholeValueTest", () => {
  for (const regex of ["[^/]{1,}", "\\d+", "-?\\d+", "[^/].*?"]) {
    it(`agrees with the regex for ${regex}`, () => {
      const pattern = anchored(regex);
      const accepts = wholeValueTest(regex, pattern);
      fc.assert(
        fc.property(tricky, (text) => {
          expect(accepts(text)).toBe(pattern.test(text));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it("answers the edge cases as the regex does", () => {
    const int = wholeValueTest("\\d+", anchored("\\d+"));
    expect([int(""), int("0"), int("12"), int("-1"), int("1a"), int("\u0660")]).toEqual([false, true, true, false, false, false]);
    const signed = wholeValueTest("-?\\d+", anchored("-?\\d+"));
    expect([signed("-"), signed("-7"), signed("--7"), signed("7-")]).toEqual([false, true, false, false]);
    const text = wholeValueTest("[^/]{1,}", anchored("[^/]{1,}"));
    expect([text(""), text("a b"), text("a/b"), text("\n")]).toEqual([false, true, false, true]);
    const path = wholeValueTest("[^/].*?", anchored("[^/].*?"));
    expect([path(""), path("a/b/"), path("/a"), path("\n/")]).toEqual([false, true, false, true]);
  });

  it("uses the regex for any other pattern", () => {
    const regex = "[a-c]{2}";
    const accepts = wholeValueTest(regex, anchored(regex));
    expect([accepts("ab"), accepts("abc"), accepts("ad"), accepts("")]).toEqual([true, false, false, false]);
  });
});
