/**
 * Percent-encoding for the paths and query strings that routing builds and redirects to.
 * Paths keep the characters the WHATWG URL spec allows in a path segment, as Werkzeug's
 * `quote(value, safe="!$&'()*+,/:;=@")` does, so built URLs stay readable.
 */

// encodeURIComponent escapes these, but a path segment may carry them as they are.
const SEGMENT_SAFE_ESCAPES = /%(21|24|26|27|28|29|2A|2B|2C|3A|3B|3D|40)/g;
const SLASH_ESCAPE = /%2F/g;
// A lone surrogate cannot be UTF-8 encoded; encodeURIComponent would throw on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces lone surrogates with U+FFFD so the string can be UTF-8 encoded.
 *
 * @example
 * ```ts
 * toWellFormed("a\uD800b"); // "a\uFFFDb"
 * ```
 */
function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

/**
 * Percent-encodes text for a URL path. With `keepSlashes` (static rule text, the `path`
 * converter) a "/" stays a separator; otherwise it becomes `%2F`.
 *
 * @example
 * ```ts
 * encodePath("/öäü/");                  // "/%C3%B6%C3%A4%C3%BC/"
 * encodePath("a/b", { keepSlashes: false }); // "a%2Fb"
 * ```
 */
export function encodePath(text: string, options: { keepSlashes?: boolean } = {}): string {
  const encoded = encodeURIComponent(toWellFormed(text)).replace(SEGMENT_SAFE_ESCAPES, unescapeMatch);
  return options.keepSlashes === false ? encoded : encoded.replace(SLASH_ESCAPE, "/");
}

function unescapeMatch(_match: string, hex: string): string {
  return String.fromCharCode(parseInt(hex, 16));
}

/**
 * Encodes values as a query string (without the leading "?"). Arrays repeat their key;
 * `undefined` and `null` (also inside arrays) are left out. Keys keep insertion order.
 *
 * @example
 * ```ts
 * encodeQuery({ q: "a b", tag: ["x", "y"], page: undefined }); // "q=a%20b&tag=x&tag=y"
 * ```
 */
export function encodeQuery(values: Readonly<Record<string, unknown>>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const items: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item === undefined || item === null) continue;
      // Query values are whatever the caller passed to urlFor: objects stringify as JavaScript does, as in a template literal.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string
      pairs.push(`${encodeURIComponent(toWellFormed(key))}=${encodeURIComponent(toWellFormed(String(item)))}`);
    }
  }
  return pairs.join("&");
}
