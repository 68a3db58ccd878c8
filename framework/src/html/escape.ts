/**
 * Escaping for the two places an interpolated value can land in markup: text (and quoted
 * attribute values, which need the same five characters), and unquoted attribute values, where
 * whitespace, `=` and backticks would also end or bend the value.
 */

const TEXT_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const TEXT_SPECIALS = /[&<>"']/g;
// Whitespace ends an unquoted value; `=` and backticks confuse old parsers (IE). Numeric
// references decode back to the same characters, so the value the browser sees is unchanged.
const UNQUOTED_SPECIALS = /[&<>"'\t\n\f\r =`]/g;

/**
 * Escapes `&`, `<`, `>`, `"` and `'` so a string shows as text in HTML content or in a quoted
 * attribute value. Other values are turned into strings first.
 *
 * @example
 * ```ts
 * import { escapeHtml } from "vial";
 * escapeHtml(`<a href="x">Tom & 'Jerry'</a>`);
 * // "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
 * ```
 */
export function escapeHtml(text: string): string {
  return String(text).replace(TEXT_SPECIALS, (ch) => TEXT_ENTITIES[ch] ?? ch);
}

/** Escapes for an unquoted attribute value: everything `escapeHtml` does, plus whitespace, `=` and `` ` ``. */
export function escapeUnquotedAttribute(text: string): string {
  return text.replace(UNQUOTED_SPECIALS, (ch) => TEXT_ENTITIES[ch] ?? `&#${ch.charCodeAt(0)};`);
}
