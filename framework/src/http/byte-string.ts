/**
 * Header values reach JavaScript as "byte strings": the fetch standard hands each header byte
 * over as one character (U+0000–U+00FF, an isomorphic decode), so UTF-8 text such as a cookie
 * value "ö" arrives as the two characters "Ã¶". These helpers move between that form and text,
 * the way Werkzeug's "WSGI encoding dance" does.
 */

const utf8Strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/**
 * Re-reads a byte string as UTF-8. Pure ASCII, invalid UTF-8 (really Latin-1 text) and strings
 * that are already text (a character above U+00FF) come back unchanged, so nothing is lost.
 *
 * @example
 * ```ts
 * utf8FromByteString("f\u00c3\u00b6"); // "fö"
 * utf8FromByteString("f\u00f6");       // "fö" (not valid UTF-8: kept as Latin-1)
 * ```
 */
export function utf8FromByteString(value: string): string {
  let hasHighByte = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0xff) return value;
    if (code >= 0x80) hasHighByte = true;
  }
  if (!hasHighByte) return value;
  try {
    return utf8Strict.decode(byteStringToBytes(value));
  } catch {
    return value;
  }
}

/**
 * Turns any string into a byte string: unchanged when every character fits in a byte, otherwise
 * its UTF-8 encoding (a header built in JavaScript may hold real text).
 *
 * @example
 * ```ts
 * toByteString("☃"); // "\u00e2\u0098\u0083"
 * ```
 */
export function toByteString(value: string): string {
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 0xff) return bytesToByteString(utf8Encoder.encode(value));
  }
  return value;
}

/**
 * The bytes of a byte string (each character's code, which must be at most 0xFF).
 *
 * @example
 * ```ts
 * byteStringToBytes("\u00c3\u00b6"); // Uint8Array [0xc3, 0xb6]
 * ```
 */
export function byteStringToBytes(value: string): Uint8Array {
  const bytes = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) bytes[i] = value.charCodeAt(i) & 0xff;
  return bytes;
}

/**
 * The byte string of some bytes: one character per byte (Latin-1 / isomorphic decode).
 *
 * @example
 * ```ts
 * bytesToByteString(new Uint8Array([0x68, 0x69])); // "hi"
 * ```
 */
export function bytesToByteString(bytes: Uint8Array): string {
  let out = "";
  // Chunked so String.fromCharCode never receives more arguments than the engine allows.
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}

const ASCII_WHITESPACE = new Set([" ", "\t", "\n", "\r", "\f", "\v"]);

/**
 * Trims ASCII whitespace only (space, tab, CR, LF, FF, VT). `String.prototype.trim` would also
 * cut U+00A0, which in a byte string is often the last byte of a UTF-8 character ("à" is C3 A0).
 *
 * @example
 * ```ts
 * trimAsciiWhitespace(" \tfile\u00c3\u00a0 "); // "file\u00c3\u00a0"
 * ```
 */
export function trimAsciiWhitespace(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && ASCII_WHITESPACE.has(value[start]!)) start++;
  while (end > start && ASCII_WHITESPACE.has(value[end - 1]!)) end--;
  return value.slice(start, end);
}
