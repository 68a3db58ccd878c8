/**
 * The tagger tagged JSON used before it was written in one pass: builds Flask's tagged copy of a
 * value, which `dumpsPythonJson` then writes. Kept to check the one-pass writer against.
 */
import { base64Encode } from "../../../framework/src/signing/base64";

const TAG_KEYS = new Set([" di", " t", " b", " m", " u", " d"]);

function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

export function tagReference(value: unknown, stack = new Set<object>()): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError("Cannot serialize an invalid Date");
    return { " d": value.toUTCString() };
  }
  if (value instanceof Uint8Array) return { " b": base64Encode(value) };
  if (value === null || typeof value !== "object") return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return tagReference((value as { toJSON: () => unknown }).toJSON(), stack);
  }
  if (stack.has(value)) throw new TypeError("Converting circular structure to JSON");
  stack.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => tagReference(item, stack));
    const tagged: Record<string, unknown> = {};
    let kept = 0;
    let lastKey = "";
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (isSkipped(item)) continue;
      Object.defineProperty(tagged, key, { value: tagReference(item, stack), enumerable: true, writable: true, configurable: true });
      kept++;
      lastKey = key;
    }
    if (kept === 1 && TAG_KEYS.has(lastKey)) return { " di": { [`${lastKey}__`]: tagged[lastKey] } };
    return tagged;
  } finally {
    stack.delete(value);
  }
}
