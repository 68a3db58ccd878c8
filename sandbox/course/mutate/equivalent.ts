/**
 * Equivalent mutants: mutants of a lesson's solution that behave exactly like it for every
 * request (dropping a limiter's `name`, say), so no check could ever kill them. An author marks
 * them in the lesson's `equivalent-mutants.md`, one list item each, with the reason:
 *
 *     - `app.ts drop-option: drops the option name: "login"`: the name only labels the limiter's counters
 *
 * The id is the one `lessons:mutate` prints. A marked mutant is left out of the score; a mark
 * that matches no mutant any more is reported, so the file cannot go stale unnoticed.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** The file name inside a lesson folder. */
export const EQUIVALENT_FILE = "equivalent-mutants.md";

/** A mutant id and why it cannot be told apart from the solution. */
export interface EquivalentMark {
  id: string;
  reason: string;
}

/**
 * Parses the list items of an equivalent-mutants.md; other lines (a heading, prose) are ignored,
 * and an item without a reason is returned with an empty one, for the caller to refuse.
 *
 * @example
 * ```ts
 * parseEquivalent("- `app.ts drop-option: drops the option name: \"login\"`: only a label");
 * ```
 */
export function parseEquivalent(text: string): EquivalentMark[] {
  const marks: EquivalentMark[] = [];
  for (const line of text.split("\n")) {
    const match = /^\s*[-*]\s+`(.+?)`(?::\s*(.*))?$/.exec(line);
    if (match) marks.push({ id: match[1]?.trim() ?? "", reason: match[2]?.trim() ?? "" });
  }
  return marks;
}

/**
 * Reads a lesson's marks, or none when it has no equivalent-mutants.md.
 *
 * @example
 * ```ts
 * const marks = await readEquivalent(lesson.dir);
 * ```
 */
export async function readEquivalent(lessonDir: string): Promise<{ marks: EquivalentMark[]; text: string }> {
  try {
    const text = await readFile(join(lessonDir, EQUIVALENT_FILE), "utf8");
    return { marks: parseEquivalent(text), text };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { marks: [], text: "" };
    throw error;
  }
}
