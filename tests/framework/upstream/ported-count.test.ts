// Keeps the count in framework/README.md ("Ported upstream tests") true: it is read from the
// test files of this folder, where every ported case is named after its upstream test.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const folder = fileURLToPath(new URL(".", import.meta.url));
const readme = readFileSync(fileURLToPath(new URL("../../../framework/README.md", import.meta.url)), "utf8");

/** Upstream test names and whether every case of each is skipped, from `it("test_…")` / `it.skip("test_…")`. */
function portedTests(): Map<string, { skipped: boolean; notApplicable: boolean }> {
  const tests = new Map<string, { skipped: boolean; notApplicable: boolean }>();
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".test.ts") && name !== "ported-count.test.ts")) {
    const source = readFileSync(folder + file, "utf8");
    for (const match of source.matchAll(/\bit(\.skip)?\(\s*["`](test_\w+)([^"`]*)/g)) {
      const name = `${file}:${match[2]}`;
      const skipped = match[1] !== undefined;
      const previous = tests.get(name);
      tests.set(name, {
        skipped: (previous?.skipped ?? true) && skipped,
        notApplicable: skipped && (match[3] ?? "").includes("not applicable"),
      });
    }
  }
  return tests;
}

describe("framework/README.md's count of ported upstream tests", () => {
  it("matches the tests in tests/framework/upstream", () => {
    const tests = [...portedTests().values()];
    const skipped = tests.filter((test) => test.skipped);
    const stated = readme.match(/Upstream tests ported: \*\*(\d+)\*\* \((\d+) passing, (\d+) skipped as departures, (\d+) of them not applicable to JavaScript\)/);
    expect(stated, "the count line in framework/README.md").not.toBeNull();
    expect(stated!.slice(1).map(Number)).toEqual([tests.length, tests.length - skipped.length, skipped.length, skipped.filter((test) => test.notApplicable).length]);
  });
});
