/**
 * A lesson's mutants: its solution with one mutation applied, in the code the lesson itself
 * wrote (see changed-lines.ts). Each has a stable id that names the file, the operator and the
 * code, not the line, so marking one equivalent survives edits elsewhere in the file.
 */
import type { Files, Lesson } from "../types";
import { changedLines } from "./changed-lines";
import { applyMutation, mutationsIn, type Mutation, type OperatorName } from "./operators";

/** One mutant of a lesson's solution. */
export interface Mutant {
  /** `app.ts remove-statement: removes app.use(csrf());`, with ` #2` on a repeat. */
  id: string;
  file: string;
  /** 1-based line of the mutation's start. */
  line: number;
  operator: OperatorName;
  description: string;
  /** The whole solution, with this file mutated. */
  files: Files;
  /** The changed lines, `-` before and `+` after, as a unified diff. */
  diff: string;
}

/**
 * Every mutant of the lesson's own code (files with a `.ts` name that its solution changes or
 * adds), in file and source order.
 *
 * @example
 * ```ts
 * for (const mutant of mutantsOf(lesson)) console.log(mutant.id);
 * ```
 */
export function mutantsOf(lesson: Pick<Lesson, "starter" | "solution">): Mutant[] {
  const mutants: Mutant[] = [];
  const seen = new Map<string, number>();
  for (const [file, source] of Object.entries(lesson.solution).sort(([a], [b]) => a.localeCompare(b))) {
    if (!file.endsWith(".ts") || file.endsWith(".d.ts") || lesson.starter[file] === source) continue;
    const ours = changedLines(lesson.starter[file], source);
    for (const mutation of mutationsIn(file, source)) {
      const first = lineOf(source, mutation.start);
      const last = lineOf(source, Math.max(mutation.start, mutation.end - 1));
      if (!rangeTouches(ours, first, last)) continue;
      const base = `${file} ${mutation.operator}: ${mutation.description}`;
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      const mutated = applyMutation(source, mutation);
      mutants.push({
        id: count === 1 ? base : `${base} #${count}`,
        file, line: first, operator: mutation.operator, description: mutation.description,
        files: { ...lesson.solution, [file]: mutated },
        diff: unifiedDiff(file, source, mutation, first, last),
      });
    }
  }
  return mutants;
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let index = source.indexOf("\n"); index !== -1 && index < offset; index = source.indexOf("\n", index + 1)) line++;
  return line;
}

function rangeTouches(lines: Set<number>, first: number, last: number): boolean {
  for (let line = first; line <= last; line++) if (lines.has(line)) return true;
  return false;
}

/** The lines the mutation touches, before and after, under a hunk header. */
function unifiedDiff(file: string, source: string, mutation: Mutation, first: number, last: number): string {
  const lines = source.split("\n");
  const before = lines.slice(first - 1, last);
  const lineStart = lines.slice(0, first - 1).reduce((sum, text) => sum + text.length + 1, 0);
  const lineEnd = lineStart + before.join("\n").length;
  const after = applyMutation(source.slice(lineStart, lineEnd), { ...mutation, start: mutation.start - lineStart, end: mutation.end - lineStart }).split("\n");
  return [
    `--- a/${file}`,
    `+++ b/${file}`,
    `@@ -${first},${before.length} +${first},${after.length} @@`,
    ...before.map((text) => `-${text}`),
    ...after.map((text) => `+${text}`),
  ].join("\n");
}
