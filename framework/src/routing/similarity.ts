/**
 * How alike two names are, as Python's `difflib.SequenceMatcher(None, a, b).ratio()` measures it
 * (Werkzeug ranks build-error suggestions with it): twice the matched characters over the total
 * length, where matches are found by taking the longest common block, then recursing on either
 * side of it (Ratcliff/Obershelp). difflib's "autojunk" only applies to texts of 200 characters
 * and more, which endpoint names are not, so it is left out.
 */

/**
 * A number from 0 (nothing in common) to 1 (equal).
 *
 * @example
 * ```ts
 * similarity("helloworld", "world"); // 0.666…: 2 × 5 matched / 15 characters
 * ```
 */
export function similarity(a: string, b: string): number {
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * matchedCharacters(a, 0, a.length, b, 0, b.length)) / total;
}

function matchedCharacters(a: string, aLo: number, aHi: number, b: string, bLo: number, bHi: number): number {
  const [i, j, size] = longestMatch(a, aLo, aHi, b, bLo, bHi);
  if (size === 0) return 0;
  return size + matchedCharacters(a, aLo, i, b, bLo, j) + matchedCharacters(a, i + size, aHi, b, j + size, bHi);
}

/** The longest common block; among equals, the one starting first in `a`, then first in `b` (difflib's tie-break). */
function longestMatch(a: string, aLo: number, aHi: number, b: string, bLo: number, bHi: number): [number, number, number] {
  let best: [number, number, number] = [aLo, bLo, 0];
  // runs[j + 1]: length of the common run ending at a[i - 1] and b[j], from the previous row.
  let previous = new Array<number>(bHi - bLo + 1).fill(0);
  for (let i = aLo; i < aHi; i++) {
    const current = new Array<number>(bHi - bLo + 1).fill(0);
    for (let j = bLo; j < bHi; j++) {
      if (a[i] !== b[j]) continue;
      const run = (previous[j - bLo] as number) + 1;
      current[j - bLo + 1] = run;
      if (run > best[2]) best = [i - run + 1, j - run + 1, run];
    }
    previous = current;
  }
  return best;
}
