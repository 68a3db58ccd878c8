/**
 * Checks written for `npm run bench:database`, graded against the data chapter's first lesson's
 * solution (its app and `initDb`) in every engine, so the engines are timed on the same work:
 *
 * - {@link FIRST_QUERY_CHECKS}: one check that asks the database `SELECT 1`: a fresh sandbox's
 *   time to that report is its time to a first query ready;
 * - {@link resetChecks}: checks that time themselves (performance.now() at their start and end,
 *   in the grader's realm, where the checks run) and a last check that fails on purpose with
 *   those marks in its message, which the report carries out of any engine. The gap between one
 *   check's end and the next one's start is what the grader does between checks: with a
 *   `database.setup`, the wipe and the setup (the lesson's schema and seed), the per-check reset.
 */
import type { GradeReport } from "../../sandbox/report";

/** One check: the database answers `SELECT 1`. */
export const FIRST_QUERY_CHECKS = `import { check, database, expect } from "grader";
import { app } from "./app";

check("the database answers SELECT 1", async () => {
  expect(typeof app, "the app loaded").toBe("object");
  const [row] = await database.query<{ one: number }>("SELECT 1 AS one");
  expect(row?.one, "SELECT 1").toBe(1);
});
`;

/** The name of the check that carries the marks out (it always fails). */
export const MARKS_CHECK = "bench: timings";
const MARKS_PREFIX = "bench-marks ";

/**
 * `count` checks that read the notes table and time themselves, then the check that reports the
 * marks. With `reset`, every check starts from `database.setup`: the lesson's `initDb()` and a
 * seed of 2 members and 9 notes (the per-check reset); without it the checks ask `SELECT 9`
 * of a database that nothing resets (the grader's own cost between checks).
 *
 * @example
 * await sandbox.load({ files: lesson.solution, checks: resetChecks(10, true) });
 * const gaps = checkGaps(await sandbox.check());
 */
export function resetChecks(count: number, reset: boolean): string {
  const setup = `database.setup(async () => {
  await initDb();
  await database.query("INSERT INTO members (username, password_hash) VALUES ($1, $2), ($3, $4)", ["ada", "x", "grace", "y"]);
  await database.query("INSERT INTO notes (owner_id, title, public) SELECT 1, 'note ' || n, n % 2 = 0 FROM generate_series(1, 9) AS n");
});
`;
  const read = reset ? "SELECT count(*) AS n FROM notes" : "SELECT 9 AS n";
  return `import { check, database, expect } from "grader";
import { initDb } from "./app";

const marks: [number, number][] = [];
${reset ? setup : `void initDb;\n`}
for (let index = 0; index < ${count}; index++) {
  check(\`bench: check \${index + 1}\`, async () => {
    const started = performance.now();
    const [row] = await database.query<{ n: number }>(${JSON.stringify(read)});
    expect(Number(row?.n), "rows in notes").toBe(9);
    marks.push([started, performance.now()]);
  });
}

check(${JSON.stringify(MARKS_CHECK)}, () => {
  throw new Error(${JSON.stringify(MARKS_PREFIX)} + JSON.stringify(marks));
});
`;
}

/**
 * The gaps (ms) between one check's end and the next one's start, read from the report of
 * {@link resetChecks}. Throws, saying what went wrong, unless every timed check passed and the
 * marks came out whole.
 *
 * @example
 * checkGaps(report) // [212.4, 198.0, …]: one fewer than the timed checks
 */
export function checkGaps(report: GradeReport): number[] {
  const timed = report.checks.filter((result) => result.name !== MARKS_CHECK);
  const failed = timed.find((result) => result.status !== "pass");
  if (!timed.length || failed) {
    throw new Error(`a timed check did not pass: ${failed ? `${failed.name}: ${failed.status} ${failed.message ?? ""}` : `the report has no checks (${report.status}: ${report.message ?? ""})`}`);
  }
  const message = report.checks.find((result) => result.name === MARKS_CHECK)?.message ?? "";
  const at = message.indexOf(MARKS_PREFIX);
  const json = at >= 0 ? /^\[[\d.,[\]\s]*\]/.exec(message.slice(at + MARKS_PREFIX.length))?.[0] : undefined;
  if (!json) throw new Error(`the timings check's message carried no marks: ${JSON.stringify(message.slice(0, 200))}`);
  const marks = JSON.parse(json) as [number, number][];
  if (marks.length !== timed.length || marks.some((mark) => mark.length !== 2 || !mark.every(Number.isFinite))) {
    throw new Error(`expected ${timed.length} marks, got ${JSON.stringify(marks).slice(0, 200)}`);
  }
  return marks.slice(1).map(([started], index) => started - marks[index]![1]);
}

/** Throws unless the report passed, naming the first check that did not. */
export function expectPass(report: GradeReport, what: string): void {
  if (report.status === "pass") return;
  const failed = report.checks.find((result) => result.status !== "pass");
  throw new Error(`${what}: the report is "${report.status}"${report.message ? ` (${report.message.slice(0, 300)})` : ""}${failed ? `; ${failed.name}: ${failed.status} ${failed.message?.slice(0, 300) ?? ""}` : ""}`);
}
