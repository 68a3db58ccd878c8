import { afterEach, describe, expect, it } from "vitest";
import { followGraderClock } from "../../../../sandbox/payload/learner-side/clock";

describe("followGraderClock", () => {
  const original = Date.now;
  afterEach(() => {
    Date.now = original;
  });

  it("moves Date.now by the offset the grader sends, and ignores offsets that are not times ahead", () => {
    const setClock = followGraderClock();
    const before = Date.now();
    setClock(61_000);
    const ahead = Date.now() - before;
    expect(ahead).toBeGreaterThanOrEqual(61_000);
    expect(ahead).toBeLessThan(71_000);
    for (const bad of [-5_000, Number.NaN, Infinity]) {
      setClock(bad);
      expect(Date.now() - before).toBeGreaterThanOrEqual(61_000);
    }
    setClock(0);
    expect(Date.now() - before).toBeLessThan(10_000);
  });
});
