import { describe, expect, it } from "vitest";
import { failing, gradeTestFiles, missedBugs } from "./careless-tests";

describe("testing/test-client", { timeout: 300_000 }, () => {
  it("names the seeded bugs a careless test file missed, and passes the thorough one", async () => {
    const { solution, variants } = await gradeTestFiles("testing/test-client");
    expect(failing(solution), JSON.stringify(solution, null, 2)).toEqual([]);
    // Status codes catch the bugs that change a status, and miss a 401 that logs in all the same.
    expect(missedBugs(variants.get("status-codes-only")!)).toEqual(["3 (login)", "5 (session)", "6 (authorization)", "7 (escaping)", "8 (escaping)", "9 (escaping)"]);
    expect(missedBugs(variants.get("happy-path-only")!)).toEqual([
      "1 (login required)",
      "2 (login)",
      "3 (login)",
      "4 (login)",
      "5 (session)",
      "6 (authorization)",
      "7 (escaping)",
      "8 (escaping)",
      "9 (escaping)",
    ]);
  });
});
