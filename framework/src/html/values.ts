/**
 * Turns whatever was interpolated into pieces of text, each marked trusted (markup from an
 * `HtmlString`) or not (text still to be escaped). The rules are the ones a learner expects from
 * JSX or Jinja: nothing for `null`, `undefined` and `false`; `0` is "0"; lists are joined.
 */

import { isThenable } from "../thenable.ts";
import { isHtmlString } from "./html-string.ts";

/** A piece of an interpolated value: trusted markup, or text that still needs escaping. */
export interface Part {
  text: string;
  trusted: boolean;
}

/** Where a value is going, for error messages, e.g. `hole 2 (after "<p>")`. */
export type Where = () => string;

/** Breaks `value` into parts; items of a list are separated by `separator` (`""` in text, `" "` in attributes). */
export function toParts(value: unknown, separator: string, where: Where): Part[] {
  if (value === null || value === undefined || value === false) return [];
  if (isHtmlString(value)) return [{ text: value.markup, trusted: true }];
  switch (typeof value) {
    case "string":
      return [{ text: value, trusted: false }];
    case "number":
    case "bigint":
    case "boolean":
    case "symbol":
      return [{ text: String(value), trusted: false }];
    case "function":
      throw new TypeError(`html: got a function at ${where()}; call it (\${fn()}) to interpolate what it returns`);
  }
  if (isThenable(value)) throw promiseError(where);
  if (isIterable(value)) return joinItems(value, separator, where);
  // Any other object shows as a template literal shows it (its own toString, if it has one).
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return [{ text: String(value), trusted: false }];
}

function joinItems(items: Iterable<unknown>, separator: string, where: Where): Part[] {
  const parts: Part[] = [];
  for (const item of items) {
    const itemParts = toParts(item, separator, where);
    if (itemParts.length === 0) continue;
    if (parts.length > 0 && separator !== "") parts.push({ text: separator, trusted: false });
    parts.push(...itemParts);
  }
  return parts;
}

/** The error for a Promise where a value was expected. */
export function promiseError(where: Where): TypeError {
  return new TypeError(`html: got a Promise at ${where()}; templates render synchronously, so await it first: \${await value}`);
}

/** Tells whether `value` is a non-string iterable (array, Set, generator, ...). */
export function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === "object" && value !== null && typeof (value as Iterable<unknown>)[Symbol.iterator] === "function";
}

/** Joins parts, escaping the untrusted ones with `escape`. */
export function joinParts(parts: readonly Part[], escape: (text: string) => string): string {
  let out = "";
  for (const part of parts) out += part.trusted ? part.text : escape(part.text);
  return out;
}
