/**
 * Flask's `TaggedJSONSerializer` (`flask/json/tag.py`): JSON where a one-key object whose key is
 * a tag stands for a type JSON lacks. Reading understands every Flask tag, so sessions written by
 * Flask load in Vial; writing tags what JavaScript has an equivalent for (Date, Uint8Array).
 *
 * | tag    | Flask type     | Vial value                          |
 * |--------|----------------|-------------------------------------|
 * | `" t"` | tuple          | array                               |
 * | `" b"` | bytes          | Uint8Array                          |
 * | `" m"` | Markup         | string (the HTML source)            |
 * | `" u"` | UUID           | string, `xxxxxxxx-xxxx-...` lowercase |
 * | `" d"` | datetime       | Date (null if unparseable, as Werkzeug's `parse_date`) |
 * | `" di"`| dict whose only key looks like a tag | object        |
 */
import { base64Decode, base64Encode } from "./base64.ts";
import { compareCodePoints, quote, writeScalar } from "./python-json.ts";
import type { JsonCodec } from "./serializer.ts";

const TAG_KEYS = new Set([" di", " t", " b", " m", " u", " d"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/**
 * Tagged JSON in Python's layout, in one pass: what `dumpsPythonJson` gives for the value
 * Flask's tagger would make (a Date as `{" d": ...}`, a Uint8Array as `{" b": ...}`, an object
 * whose only key looks like a tag as `{" di": {"<key>__": ...}}`), without building the tagged
 * copy first. `toJSON` is followed until it gives something without one, as the tagger does.
 */
function writeTagged(value: unknown, stack: Set<object>): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError("Cannot serialize an invalid Date");
    return `{" d":${quote(value.toUTCString())}}`;
  }
  if (value instanceof Uint8Array) return `{" b":${quote(base64Encode(value))}}`;
  const scalar = writeScalar(value);
  if (scalar !== null) return scalar;
  const object = value as Record<string, unknown>;
  if (typeof object.toJSON === "function") return writeTagged((object as { toJSON: () => unknown }).toJSON(), stack);
  if (stack.has(object)) throw new TypeError("Converting circular structure to JSON");
  stack.add(object);
  try {
    if (Array.isArray(object)) return `[${object.map((item) => writeTagged(item, stack) ?? "null").join(",")}]`;
    // Members are written in the object's order (the order toJSON calls happen in), then sorted.
    const keys: string[] = [];
    const texts: (string | undefined)[] = [];
    for (const key of Object.keys(object)) {
      const item = object[key];
      if (isSkipped(item)) continue;
      keys.push(key);
      texts.push(writeTagged(item, stack));
    }
    if (keys.length === 1 && TAG_KEYS.has(keys[0]!)) {
      return `{" di":{${texts[0] === undefined ? "" : `${quote(`${keys[0]}__`)}:${texts[0]}`}}}`;
    }
    const order = keys.map((_, i) => i);
    if (order.length > 1) order.sort((a, b) => compareCodePoints(keys[a]!, keys[b]!));
    let members = "";
    for (const i of order) {
      const text = texts[i];
      if (text === undefined) continue;
      members += `${members === "" ? "" : ","}${quote(keys[i]!)}:${text}`;
    }
    return `{${members}}`;
  } finally {
    stack.delete(object);
  }
}

function parseUuid(text: unknown): string {
  if (typeof text !== "string") throw new TypeError("A UUID tag must hold a string");
  const hex = text
    .trim()
    .replace(/^urn:uuid:/i, "")
    .replace(/^\{|\}$/g, "")
    .replace(/-/g, "")
    .toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new TypeError(`Malformed UUID ${JSON.stringify(text)}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function untag(value: Record<string, unknown>): unknown {
  const keys = Object.keys(value);
  const key = keys[0];
  if (keys.length !== 1 || key === undefined || !TAG_KEYS.has(key)) return value;
  const inner = value[key];
  switch (key) {
    case " t":
      if (!Array.isArray(inner)) throw new TypeError("A tuple tag must hold an array");
      return inner;
    case " b": {
      const bytes = typeof inner === "string" ? base64Decode(inner) : undefined;
      if (!bytes) throw new TypeError("A bytes tag must hold base64 text");
      return bytes;
    }
    case " m":
      if (typeof inner !== "string") throw new TypeError("A markup tag must hold a string");
      return inner;
    case " u":
      return parseUuid(inner);
    case " d": {
      const time = typeof inner === "string" ? Date.parse(inner) : NaN;
      return Number.isNaN(time) ? null : new Date(time);
    }
    default: {
      const [innerKey] = isRecord(inner) ? Object.keys(inner) : [];
      if (innerKey === undefined) throw new TypeError("A dict tag must hold a non-empty object");
      return { [innerKey.slice(0, -2)]: (inner as Record<string, unknown>)[innerKey] };
    }
  }
}

const untagReviver = (_key: string, value: unknown): unknown => (isRecord(value) ? untag(value) : value);

/**
 * Flask's tagged JSON as a codec for {@link URLSafeTimedSerializer}: tags on the way out, then
 * Python-compatible compact sorted ASCII JSON; untags every object on the way in.
 *
 * @example
 * ```ts
 * taggedJsonCodec.dumps({ at: new Date(0) }); // '{"at":{" d":"Thu, 01 Jan 1970 00:00:00 GMT"}}'
 * taggedJsonCodec.loads('{"pair":{" t":[1,2]}}'); // { pair: [1, 2] }
 * ```
 */
export const taggedJsonCodec: JsonCodec = {
  dumps: (value) => {
    const text = writeTagged(value, new Set());
    if (text === undefined) throw new TypeError(`Cannot serialize ${typeof value} as JSON`);
    return text;
  },
  // A reviver makes JSON.parse several times slower, and most sessions hold no tag: every tag key
  // starts with a space, written literally (`" t"`) or as `\u0020`, so text with neither a quote
  // before a space nor a `\u` escape has none.
  loads: (text): unknown => (text.includes('" ') || text.includes("\\u") ? JSON.parse(text, untagReviver) : JSON.parse(text)),
};
