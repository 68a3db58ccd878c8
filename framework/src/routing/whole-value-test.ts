/**
 * Plain-code tests for the converter patterns nearly every route uses. A part that is one
 * variable and nothing else only asks "does the whole text match the converter's regex?"; for
 * the built-in string, int and path converters that is a length check or a digit scan, which
 * skips a regex call per routed request. Any other pattern keeps its regex.
 */

const isDigits = (text: string, from: number): boolean => {
  if (text.length <= from) return false;
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
};

// Keyed by the converter's regex source; each agrees with `^(?:source)$` compiled with "su".
const KNOWN: Readonly<Record<string, (text: string) => boolean>> = {
  // string: one or more code points, none a slash ("[^/]" takes newlines and lone surrogates too).
  "[^/]{1,}": (text) => text.length > 0 && !text.includes("/"),
  // int: "\d" is ASCII 0-9 only, even with the "u" flag.
  "\\d+": (text) => isDigits(text, 0),
  "-?\\d+": (text) => isDigits(text, text.startsWith("-") ? 1 : 0),
  // path: a first code point that is not a slash, then anything ("s": "." takes newlines).
  "[^/].*?": (text) => text.length > 0 && text.charCodeAt(0) !== 47,
};

/**
 * A test equal to `pattern.test(text)` for the anchored pattern `^(?:regex)$` (flags "su") of a
 * part made of exactly one variable with this converter regex.
 *
 * @example
 * ```ts
 * const pattern = new RegExp("^(?:(?<__v0>\\d+))$", "su");
 * const accepts = wholeValueTest("\\d+", pattern);
 * accepts("42");  // true, as pattern.test("42")
 * accepts("4a");  // false
 * ```
 */
export function wholeValueTest(regex: string, pattern: RegExp): (text: string) => boolean {
  return Object.hasOwn(KNOWN, regex) ? (KNOWN[regex] as (text: string) => boolean) : (text) => pattern.test(text);
}
