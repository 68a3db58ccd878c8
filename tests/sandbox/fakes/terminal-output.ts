/**
 * How a WebContainer process's output reaches the page, as the stand-in reproduces it: a
 * terminal's, so "\n" arrives as "\r\n" and NUL characters are dropped (a PTY passes them, but
 * xterm-style terminals and the container's stream do not keep them); and in chunks that do not
 * respect characters: a write may arrive split anywhere, even between the two halves of a
 * character outside the BMP (for a UTF-8 stream, inside the character's bytes).
 */

/** The longest chunk the stand-in hands on; a terminal's reads are small and fall anywhere. */
export const CHUNK_CHARS = 5;

/**
 * Where the stand-in splits text: every {@link CHUNK_CHARS} characters, and right after every
 * high surrogate (the worst place: between the two halves of one character).
 *
 * @example
 * splitPoints("ab🙂cdefg") // [3, 5]
 */
export function splitPoints(text: string): number[] {
  const points = new Set<number>();
  for (let i = CHUNK_CHARS; i < text.length; i += CHUNK_CHARS) points.add(i);
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) points.add(i + 1);
  }
  return [...points].sort((a, b) => a - b);
}

/**
 * Turns what a process wrote into the chunks a page reads.
 *
 * @example
 * terminalChunks("ok\n\u0000VIAL") // ["ok\r\nV", "IAL"]
 */
export function terminalChunks(written: string): string[] {
  const text = written.split("\u0000").join("").replace(/\r?\n/g, "\r\n");
  const chunks: string[] = [];
  let from = 0;
  for (const point of [...splitPoints(text), text.length]) {
    if (point > from) chunks.push(text.slice(from, point));
    from = point;
  }
  return chunks;
}

/**
 * No half of a surrogate pair without its other half (String#isWellFormed, for ES2022 targets).
 *
 * @example
 * wellFormed("🙂".slice(0, 1)) // false
 */
export function wellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
