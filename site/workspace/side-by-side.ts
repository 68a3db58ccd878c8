/**
 * A side-by-side line diff (the `diff` package's line diff, laid out in two columns), for
 * "Compare with solution". Removed lines sit beside the lines that replaced them.
 */
import { diffLines } from "diff";

export interface DiffCell {
  /** 1-based line number in its file. */
  line: number;
  text: string;
}

export interface DiffRow {
  kind: "same" | "changed" | "removed" | "added";
  left: DiffCell | null;
  right: DiffCell | null;
}

/**
 * The rows of a two-column diff from `left` (the learner's file) to `right` (the solution).
 *
 * @example
 * sideBySide("a\nb\n", "a\nc\n").map((row) => row.kind); // ["same", "changed"]
 */
export function sideBySide(left: string, right: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let leftLine = 1;
  let rightLine = 1;
  const parts = diffLines(left, right);
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    const lines = splitLines(part.value);
    if (!part.added && !part.removed) {
      for (const text of lines) rows.push({ kind: "same", left: { line: leftLine++, text }, right: { line: rightLine++, text } });
      continue;
    }
    if (part.removed) {
      const following = parts[index + 1];
      const added = following?.added ? splitLines(following.value) : [];
      if (following?.added) index++;
      const count = Math.max(lines.length, added.length);
      for (let row = 0; row < count; row++) {
        const removedText = lines[row];
        const addedText = added[row];
        rows.push({
          kind: removedText !== undefined && addedText !== undefined ? "changed" : removedText !== undefined ? "removed" : "added",
          left: removedText !== undefined ? { line: leftLine++, text: removedText } : null,
          right: addedText !== undefined ? { line: rightLine++, text: addedText } : null,
        });
      }
      continue;
    }
    for (const text of lines) rows.push({ kind: "added", left: null, right: { line: rightLine++, text } });
  }
  return rows;
}

/**
 * The files that differ between the learner's work and the solution, in path order, with
 * files present on one side only included.
 *
 * @example
 * changedFiles({ "app.ts": "a" }, { "app.ts": "b", "x.ts": "" }); // ["app.ts", "x.ts"]
 */
export function changedFiles(mine: Record<string, string>, solution: Record<string, string>): string[] {
  const paths = [...new Set([...Object.keys(mine), ...Object.keys(solution)])].sort();
  return paths.filter((path) => mine[path] !== solution[path]);
}

function splitLines(value: string): string[] {
  const lines = value.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
