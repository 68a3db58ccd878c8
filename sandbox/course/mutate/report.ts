/**
 * The committed mutation report, `lessons/MUTATION.md`: one table row per lesson (mutants,
 * killed, survived, equivalent, score, fingerprint) and the surviving mutants by id. Written by
 * `lessons:mutate` (a run on one lesson updates that row only) and read by `lessons:check`,
 * which prints each lesson's figure and notices a row whose fingerprint is out of date.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { LessonMutation } from "./run-mutation";

/** Killed over killable (all but the equivalent ones); 1 when there is nothing to kill. */
export function score(result: Pick<LessonMutation, "verdicts">): { killed: number; survived: number; equivalent: number; ratio: number } {
  const killed = result.verdicts.filter((verdict) => verdict.status === "killed").length;
  const survived = result.verdicts.filter((verdict) => verdict.status === "survived").length;
  const equivalent = result.verdicts.length - killed - survived;
  return { killed, survived, equivalent, ratio: killed + survived === 0 ? 1 : killed / (killed + survived) };
}

/** The report's name in the course root. */
export const REPORT_FILE = "MUTATION.md";

/** One lesson's row. */
export interface ReportRow {
  id: string;
  mutants: number;
  killed: number;
  survived: number;
  equivalent: number;
  /** Killed over killable, 0 to 1. */
  ratio: number;
  fingerprint: string;
  /** Ids of the surviving mutants. */
  survivors: string[];
}

const HEADER = "| Lesson | Mutants | Killed | Survived | Equivalent | Killed % | Fingerprint |";

/**
 * The row a lesson's result makes.
 *
 * @example
 * ```ts
 * const row = rowFor(result);
 * ```
 */
export function rowFor(result: LessonMutation): ReportRow {
  const { killed, survived, equivalent, ratio } = score(result);
  return {
    id: result.id, mutants: result.verdicts.length, killed, survived, equivalent, ratio, fingerprint: result.fingerprint,
    survivors: result.verdicts.filter((verdict) => verdict.status === "survived").map((verdict) => verdict.mutant.id),
  };
}

/**
 * Reads the report's rows by lesson id; none when the course has no report yet.
 *
 * @example
 * ```ts
 * const rows = await readReport("lessons");
 * rows.get("sessions/login")?.ratio;
 * ```
 */
export async function readReport(root: string): Promise<Map<string, ReportRow>> {
  let text: string;
  try {
    text = await readFile(join(root, REPORT_FILE), "utf8");
  } catch {
    return new Map();
  }
  return parseReport(text);
}

/** Parses the text of a report (see {@link renderReport}). */
export function parseReport(text: string): Map<string, ReportRow> {
  const rows = new Map<string, ReportRow>();
  for (const line of text.split("\n")) {
    const cells = line.split("|").slice(1, -1).map((cell) => cell.trim());
    const [id, mutants, killed, survived, equivalent, , fingerprint] = cells;
    if (cells.length !== 7 || !id || !/^\d+$/.test(mutants ?? "")) continue;
    const row = { id: id.replaceAll("`", ""), mutants: Number(mutants), killed: Number(killed), survived: Number(survived), equivalent: Number(equivalent), fingerprint: (fingerprint ?? "").replaceAll("`", "") };
    rows.set(row.id, { ...row, ratio: row.killed + row.survived === 0 ? 1 : row.killed / (row.killed + row.survived), survivors: [] });
  }
  let current: ReportRow | undefined;
  for (const line of text.split("\n")) {
    const heading = /^### `([^`]+)`/.exec(line);
    if (heading) current = rows.get(heading[1] ?? "");
    const survivor = /^- `(.+)`$/.exec(line);
    if (survivor && current) current.survivors.push(survivor[1] ?? "");
  }
  return rows;
}

/**
 * The report's text for these rows, in the order given (course order).
 *
 * @example
 * ```ts
 * await writeFile("lessons/MUTATION.md", renderReport(rows));
 * ```
 */
export function renderReport(rows: ReportRow[]): string {
  const total = rows.reduce((sum, row) => ({ killed: sum.killed + row.killed, survived: sum.survived + row.survived, mutants: sum.mutants + row.mutants, equivalent: sum.equivalent + row.equivalent }), { killed: 0, survived: 0, mutants: 0, equivalent: 0 });
  const lines = [
    "# Mutation testing of the lessons' checks",
    "",
    "Written by `npm run lessons:mutate`; do not edit by hand. Each lesson's solution is mutated",
    "where the lesson wrote it (a middleware removed, a cookie flag flipped, an `html` template made",
    "plain, a schema loosened, a password check skipped, ...), and every mutant is graded with the",
    "lesson's checks in the node engine. A killed mutant fails at least one check; a survivor passes",
    "them all. Equivalent mutants are marked in the lesson's `equivalent-mutants.md` and left out of",
    "the percentage. See lessons/AUTHORING.md, \"Mutation testing\".",
    "",
    HEADER,
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ...rows.map((row) => `| \`${row.id}\` | ${row.mutants} | ${row.killed} | ${row.survived} | ${row.equivalent} | ${percent(row.ratio)} | \`${row.fingerprint}\` |`),
    "",
    `Whole course: ${total.killed} of ${total.killed + total.survived} killable mutants killed (${percent(total.killed + total.survived === 0 ? 1 : total.killed / (total.killed + total.survived))}), ${total.equivalent} equivalent, ${total.mutants} in all.`,
  ];
  const withSurvivors = rows.filter((row) => row.survivors.length > 0);
  if (withSurvivors.length > 0) {
    lines.push("", "## Surviving mutants", "", "`npm run lessons:mutate -- <lesson>` prints each one's diff.");
    for (const row of withSurvivors) lines.push("", `### \`${row.id}\``, "", ...row.survivors.map((id) => `- \`${id}\``));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Merges fresh rows into the report in `root` and writes it, keeping `order` (lesson ids in
 * course order) and dropping rows of lessons that no longer exist.
 *
 * @example
 * ```ts
 * await updateReport("lessons", [rowFor(result)], course.chapters.flatMap((c) => c.lessons.map((l) => l.id)));
 * ```
 */
export async function updateReport(root: string, fresh: ReportRow[], order: string[]): Promise<void> {
  const rows = await readReport(root);
  for (const row of fresh) rows.set(row.id, row);
  const ordered = order.map((id) => rows.get(id)).filter((row): row is ReportRow => row !== undefined);
  await writeFile(join(root, REPORT_FILE), renderReport(ordered));
}

/** `93%`, rounded down so 89.9% never shows as 90%. */
export function percent(ratio: number): string {
  return `${Math.floor(ratio * 100)}%`;
}
