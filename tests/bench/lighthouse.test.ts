import { describe, expect, it } from "vitest";
import { parseOptions } from "../../bench/options";
import { lighthouseMarkdown } from "../../bench/report/lighthouse-table";
import { median, summarize } from "../../bench/site/lighthouse";
import { alternation, compareMarkdown } from "../../bench/site/lighthouse-compare";

const run = (performance: number, tbtMs: number, ttiMs: number) => ({ performance, accessibility: 100, fcpMs: 900, lcpMs: 1800, tbtMs, ttiMs, longestTaskMs: tbtMs / 2, benchmarkIndex: 1000 + tbtMs });

describe("Lighthouse numbers", () => {
  it("takes the middle value, and the mean of the middle two for an even count", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([7])).toBe(7);
  });

  it("reports each metric's own median, so one slow run does not decide the page's numbers", () => {
    const audit = summarize("/learn", [run(95, 120, 3000), run(60, 2400, 9000), run(93, 150, 3200)]);
    expect(audit).toMatchObject({ path: "/learn", runs: 3, performance: 93, tbtMs: 150, ttiMs: 3200, longestTaskMs: 75 });
  });

  it("refuses to summarize no runs", () => {
    expect(() => summarize("/", [])).toThrow(/no Lighthouse runs/);
  });

  it("writes a row per page with scores and rounded times", () => {
    const table = lighthouseMarkdown([summarize("/", [run(99, 40.4, 2100)])]);
    expect(table.split("\n")).toHaveLength(3);
    expect(table).toContain("| `/` | 99 | 100 | 0.9 s | 1.8 s | 40 ms | 2.1 s | 20 ms | 1040 |");
  });
});

describe("bench options", () => {
  it("runs Lighthouse in a full run and leaves it out with --skip", () => {
    expect(parseOptions([]).sections.has("lighthouse")).toBe(true);
    const skipped = parseOptions(["--skip", "lighthouse"]);
    expect(skipped.sections.has("lighthouse")).toBe(false);
    expect(skipped.sections.has("http")).toBe(true);
    expect(parseOptions(["--only", "lighthouse", "--lighthouse-runs", "5"])).toMatchObject({ lighthouseRuns: 5, sections: new Set(["lighthouse"]) });
  });

  it("refuses an unknown section to skip", () => {
    expect(() => parseOptions(["--skip", "lighthouses"])).toThrow(/unknown section "lighthouses"/);
  });
});

describe("Lighthouse before and after", () => {
  it("audits every page in both builds each run, swapping the builds' order from run to run", () => {
    const turns = alternation(["/", "/learn"], 2).map(({ run, path, build }) => `${run} ${path} ${build}`);
    expect(turns).toEqual(["1 / before", "1 / after", "1 /learn before", "1 /learn after", "2 / after", "2 / before", "2 /learn after", "2 /learn before"]);
  });

  it("gives each build's row the load average range its runs began under", () => {
    const table = compareMarkdown([
      { build: "before", audit: summarize("/", [run(80, 600, 2700)]), loads: [3.25, 1.5, 2] },
      { build: "after", audit: summarize("/", [run(97, 100, 2000)]), loads: [2.5] },
    ]).split("\n");
    expect(table[0]).toMatch(/^\| Page \| Build \| Performance .* \| Load average \|$/);
    expect(table[2]).toBe("| `/` | before | 80 | 100 | 0.9 s | 1.8 s | 600 ms | 2.7 s | 300 ms | 1600 | 1.5-3.3 |");
    expect(table[3]).toBe("| `/` | after | 97 | 100 | 0.9 s | 1.8 s | 100 ms | 2.0 s | 50 ms | 1100 | 2.5-2.5 |");
  });
});
