import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runLessonsCheck } from "../../sandbox/course/check/cli";
import { fakeGrader } from "./fake-grader";

async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runLessonsCheck(args, { grade: fakeGrader(), out: (line) => lines.push(...line.split("\n")) });
  return { code, lines };
}

describe("lessons:check command line", { timeout: 60_000 }, () => {
  it("exits 0 with a summary line when the course is fine", async () => {
    const { code, lines } = await run(["--root", "tests/lessons/fixtures/valid"]);
    expect(code).toBe(0);
    expect(lines[0]).toBe("✓ basics/ping: solution passes 1/1 checks, starter fails check 1");
    expect(lines.at(-1)).toBe("lessons:check ok: 1 lesson graded in tests/lessons/fixtures/valid/, no problems");
  });

  it("exits 1, prints each problem as file: field: message, and says so in the summary", async () => {
    const { code, lines } = await run(["--root", "tests/lessons/fixtures/stray-file"]);
    expect(code).toBe(1);
    expect(lines).toContain("tests/lessons/fixtures/stray-file/01-basics/01-ping/notes.txt: stray file: does not belong here (a lesson folder holds lesson.mdx, checks.ts, starter/, solution/, wrong/ and equivalent-mutants.md only); move or delete it");
    expect(lines.at(-1)).toBe("lessons:check FAILED: 1 problem; 1 lesson graded in tests/lessons/fixtures/stray-file/, 1 of them with problems");
  });

  it("prints how many wrong variants were caught, and by which check", async () => {
    const { code, lines } = await run(["--root", "tests/lessons/fixtures/wrong-variants"]);
    expect(code).toBe(1);
    expect(lines.slice(0, 3)).toEqual([
      "✗ basics/ping: solution passes 1/1 checks, starter fails check 1, 1/2 wrong variants caught  (1 problem)",
      "    wrong/pong-from-a-constant (keeps the answer in a constant (not a mistake the checks can see)): NOT CAUGHT",
      '    wrong/shouts (answers in capitals): caught by "check 1"',
    ]);
  });

  it("fails a course whose lessons do not load, even with nothing to grade", async () => {
    const { code, lines } = await run(["--root", "tests/lessons/fixtures/bad-frontmatter"]);
    expect(code).toBe(1);
    expect(lines.some((line) => line.startsWith("tests/lessons/fixtures/bad-frontmatter/01-basics/01-ping/lesson.mdx: frontmatter.minutes:"))).toBe(true);
    expect(lines.at(-1)).toBe("lessons:check FAILED: 1 problem; 0 lessons graded in tests/lessons/fixtures/bad-frontmatter/");
  });

  it("writes pass and fail counts with --json, for npm test's summary", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lessons-json-"));
    try {
      await run(["--root", "tests/lessons/fixtures/bad-frontmatter", "--json", join(dir, "bad.json")]);
      const bad = JSON.parse(await readFile(join(dir, "bad.json"), "utf8"));
      expect(bad).toMatchObject({ passed: 0, failed: 1, skipped: 0 });
      expect(bad.problems[0].field).toBe("frontmatter.minutes");
      await run(["--root", "tests/lessons/fixtures/valid", "--json", join(dir, "valid.json")]);
      expect(JSON.parse(await readFile(join(dir, "valid.json"), "utf8"))).toEqual({ passed: 1, failed: 0, skipped: 0, problems: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("checks one lesson with --lesson", async () => {
    const { code, lines } = await run(["--root", "tests/lessons/fixtures/valid", "--lesson", "basics/ping"]);
    expect(code).toBe(0);
    expect(lines.at(-1)).toContain("1 lesson graded");
  });

  it("refuses unknown options and a bad --concurrency with usage and exit code 2", async () => {
    expect((await run(["--bogus"])).code).toBe(2);
    const bad = await run(["--concurrency", "0"]);
    expect(bad.code).toBe(2);
    expect(bad.lines[0]).toContain("--concurrency must be a whole number");
  });
});
