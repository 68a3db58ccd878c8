/**
 * The text converters, after Werkzeug's `UnicodeConverter`, `PathConverter`, `UUIDConverter`
 * and `AnyConverter`. Lengths count code points (rules compile with the `u` flag).
 */
import type { Converter, ConverterArgs } from "./converter.ts";
import { readOptions } from "./converter-options.ts";
import { escapeRegex } from "./regex-escape.ts";
import { ValidationError } from "./validation-error.ts";

const asText = (value: unknown): string => String(value);
const identity = (raw: string): string => raw;

/**
 * `<name>` or `<string:name>`: one path segment (no "/"). Options: `minlength` (default 1),
 * `maxlength`, `length` (exact); `minLength`/`maxLength` and `min_length`/`max_length` work too.
 *
 * @example
 * ```ts
 * stringConverter({ positional: [], named: { length: 2 } }).regex; // "[^/]{2}"
 * ```
 */
export function stringConverter(args: ConverterArgs): Converter {
  const options = readOptions("string", args, [
    { name: "minLength", aliases: ["minlength", "min_length"], type: "integer", atLeast: 0 },
    { name: "maxLength", aliases: ["maxlength", "max_length"], type: "integer", atLeast: 0 },
    { name: "length", type: "integer", atLeast: 0 },
  ]) as { minLength?: number; maxLength?: number; length?: number };
  const min = options.minLength ?? 1;
  if (options.maxLength !== undefined && options.maxLength < min) {
    throw new Error(`the string converter's maxlength (${options.maxLength}) is below its minlength (${min})`);
  }
  const quantifier = options.length !== undefined ? `{${options.length}}` : `{${min},${options.maxLength ?? ""}}`;
  return { regex: `[^/]${quantifier}`, weight: 100, partIsolating: true, toValue: identity, toUrl: asText };
}

/**
 * `<path:rest>`: like string but takes slashes too, so it can match the rest of the URL.
 * It is tried after every other converter at its position (weight 200).
 *
 * @example
 * ```ts
 * // "/files/<path:name>" matches "/files/a/b.txt" with name "a/b.txt"
 * pathConverter({ positional: [], named: {} }).partIsolating; // false
 * ```
 */
export function pathConverter(args: ConverterArgs): Converter {
  readOptions("path", args, []);
  return { regex: "[^/].*?", weight: 200, partIsolating: false, toValue: identity, toUrl: asText };
}

const HEX = "[A-Fa-f0-9]";

/**
 * `<uuid:id>`: a UUID in its canonical 8-4-4-4-12 form, any case; the value is lower-cased.
 *
 * @example
 * ```ts
 * uuidConverter({ positional: [], named: {} }).toValue("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11");
 * // "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"
 * ```
 */
export function uuidConverter(args: ConverterArgs): Converter {
  readOptions("uuid", args, []);
  return {
    regex: `${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}`,
    weight: 100,
    partIsolating: true,
    toValue: (raw) => raw.toLowerCase(),
    toUrl: (value) => String(value).toLowerCase(),
  };
}

/**
 * `<any(about, help):page>`: exactly one of the listed words.
 *
 * @example
 * ```ts
 * const page = anyConverter({ positional: ["about", "help"], named: {} });
 * page.toValue("help"); // "help"
 * page.toUrl("other");  // throws ValidationError
 * ```
 */
export function anyConverter(args: ConverterArgs): Converter {
  if (Object.keys(args.named).length > 0) {
    throw new Error(`the any converter takes only positional choices, got "${Object.keys(args.named).join(", ")}="`);
  }
  const choices = args.positional.map((choice) => String(choice));
  if (choices.length === 0) throw new Error("the any converter needs at least one choice, as in <any(a, b):name>");
  const allowed = new Set(choices);
  const check = (value: string): string => {
    if (!allowed.has(value)) throw new ValidationError(`"${value}" is not one of ${choices.join(", ")}`);
    return value;
  };
  return {
    regex: `(?:${choices.map(escapeRegex).join("|")})`,
    weight: 100,
    partIsolating: true,
    toValue: check,
    toUrl: (value) => check(String(value)),
  };
}
