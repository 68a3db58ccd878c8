import { describe, expect, it } from "vitest";
import { failing, gradeTestFiles, missedBugs } from "./careless-tests";

describe("testing/attack-tests", { timeout: 300_000 }, () => {
  it("names the seeded bugs a careless test file missed, and passes the thorough one", async () => {
    const { solution, variants } = await gradeTestFiles("testing/attack-tests");
    expect(failing(solution), JSON.stringify(solution, null, 2)).toEqual([]);
    // A status code does catch one: another member's edit form answers 200 instead of 404.
    expect(missedBugs(variants.get("status-codes-only")!)).toEqual(["1 (escaping)", "2 (CSRF)", "3 (brute force)", "4 (brute force)", "5 (session)"]);
    expect(missedBugs(variants.get("happy-path-only")!)).toEqual(["1 (escaping)", "2 (CSRF)", "3 (brute force)", "4 (brute force)", "5 (session)", "6 (authorization)"]);
  });
});
