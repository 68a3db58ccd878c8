/**
 * lessons:check against the broken fixtures in tests/lessons/fixtures, graded for real with the
 * node engine: each must fail, naming the file and the field of its problem.
 */
import { describe, expect, it } from "vitest";
import { checkCourse } from "../../sandbox/course/check/check-course";
import { nodeGrader } from "../../sandbox/course/check/node-grader";
import type { Problem } from "../../sandbox/course/check/problem";

const grade = nodeGrader();
const LESSON = "tests/lessons/fixtures/%s/01-basics/01-ping";

async function problemsOf(fixture: string): Promise<Problem[]> {
  const { problems } = await checkCourse({ root: `tests/lessons/fixtures/${fixture}`, grade });
  return problems;
}

function at(fixture: string, path: string): string {
  return `${LESSON.replace("%s", fixture)}/${path}`;
}

describe("lessons:check on fixtures", { timeout: 120_000 }, () => {
  it("passes a valid lesson", async () => {
    expect(await problemsOf("valid")).toEqual([]);
  });

  it("grades wrong/ variants: one the checks refuse is fine, one that passes them all is a problem", async () => {
    const { problems, lessons } = await checkCourse({ root: "tests/lessons/fixtures/wrong-variants", grade });
    expect(problems).toEqual([
      { file: `${at("wrong-variants", "wrong/pong-from-a-constant")}/`, field: "checks", message: expect.stringMatching(/^the wrong variant "keeps the answer in a constant \(not a mistake the checks can see\)" passes all 2 checks \(seed \w+\); strengthen checks.ts/) },
    ]);
    expect(lessons[0]?.wrong).toEqual([
      { name: "pong-from-a-constant", note: "keeps the answer in a constant (not a mistake the checks can see)", caughtBy: [] },
      // One name: a wrong variant's run stops at its first failing check.
      { name: "shouts", note: "answers in capitals", caughtBy: ["GET /ping answers pong"] },
    ]);
  });

  it("fails bad frontmatter, naming lesson.mdx and the field", async () => {
    expect(await problemsOf("bad-frontmatter")).toEqual([
      { file: at("bad-frontmatter", "lesson.mdx"), field: "frontmatter.minutes", message: expect.stringContaining('got "ten"') },
    ]);
  });

  it("fails a starter that already passes, naming starter/", async () => {
    expect(await problemsOf("starter-passes")).toEqual([
      { file: at("starter-passes", "starter/"), field: "checks", message: expect.stringContaining("all 1 checks already pass against the starter") },
    ]);
  });

  it("fails a solution that fails a check, naming the check and saying what came back", async () => {
    expect(await problemsOf("solution-fails")).toEqual([
      {
        file: at("solution-fails", "solution/"),
        field: 'check "GET /ping answers pong" (task 1)',
        message: 'fails against the solution: body of GET /ping: expected "pong", got "pong!".',
      },
    ]);
  });

  it("fails a check naming a task the MDX does not have (and the task it left uncovered)", async () => {
    expect(await problemsOf("missing-task")).toEqual([
      { file: at("missing-task", "checks.ts"), field: 'check "GET /ping answers pong" (task 3)', message: "names task 3, which lesson.mdx does not have (its tasks: 1)" },
      { file: at("missing-task", "lesson.mdx"), field: "<Task n={1}>", message: "has no check; add a check with { task: 1 } to checks.ts" },
    ]);
  });

  it("fails MDX that does not compile, naming the line", async () => {
    const found = await problemsOf("mdx-broken");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: at("mdx-broken", "lesson.mdx"), field: expect.stringMatching(/^line 16(:\d+)?$/), message: expect.stringContaining("not valid MDX") });
  });

  it("fails a task that no check covers", async () => {
    expect(await problemsOf("task-without-check")).toEqual([
      { file: at("task-without-check", "lesson.mdx"), field: "<Task n={2}>", message: "has no check; add a check with { task: 2 } to checks.ts" },
    ]);
  });

  it("fails a stray file in a lesson folder", async () => {
    expect(await problemsOf("stray-file")).toEqual([
      { file: at("stray-file", "notes.txt"), field: "stray file", message: expect.stringContaining("lesson.mdx, checks.ts, starter/, solution/, wrong/ and equivalent-mutants.md only") },
    ]);
  });

  it("fails a starter that does not load, with the grader's reason and the type error", async () => {
    const found = await problemsOf("starter-broken");
    expect(found).toEqual([
      { file: at("starter-broken", "starter/"), field: "load", message: expect.stringContaining("app.ts") },
      { file: at("starter-broken", "starter/app.ts"), field: "line 3:29", message: expect.stringContaining("')' expected") },
    ]);
  });

  it("fails a focus that names no starter file", async () => {
    expect(await problemsOf("focus-missing")).toEqual([
      { file: at("focus-missing", "lesson.mdx"), field: "focus", message: 'names "main.ts", which is not a starter file (starter files: app.ts)' },
    ]);
  });
});
