/**
 * The `npm run lessons:mutate [-- <lesson>...]` command line: mutate each lesson's solution,
 * grade every mutant, print the survivors with their diffs and a table, update
 * lessons/MUTATION.md, and fail when a lesson kills fewer than 90% of its mutants.
 */
import { parseArgs } from "node:util";
import { scanCourse } from "../load-course";
import { findLesson } from "../find-lesson";
import type { Lesson } from "../types";
import type { Grader } from "../check/grader";
import { mutateLessons, type LessonMutation } from "./run-mutation";
import { percent, rowFor, updateReport } from "./report";
import { EQUIVALENT_FILE } from "./equivalent";

/** The least share of killable mutants a lesson's checks must kill. */
export const MINIMUM_KILLED = 0.9;

const USAGE = `usage: npm run lessons:mutate [-- <lesson>...] [--root <dir>] [--concurrency <n>] [--list] [--no-report]

  <lesson>            lessons to mutate (id, slug or folder); default: every lesson
  --root <dir>        the course folder (default: lessons)
  --concurrency <n>   mutants graded at once (default: 2)
  --list              print the mutants and their diffs without grading them
  --no-report         do not update <root>/MUTATION.md`;

/**
 * Runs lessons:mutate with command-line `args`; resolves to the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await runLessonsMutate(["login"], { grade: nodeGrader() });
 * ```
 */
export async function runLessonsMutate(args: string[], io: { grade: Grader; out?: (line: string) => void }): Promise<number> {
  const out = io.out ?? ((line: string) => console.log(line));
  let parsed: { values: { root?: string; concurrency?: string; list?: boolean; "no-report"?: boolean; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args, allowPositionals: true,
      options: { root: { type: "string" }, concurrency: { type: "string" }, list: { type: "boolean" }, "no-report": { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    out(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
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
  const { course } = await scanCourse(root);
  const all = course.chapters.flatMap((chapter) => chapter.lessons);
  const lessons: Lesson[] = [];
  for (const name of positionals) {
    const lesson = findLesson(course, name);
    if (!lesson) {
      out(`no lesson "${name}" (lessons: ${all.map((known) => known.id).join(", ")})`);
      return 2;
    }
    lessons.push(lesson);
  }
  const chosen = lessons.length > 0 ? lessons : all;

  if (values.list) {
    const { mutantsOf } = await import("./mutants");
    for (const lesson of chosen) {
      out(`${lesson.id}:`);
      for (const mutant of mutantsOf(lesson)) out(`  ${mutant.id}  (${mutant.file}:${mutant.line})\n${indent(mutant.diff, 4)}`);
    }
    return 0;
  }

  const results = await mutateLessons(chosen, io.grade, { concurrency, onLesson: (result) => out(lessonLine(result)) });
  for (const result of results) {
    const survivors = result.verdicts.filter((verdict) => verdict.status === "survived");
    const problems = problemsOf(result);
    if (survivors.length === 0 && problems.length === 0) continue;
    out(`\n${result.id}:`);
    for (const verdict of survivors) {
      const seed = verdict.seed ? ` (seed ${verdict.seed})` : "";
      out(`  survived: ${verdict.mutant.id}${seed}\n${indent(verdict.mutant.diff, 4)}`);
    }
    for (const line of problems) out(`  ${line}`);
  }
  const failed = results.filter((result) => problemsOf(result).length > 0).length;
  out(`\n${table(results)}`);
  if (!values["no-report"]) {
    await updateReport(root, results.filter((result) => result.error === undefined).map(rowFor), all.map((lesson) => lesson.id));
    out(`\nwrote ${root}/MUTATION.md`);
  }
  out(failed === 0
    ? `lessons:mutate ok: every lesson kills at least ${percent(MINIMUM_KILLED)} of its mutants`
    : `lessons:mutate FAILED: ${failed} lesson${failed === 1 ? "" : "s"} below ${percent(MINIMUM_KILLED)} or with problems`);
  return failed === 0 ? 0 : 1;
}

function lessonLine(result: LessonMutation): string {
  const row = rowFor(result);
  const mark = problemsOf(result).length === 0 ? "✓" : "✗";
  if (result.error) return `${mark} ${result.id}: ${result.error}`;
  return `${mark} ${result.id}: ${row.killed}/${row.killed + row.survived} mutants killed (${percent(row.ratio)})${row.equivalent ? `, ${row.equivalent} equivalent` : ""}`;
}

/** What fails a lesson: a solution that fails, bad equivalence marks, a score below the bar. */
function problemsOf(result: LessonMutation): string[] {
  if (result.error) return [result.error];
  const lines = result.badMarks.map((mark) => `${EQUIVALENT_FILE}: ${mark}`);
  const { ratio } = rowFor(result);
  if (ratio < MINIMUM_KILLED) lines.push(`kills ${percent(ratio)} of its mutants, below ${percent(MINIMUM_KILLED)}: strengthen checks.ts, or mark a mutant that behaves exactly like the solution in ${EQUIVALENT_FILE}`);
  return lines;
}

function table(results: LessonMutation[]): string {
  const rows = results.map(rowFor);
  const width = Math.max(6, ...rows.map((row) => row.id.length));
  const head = `${"lesson".padEnd(width)}  mutants  killed  survived  equivalent  killed%`;
  const body = rows.map((row, index) => {
    const error = results[index]?.error ? "  (solution fails)" : "";
    return `${row.id.padEnd(width)}  ${String(row.mutants).padStart(7)}  ${String(row.killed).padStart(6)}  ${String(row.survived).padStart(8)}  ${String(row.equivalent).padStart(10)}  ${percent(row.ratio).padStart(7)}${error}`;
  });
  return [head, ...body].join("\n");
}

function indent(text: string, spaces: number): string {
  return text.split("\n").map((line) => " ".repeat(spaces) + line).join("\n");
}
