/**
 * Attribute values: escaped as text, but some attributes need more. URL attributes must not
 * start with a script scheme, and event handlers (`onclick`) and `srcdoc` hold code or markup that
 * the browser decodes before running, so no escaping makes interpolated text safe there.
 */

import { escapeHtml } from "./escape.ts";
import { isHtmlString } from "./html-string.ts";
import { isSafeUrl, isUrlAttribute, UNSAFE_URL } from "./url.ts";
import { isThenable } from "../thenable.ts";
import { isIterable, joinParts, promiseError, toParts, type Part, type Where } from "./values.ts";

/** Attributes whose value is code or markup: values there must be `raw()`. */
export function isRefusingAttribute(name: string): boolean {
  return name.startsWith("on") || name === "srcdoc";
}

/** Throws unless every non-empty part of a value for a refusing attribute is trusted. */
export function assertTrusted(name: string, parts: readonly Part[], where: Where): void {
  if (parts.every((part) => part.trusted || part.text === "")) return;
  const why =
    name === "srcdoc"
      ? "its value is parsed as a whole HTML document"
      : "its value runs as JavaScript after entities are decoded, so escaping cannot make text safe";
  throw new TypeError(
    `html: refusing to interpolate into the "${name}" attribute at ${where()}: ${why}. ` +
      "Attach event handlers from a script and pass data in a data- attribute, or wrap code you wrote yourself in raw().",
  );
}

/**
 * Decides what a URL attribute's value shows. `candidate` is the value as it will read (fixed text
 * around the hole included); an unsafe one is replaced by an inert URL rather than thrown, so one
 * hostile link cannot take a whole page down.
 */
export function checkUrl(parts: readonly Part[], candidate: string): { parts: readonly Part[]; refused: boolean } {
  if (parts.every((part) => part.trusted)) return { parts, refused: false };
  if (isSafeUrl(candidate)) return { parts, refused: false };
  return { parts: [{ text: UNSAFE_URL, trusted: true }], refused: true };
}

const ATTRIBUTE_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;

/**
 * Renders an object as attributes, each ` name="value"`: `true` gives a bare attribute, `false`,
 * `null` and `undefined` leave it out, lists are joined with spaces, values are escaped and URLs
 * checked as in a template.
 */
function renderAttributes(attributes: object, tag: string, where: Where): string {
  let out = "";
  for (const [name, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE_NAME.test(name)) {
      throw new TypeError(`html: ${JSON.stringify(name)} is not an attribute name Vial will write (at ${where()})`);
    }
    if (value === null || value === undefined || value === false) continue;
    if (value === true) {
      out += ` ${name}`;
      continue;
    }
    const lower = name.toLowerCase();
    let parts: readonly Part[] = toParts(value, " ", where);
    if (isRefusingAttribute(lower)) assertTrusted(lower, parts, where);
    if (isUrlAttribute(lower, tag)) parts = checkUrl(parts, parts.map((part) => part.text).join("")).parts;
    out += ` ${name}="${joinParts(parts, escapeHtml)}"`;
  }
  return out;
}

/**
 * What a hole between attributes (`<input ${attrs}>`) renders: attribute objects, trusted markup,
 * or nothing. `spaced` drops the first leading space when the template already has one.
 */
export function renderTagHole(value: unknown, tag: string, where: Where, spaced = false): string {
  if (value === null || value === undefined || value === false) return "";
  if (isHtmlString(value)) return value.markup;
  if (isThenable(value)) throw promiseError(where);
  let out: string;
  if (isIterable(value)) out = Array.from(value, (item) => renderTagHole(item, tag, where)).join("");
  else if (typeof value === "object") out = renderAttributes(value, tag, where);
  else {
    throw new TypeError(
      `html: a ${typeof value} between attributes at ${where()} would be written as markup; ` +
        "pass an object such as { disabled: true, title: text }, or raw() for markup you wrote yourself",
    );
  }
  return spaced && out.startsWith(" ") ? out.slice(1) : out;
}
