/**
 * Parameters of headers such as `Content-Type: text/plain; charset=utf-8` and
 * `Content-Disposition: form-data; name="a"; filename*=UTF-8''%C3%A9.txt`, following Werkzeug's
 * `parse_options_header`: RFC 9110 tokens and quoted strings, RFC 2231/5987 `key*=charset''value`
 * and `key*0`/`key*1` continuations. Invalid parts are skipped, never thrown on.
 */

import { bytesToByteString, trimAsciiWhitespace, utf8FromByteString } from "./byte-string.ts";

const TOKEN_CHAR = /[A-Za-z0-9!#$%&'*+\-.^_`|~]/;
const CHARSET_VALUE = /^([A-Za-z0-9!#$%&*+\-.^_`|~]*)'[A-Za-z0-9!#$%&*+\-.^_`|~]*'([A-Za-z0-9!#$%&'*+\-.^_`|~]+)$/;
const CONTINUATION = /\*(\d{1,4})$/;
// Werkzeug's safe list: modern clients only send ASCII or UTF-8; anything else stays encoded.
const SAFE_CHARSETS = new Set(["ascii", "us-ascii", "utf-8", "iso-8859-1"]);

// Which source wins when a key appears in several forms: a decoded `key*` beats `key*0…` beats
// plain `key`; an undecodable `key*` is used only when nothing else is there (RFC 6266 §4.3).
const RANK_RAW_EXTENDED = 0;
const RANK_PLAIN = 1;
const RANK_CONTINUED = 2;
const RANK_EXTENDED = 3;

/**
 * Splits a header value into its main value and its parameters. Parameter names are lower-cased;
 * values are unquoted and decoded (byte strings as UTF-8, `key*` values from their charset). The
 * returned params object has a null prototype.
 *
 * @example
 * ```ts
 * parseHeaderParams('form-data; name="file"; filename*=UTF-8\'\'na%C3%AFve.txt');
 * // { value: "form-data", params: { name: "file", filename: "naïve.txt" } }
 * ```
 */
export function parseHeaderParams(header: string): { value: string; params: Record<string, string> } {
  const params = Object.create(null) as Record<string, string>;
  const semicolon = header.indexOf(";");
  // ASCII trim only: in a byte string, U+00A0 may be the second byte of a UTF-8 character.
  const value = trimAsciiWhitespace(semicolon === -1 ? header : header.slice(0, semicolon));
  if (semicolon === -1 || value === "") return { value, params };

  const ranks = new Map<string, number>();
  const set = (key: string, v: string, rank: number): void => {
    if ((ranks.get(key) ?? -1) > rank) return;
    ranks.set(key, rank);
    params[key] = v;
  };
  const continued = new Map<string, Map<number, string>>();
  let continuedEncoding: string | undefined;

  for (const [rawKey, rawValue] of splitParams(header, semicolon + 1)) {
    let key = rawKey.toLowerCase();
    let v = rawValue;
    let rank = RANK_PLAIN;
    if (key.endsWith("*")) {
      key = key.slice(0, -1);
      const match = CHARSET_VALUE.exec(v);
      let encoding: string | undefined = continuedEncoding;
      if (match) {
        encoding = match[1]!.toLowerCase() || continuedEncoding;
        v = match[2]!;
      }
      if (encoding !== undefined && SAFE_CHARSETS.has(encoding)) {
        continuedEncoding = encoding;
        v = percentDecode(v, encoding);
        rank = RANK_EXTENDED;
      } else {
        rank = RANK_RAW_EXTENDED;
      }
    }
    if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
      // HTTP escapes with a backslash; browsers' multipart bodies use %22 (HTML standard).
      v = v
        .slice(1, -1)
        .replace(/\\([\\"])/g, "$1")
        .replaceAll("%22", '"');
    }
    if (rank !== RANK_EXTENDED) v = utf8FromByteString(v);
    const piece = CONTINUATION.exec(key);
    if (piece) {
      const base = key.slice(0, piece.index);
      const pieces = continued.get(base) ?? new Map<number, string>();
      if (!pieces.has(Number(piece[1]))) pieces.set(Number(piece[1]), v);
      continued.set(base, pieces);
    } else {
      set(key, v, rank);
    }
  }
  for (const [key, pieces] of continued) {
    const ordered = [...pieces.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
    set(key, ordered.join(""), RANK_CONTINUED);
  }
  return { value, params };
}

/**
 * Finds `key=value` parts after `start`, in one linear pass. A key is a token directly followed
 * by `=`; a value is a token or a quoted string (kept with its quotes). Anything else up to the
 * next `;` is skipped.
 */
function* splitParams(header: string, start: number): Generator<[string, string]> {
  const length = header.length;
  // Linear overall: a quoted value's scan stops at the next unescaped quote, and every later
  // quoted value starts at or after it (a value's opening quote follows "=", never a backslash).
  let pos = start;
  while (pos < length) {
    while (pos < length && (header[pos] === " " || header[pos] === "\t")) pos++;
    let keyEnd = pos;
    while (keyEnd < length && TOKEN_CHAR.test(header[keyEnd]!)) keyEnd++;
    if (keyEnd > pos && header[keyEnd] === "=") {
      const key = header.slice(pos, keyEnd);
      let end = keyEnd + 1;
      if (end < length && TOKEN_CHAR.test(header[end]!)) {
        while (end < length && TOKEN_CHAR.test(header[end]!)) end++;
        yield [key, header.slice(keyEnd + 1, end)];
        pos = end;
      } else if (header[end] === '"') {
        const close = findClosingQuote(header, end + 1);
        if (close === -1) {
          pos = end + 1;
        } else {
          yield [key, header.slice(keyEnd + 1, close + 1)];
          pos = close + 1;
        }
      } else {
        pos = keyEnd + 1;
      }
    }
    const next = header.indexOf(";", pos);
    if (next === -1) break;
    pos = next + 1;
  }
}

function findClosingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\" && (text[i + 1] === "\\" || text[i + 1] === '"')) i++;
    else if (ch === '"') return i;
  }
  return -1;
}

/** `%XX` runs are decoded as bytes in the given (safe-listed) charset; other characters stay. */
function percentDecode(value: string, encoding: string): string {
  return value.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = Uint8Array.from(run.slice(1).split("%"), (hex) => parseInt(hex, 16));
    if (encoding === "iso-8859-1") return bytesToByteString(bytes);
    if (encoding === "utf-8") return new TextDecoder("utf-8").decode(bytes);
    // ASCII: bytes above 0x7F are not ASCII; replace them like Python's errors="replace".
    return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : "\ufffd")).join("");
  });
}
