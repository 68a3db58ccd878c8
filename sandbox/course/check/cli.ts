/**
 * The `npm run lessons:check` command line: parse arguments, run {@link checkCourse}, print
 * progress, the problems and one summary line, and return the exit code.
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { checkCourse, type LessonResult } from "./check-course";
import { formatProblem, type Problem } from "./problem";
import type { Grader } from "./grader";
import type { WrongVerdict } from "./wrong-variants";
import { mutationFigure } from "../mutate/figure";
import { scanCourse } from "../load-course";
import { isInNamedLesson } from "../find-lesson";

const USAGE = `usage: npm run lessons:check [-- --lesson <id>] [--root <dir>] [--concurrency <n>] [--json <file>]

  --lesson <id>       check one lesson (id "routing/methods", slug "methods" or folder "02-routing/02-methods")
  --root <dir>        the course folder (default: lessons)
  --concurrency <n>   lessons graded at once (default: 2)
  --json <file>       also write { passed, failed, skipped, problems } to <file> (for npm test)`;

/** Where the command writes and which sandbox it grades with. */
export interface LessonsCheckIO {
  grade: Grader;
  out?: (line: string) => void;
}

/**
 * Runs lessons:check with command-line `args`; resolves to the process exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await runLessonsCheck(process.argv.slice(2), { grade: nodeGrader() });
 * ```
 */
export async function runLessonsCheck(args: string[], io: LessonsCheckIO): Promise<number> {
  const out = io.out ?? ((line: string) => console.log(line));
  let values: { lesson?: string; root?: string; concurrency?: string; json?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { lesson: { type: "string" }, root: { type: "string" }, concurrency: { type: "string" }, json: { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    out(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const concurrency = Number(values.concurrency ?? 2);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    out(`--concurrency must be a whole number of 1 or more, got ${values.concurrency}\n${USAGE}`);
    return 2;
  }

  const root = values.root ?? "lessons";
  // One lesson: only its MDX is parsed for tasks, the others are read for their files.
  const only = values.lesson;
  const scan = await scanCourse(root, only === undefined ? {} : { tasksOf: (dir) => isInNamedLesson(dir, only) });
  // Read while the first sandboxes grade: progress lines wait for it, in the order lessons finish.
  const figure = mutationFigure(root, scan.course);
  let printed = Promise.resolve();
  const { problems, lessons } = await checkCourse({
    root, scan, grade: io.grade, concurrency,
    ...(values.lesson !== undefined ? { lesson: values.lesson } : {}),
    onLesson: (result) => {
      printed = printed.then(async () => {
        out(`${progressLine(result)}${(await figure)(result.id)}`);
        for (const verdict of result.wrong ?? []) out(wrongLine(verdict));
      });
    },
  });
  await printed;
  if (problems.length > 0) {
    out("");
    for (const found of problems) out(formatProblem(found));
  }
  out(`\n${summaryLine(root, problems.length, lessons)}`);
  if (values.json !== undefined) await writeFile(values.json, JSON.stringify(countsFor(problems, lessons), null, 2));
  return problems.length === 0 ? 0 : 1;
}

/**
 * Counts for a test summary: each graded lesson passes or fails, and each problem found outside
 * a graded lesson (a lesson that did not load, a stray file in the course root) is one failure.
 */
function countsFor(problems: Problem[], lessons: LessonResult[]) {
  const inLessons = lessons.reduce((sum, lesson) => sum + lesson.problems.length, 0);
  const failedLessons = lessons.filter((lesson) => lesson.problems.length > 0).length;
  return {
    passed: lessons.length - failedLessons,
    failed: failedLessons + (problems.length - inLessons),
    skipped: 0,
    problems,
  };
}

/** `lessons:check ok: 8 lessons graded in lessons/, no problems`, or FAILED with the counts. */
function summaryLine(root: string, problems: number, lessons: LessonResult[]): string {
  const graded = `${lessons.length} lesson${lessons.length === 1 ? "" : "s"} graded in ${root}/`;
  if (problems === 0) return `lessons:check ok: ${graded}, no problems`;
  const failed = lessons.filter((lesson) => lesson.problems.length > 0).length;
  const which = lessons.length > 0 ? `, ${failed} of them with problems` : "";
  return `lessons:check FAILED: ${problems} problem${problems === 1 ? "" : "s"}; ${graded}${which}`;
}

function progressLine(result: LessonResult): string {
  const mark = result.problems.length === 0 ? "✓" : "✗";
  const solution = result.reports?.solution;
  const starter = result.reports?.starter;
  const passed = solution ? `${solution.checks.filter((check) => check.status === "pass").length}/${solution.checks.length}` : "?";
  // The starter's run stops at its first failing check: which one it was, counted from 1.
  const firstFailing = starter ? starter.checks.findIndex((check) => check.status === "fail" || check.status === "error") : -1;
  const failing = !starter ? "?" : firstFailing === -1 ? "no check" : `check ${firstFailing + 1}`;
  const problems = result.problems.length === 0 ? "" : `  (${result.problems.length} problem${result.problems.length === 1 ? "" : "s"})`;
  const wrong = result.wrong?.length ? `, ${result.wrong.filter((verdict) => verdict.caughtBy.length > 0).length}/${result.wrong.length} wrong variants caught` : "";
  return `${mark} ${result.id}: solution passes ${passed} checks, starter fails ${failing}${wrong}${problems}`;
}

/** `    wrong/plaintext-password (compares passwords in plain text): caught by "POST /login ..."` */
function wrongLine(verdict: WrongVerdict): string {
  const by = verdict.caughtBy.length === 0 ? "NOT CAUGHT" : `caught by ${verdict.caughtBy.map((name) => `"${name}"`).join(", ")}`;
  return `    wrong/${verdict.name} (${verdict.note}): ${by}`;
}
