import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeJoin } from "../../../framework/src/security";

const PIECES = ["..", ".", "/", "\\", "a", "b", "CON", " ", ".. ", "...", "%2e", "%2f", "\u0000", "C:", "c:", "~", "é"];
const segment = fc.oneof(
  fc.string(),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join("")),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((parts) => parts.join("/")),
);

/**
 * Resolves a relative path the way the most lenient OS would: `/` and `\\` both separate, and a
 * segment of dots and spaces with two or more dots climbs (Windows strips trailing dots and
 * spaces). Returns the lowest depth reached; below 0 means it escaped.
 */
function lowestDepth(relative: string): number {
  let depth = 0;
  let lowest = 0;
  for (const part of relative.split(/[\\/]/)) {
    const dotsAndSpaces = /^[. ]*$/.test(part);
    if (dotsAndSpaces && part.replace(/ /g, "").length >= 2) depth -= 1;
    else if (!dotsAndSpaces) depth += 1;
    lowest = Math.min(lowest, depth);
  }
  return lowest;
}

describe("safeJoin properties", () => {
  it("never returns a path outside the directory", () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 4 }), (segments) => {
        const result = safeJoin("root", ...segments);
        if (result === undefined) return;
        expect(result === "root" || result.startsWith("root/")).toBe(true);
        const relative = result.slice("root".length);
        expect(lowestDepth(relative)).toBeGreaterThanOrEqual(0);
        expect(relative).not.toContain("\\");
        expect(relative).not.toContain("\u0000");
        expect(relative).not.toContain("//");
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ unit: "binary" })), (directory, segments) => {
        const result = safeJoin(directory, ...segments);
        expect(result === undefined || typeof result === "string").toBe(true);
      }),
    );
  });
});
