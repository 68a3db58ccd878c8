import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkGaps, expectPass, MARKS_CHECK, resetChecks } from "../../bench/database/probe-checks";
import { DATABASE_MARKERS, databaseResultsMarkdown } from "../../bench/database/results";
import { writeResults } from "../../bench/report/results-file";
import type { GradeReport } from "../../sandbox/report";

const passed = (name: string) => ({ name, status: "pass" as const });
const marksCheck = (message: string) => ({ name: MARKS_CHECK, status: "fail" as const, message });
const report = (checks: GradeReport["checks"]): GradeReport => ({ status: "fail", durationMs: 1, checks });

describe("the reset probe's timings", () => {
  it("reads the gaps between one check's end and the next one's start from the marks check's message", () => {
    const gaps = checkGaps(report([passed("bench: check 1"), passed("bench: check 2"), passed("bench: check 3"), marksCheck("Error: bench-marks [[10,12.5],[112.5,113],[213,214]]\n    at checks.ts:20")]));
    expect(gaps).toEqual([100, 100]);
  });

  it("refuses a run where a timed check did not pass, naming it", () => {
    const failing = report([passed("bench: check 1"), { name: "bench: check 2", status: "fail", message: "rows in notes: expected 9, got 0" }, marksCheck("bench-marks [[1,2],[3,4]]")]);
    expect(() => checkGaps(failing)).toThrow(/bench: check 2: fail rows in notes/);
  });

  it("refuses a report with no checks (the run broke) and marks that do not match the checks", () => {
    expect(() => checkGaps({ status: "error", durationMs: 0, message: "The lesson's database could not start", checks: [] })).toThrow(/no checks \(error: The lesson's database could not start/);
    expect(() => checkGaps(report([passed("bench: check 1"), passed("bench: check 2"), marksCheck("bench-marks [[1,2]]")]))).toThrow(/expected 2 marks/);
    expect(() => checkGaps(report([passed("bench: check 1"), marksCheck("the check timed out")]))).toThrow(/carried no marks/);
  });

  it("writes a setup only for the reset variant, and one timed check per count plus the marks check", () => {
    const withReset = resetChecks(4, true);
    expect(withReset).toContain("database.setup(");
    expect(withReset).toContain("index < 4");
    expect(withReset).toContain(JSON.stringify(MARKS_CHECK));
    expect(resetChecks(4, false)).not.toContain("database.setup(");
  });

  it("expectPass names the report's status and the first check that did not pass", () => {
    expect(() => expectPass(report([passed("a"), { name: "b", status: "error", message: "timed out" }]), "worker engine, run 2")).toThrow('worker engine, run 2: the report is "fail"; b: error timed out');
    expect(() => expectPass({ status: "pass", durationMs: 1, checks: [passed("a")] }, "x")).not.toThrow();
  });
});

describe("the database section of RESULTS.md", () => {
  const run = {
    date: new Date("2026-12-06T03:00:00Z"),
    command: "npm run bench:database -- --write",
    seconds: 181.4,
    machine: "AMD EPYC, 2 cores",
    loadStart: [20.1, 18.456, 17],
    loadEnd: [22, 19, 17.5],
    about: ["PGlite 0.5.17; 3 runs"],
    rows: [
      { what: "first query ready", node: "median 2.1 s", worker: "median 4.0 s" },
      { what: "a | in the text", node: "", worker: "1 ms" },
    ],
  };

  it("says when, how and under what load it ran, with one table of both engines", () => {
    const markdown = databaseResultsMarkdown(run);
    expect(markdown).toContain("- Date: 2026-12-06T03:00:00.000Z");
    expect(markdown).toContain("`npm run bench:database -- --write` (took 181 s)");
    expect(markdown).toContain("at the start: 20.10, 18.46, 17.00; at the end: 22.00, 19.00, 17.50");
    expect(markdown).toContain("| first query ready | median 2.1 s | median 4.0 s |");
    expect(markdown).toContain("| a \\| in the text | – | 1 ms |");
  });

  it("replaces only what sits between its markers, keeping the rest of the file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "bench-db-")), "RESULTS.md");
    writeFileSync(file, `# Benchmarks\n\n## The lessons' database\n\nIntro.\n\n${DATABASE_MARKERS.start}\nold table\n${DATABASE_MARKERS.end}\n\nWebContainer rows kept.\n`);
    writeResults(file, databaseResultsMarkdown(run), DATABASE_MARKERS);
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain("old table");
    expect(text).toContain("Intro.\n\n<!-- bench:database:start");
    expect(text).toContain("| first query ready |");
    expect(text).toContain(`${DATABASE_MARKERS.end}\n\nWebContainer rows kept.\n`);
  });
});
