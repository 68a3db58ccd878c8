/** The byte-level grammar of multipart bodies: boundaries, boundary lines and blank lines. */

export const CR = 0x0d;
export const LF = 0x0a;
const DASH = 0x2d;
const SPACE = 0x20;
const TAB = 0x09;
// Transport padding allowed after a boundary before its line break (RFC 2046 allows LWSP).
const MAX_PADDING = 64;

/** {@link boundaryLineEnd}: the bytes so far cannot tell. */
export const NEED_MORE = -1;
/** {@link boundaryLineEnd}: the closing boundary ("--boundary--"). */
export const CLOSE = -2;
/** {@link boundaryLineEnd}: "--boundary" followed by something else: ordinary data. */
export const NOT_A_BOUNDARY = -3;

/**
 * Whether a boundary is acceptable (Werkzeug's rule: printable ASCII, 1–201 characters, not
 * ending with a space).
 *
 * @example
 * ```ts
 * isValidMultipartBoundary("----WebKitFormBoundary7MA4YWxkTrZu0gW"); // true
 * isValidMultipartBoundary(""); // false
 * ```
 */
export function isValidMultipartBoundary(boundary: string): boolean {
  return /^[ -~]{0,200}[!-~]$/.test(boundary);
}

/**
 * After "--boundary" at `pos`: CLOSE for "--" (the last boundary), the index after the line
 * break for a boundary line, NEED_MORE when the bytes so far cannot tell, else NOT_A_BOUNDARY.
 */
export function boundaryLineEnd(view: Uint8Array, pos: number): number {
  if (pos >= view.length) return NEED_MORE;
  if (view[pos] === DASH) {
    if (pos + 1 >= view.length) return NEED_MORE;
    return view[pos + 1] === DASH ? CLOSE : NOT_A_BOUNDARY;
  }
  let i = pos;
  while (i < view.length && (view[i] === SPACE || view[i] === TAB)) {
    if (++i - pos > MAX_PADDING) return NOT_A_BOUNDARY;
  }
  if (i >= view.length) return NEED_MORE;
  if (view[i] === LF) return i + 1;
  if (view[i] !== CR) return NOT_A_BOUNDARY;
  if (i + 1 >= view.length) return NEED_MORE;
  return view[i + 1] === LF ? i + 2 : i + 1;
}

/**
 * The first blank line at or after `from` — CRLFCRLF, LFLF or CRCR, as Werkzeug's
 * BLANK_LINE_RE — as `[start, end]`, or undefined when there is none yet.
 */
export function findBlankLine(view: Uint8Array, from: number): [number, number] | undefined {
  for (let i = from; i + 1 < view.length; i++) {
    const a = view[i];
    const b = view[i + 1];
    if (a === CR && b === LF) {
      if (i + 3 >= view.length) return undefined; // cannot tell yet whether CRLFCRLF follows
      if (view[i + 2] === CR && view[i + 3] === LF) return [i, i + 4];
    } else if ((a === CR && b === CR) || (a === LF && b === LF)) {
      return [i, i + 2];
    }
  }
  return undefined;
}
