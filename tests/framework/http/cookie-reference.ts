/**
 * The Cookie header parser before it had a fast path for plain headers, kept to check the
 * parser against: every header must give the same cookies.
 */

import { toByteString, trimAsciiWhitespace as trim, utf8FromByteString } from "../../../framework/src/http/byte-string";

// Python's \s in ASCII: space, \t \n \v \f \r (0x09-0x0d).
const EQUALS = 0x3d;
const SEMICOLON = 0x3b;
const QUOTE = 0x22;
const SLASH_ESCAPE = /\\([0-3][0-7]{2}|[^])/g;

/**
 * Parses a `Cookie` header into `{ name: value }`.
 *
 * - Pairs are split on `;`; names and values are trimmed; a pair without `=` has value `""`.
 * - The first occurrence of a name wins (as `MultiDict.get` in Werkzeug).
 * - A quoted value (`"..."`) is unquoted, with backslash escapes and `\ooo` octal bytes decoded.
 * - Names and values are decoded as UTF-8 (headers arrive as byte strings).
 * - A pair with an empty name (`=x`, `==__Host-x=bad`) is ignored, so it can never shadow a real
 *   `__Host-`/`__Secure-` cookie (CVE-2023-23934).
 * - It never throws, and the result has a null prototype (`__proto__` is an ordinary name).
 *
 * @example
 * ```ts
 * parseCookieHeader('theme=dark; session="a\\"b"; theme=light');
 * // { theme: "dark", session: 'a"b' }
 * parseCookieHeader("==__Host-id=evil; __Host-id=real"); // { "__Host-id": "real" }
 * ```
 */
export function parseCookieHeaderReference(header: string | null | undefined): Record<string, string> {
  const cookies = Object.create(null) as Record<string, string>;
  if (!header) return cookies;
  splitCookiePairs(toByteString(header) + ";", (rawName, rawValue) => {
    const name = utf8FromByteString(trim(rawName));
    if (name === "" || name in cookies) return;
    cookies[name] = decodeCookieValue(trim(rawValue));
  });
  return cookies;
}

/**
 * Hands each raw `name`, `value` pair of a header that ends with `;` to `pair` (a callback, not
 * a generator: every request with a session cookie comes through here). Mirrors Werkzeug's pattern
 * `([^=;]*)(?:\s*=\s*("(?:[^\\"]|\\.)*"|.*?))?\s*;\s*`: a value is a quoted string when a `;`
 * follows its closing quote, otherwise everything up to the next `;`.
 */
function splitCookiePairs(text: string, pair: (name: string, value: string) => void): void {
  // Linear overall: a quoted value's scan stops at the next unescaped quote, and the next quoted
  // value cannot start before it (its opening quote follows "=" or a space, never a backslash).
  let pos = 0;
  while (pos < text.length) {
    let sep = pos;
    while (text.charCodeAt(sep) !== EQUALS && text.charCodeAt(sep) !== SEMICOLON) sep++;
    const name = text.slice(pos, sep);
    if (text.charCodeAt(sep) === SEMICOLON) {
      pair(name, "");
      pos = skipWhitespace(text, sep + 1);
      continue;
    }
    const valueStart = skipWhitespace(text, sep + 1);
    let valueEnd = -1;
    if (text.charCodeAt(valueStart) === QUOTE) {
      const close = findClosingQuote(text, valueStart + 1);
      if (close !== -1 && text.charCodeAt(skipWhitespace(text, close + 1)) === SEMICOLON) valueEnd = close + 1;
    }
    const semicolon = valueEnd === -1 ? text.indexOf(";", valueStart) : skipWhitespace(text, valueEnd);
    if (valueEnd === -1) valueEnd = semicolon;
    pair(name, text.slice(valueStart, valueEnd));
    pos = skipWhitespace(text, semicolon + 1);
  }
}

function findClosingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\" && i + 1 < text.length) i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

function decodeCookieValue(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    // Work on bytes: `\342\230\203` is three bytes of one UTF-8 character.
    const unslashed = value
      .slice(1, -1)
      .replace(SLASH_ESCAPE, (_, escape: string) => (escape.length === 3 ? String.fromCharCode(parseInt(escape, 8)) : escape));
    return utf8FromByteString(unslashed);
  }
  return utf8FromByteString(value);
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  for (let code = text.charCodeAt(i); code === 0x20 || (code >= 0x09 && code <= 0x0d); code = text.charCodeAt(++i));
  return i;
}
