/**
 * Which lines of a solution file the lesson wrote: those not in the starter's version of the
 * file. Mutation testing looks only there, because a lesson's checks test the lesson's tasks;
 * code that came with the starter (often the previous lesson's solution) is tested elsewhere.
 */

/**
 * The 1-based numbers of `after`'s lines that a longest-common-subsequence diff against
 * `before` marks as added or changed. With no `before`, every line.
 *
 * @example
 * ```ts
 * changedLines("a\nb\n", "a\nx\nb\n"); // Set { 2 }
 * ```
 */
export function changedLines(before: string | undefined, after: string): Set<number> {
  const next = after.split("\n");
  if (before === undefined) return new Set(next.map((_, index) => index + 1));
  const prev = before.split("\n");
  // lengths[i][j]: the longest common subsequence of prev[i..] and next[j..]. Files are small.
  const lengths = Array.from({ length: prev.length + 1 }, () => new Array<number>(next.length + 1).fill(0));
  for (let i = prev.length - 1; i >= 0; i--) {
    for (let j = next.length - 1; j >= 0; j--) {
      const row = lengths[i] as number[];
      row[j] = prev[i] === next[j] ? (lengths[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lengths[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const changed = new Set<number>();
  let i = 0;
  let j = 0;
  while (j < next.length) {
    if (i < prev.length && prev[i] === next[j]) {
      i++;
      j++;
    } else if (i < prev.length && (lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) {
      i++;
    } else {
      changed.add(j + 1);
      j++;
    }
  }
  return changed;
}
