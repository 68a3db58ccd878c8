/** A scored lesson's tally from per-task check counts, and times as the outline writes them. */
import { describe, expect, it } from "vitest";
import { countByTask, tallyOf } from "../../sandbox/course/tally";
import { formatMinutes } from "../../sandbox/course/minutes";

describe("tally", () => {
  it("counts each task's checks and the passed ones; skipped checks and checks without a task do not count", () => {
    expect(
      countByTask([
        { task: 1, status: "pass" },
        { task: 2, status: "pass" },
        { task: 2, status: "fail" },
        { task: 2, status: "error" },
        { task: 3, status: "skip" },
        { status: "pass" },
      ]),
    ).toEqual({ "1": { passed: 1, total: 1 }, "2": { passed: 1, total: 3 } });
  });

  it("adds up the tally's tasks only, and gives nothing when the last check ran none of them", () => {
    const counts = { "1": { passed: 6, total: 6 }, "2": { passed: 3, total: 4 }, "3": { passed: 2, total: 4 }, "4": { passed: 2, total: 3 } };
    expect(tallyOf(counts, [2, 3, 4])).toEqual({ passed: 7, total: 11 });
    expect(tallyOf({ "1": { passed: 0, total: 6 } }, [2, 3, 4])).toBeUndefined();
    expect(tallyOf(undefined, [2])).toBeUndefined();
  });
});

describe("formatMinutes", () => {
  it("writes minutes, hours, and hours with minutes", () => {
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(60)).toBe("1 h");
    expect(formatMinutes(135)).toBe("2 h 15 min");
  });
});
