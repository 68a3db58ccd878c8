/**
 * JSON text byte-for-byte like Python's
 * `json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=True)`, which is what
 * Flask signs. Matching it exactly means a Vial cookie and a Flask cookie for the same data and
 * time are the same string, and signatures computed by either side agree.
 */

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

/**
 * A JSON string as Python writes it: everything outside printable ASCII (space to `~`) escaped
 * as `\uXXXX` code units.
 *
 * @example
 * ```ts
 * quote('Zoë "x"'); // '"Zo\\u00eb \\"x\\""'
 * ```
 */
export function quote(text: string): string {
  // Most keys and values are plain printable ASCII: no regex, no replacement.
  let plain = true;
  for (let i = 0; i < text.length && plain; i++) {
    const code = text.charCodeAt(i);
    plain = code >= 0x20 && code <= 0x7e && code !== 0x22 && code !== 0x5c;
  }
  if (plain) return `"${text}"`;
  return `"${text.replace(/[\\"]|[^ -~]/g, (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

/**
 * Orders strings by code point, as Python sorts `str`. JavaScript's default sort compares UTF-16
 * code units, which puts astral characters (surrogates, 0xD800–0xDFFF) before U+E000–U+FFFF.
 *
 * @example
 * ```ts
 * ["🍵", "\uff21"].sort(compareCodePoints); // ["\uff21", "🍵"]
 * ```
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/**
 * JSON for a value that is not an object: `undefined` for what JSON leaves out (undefined,
 * functions, symbols), an error for a BigInt, `null` for objects (the caller writes those).
 *
 * @example
 * ```ts
 * writeScalar(1.5); // "1.5"
 * ```
 */
export function writeScalar(value: unknown): string | null | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      // Python would write NaN/Infinity, which JSON.parse rejects; null is what JSON.stringify writes.
      return Number.isFinite(value) ? JSON.stringify(value) : "null";
    case "string":
      return quote(value);
    case "bigint":
      throw new TypeError("Do not know how to serialize a BigInt");
    case "object":
      return null;
    default:
      return undefined;
  }
}

function write(value: unknown, stack: Set<object>): string | undefined {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  const scalar = writeScalar(value);
  if (scalar !== null) return scalar;
  const object = value as object;
  if (stack.has(object)) throw new TypeError("Converting circular structure to JSON");
  stack.add(object);
  try {
    if (Array.isArray(object)) {
      return `[${object.map((item) => write(item, stack) ?? "null").join(",")}]`;
    }
    const record = object as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort(compareCodePoints)) {
      const item = record[key];
      if (isSkipped(item)) continue;
      const text = write(item, stack);
      if (text !== undefined) members.push(`${quote(key)}:${text}`);
    }
    return `{${members.join(",")}}`;
  } finally {
    stack.delete(object);
  }
}

/**
 * Serializes like Python's compact, key-sorted, ASCII-only `json.dumps`; otherwise follows
 * `JSON.stringify` (calls `toJSON`, skips `undefined` members, throws on cycles and BigInt).
 *
 * @example
 * ```ts
 * dumpsPythonJson({ user_id: 42, name: "Zoë" }); // '{"name":"Zo\\u00eb","user_id":42}'
 * ```
 */
export function dumpsPythonJson(value: unknown): string {
  const text = write(value, new Set());
  if (text === undefined) throw new TypeError(`Cannot serialize ${typeof value} as JSON`);
  return text;
}
