/** Longest preview of a value inside a message, so one huge body doesn't drown the explanation. */
const PREVIEW_LIMIT = 200;

/**
 * Shows a value the way a learner would write it: strings quoted, objects as compact JSON,
 * long values cut with an ellipsis.
 *
 * @example
 * preview("Hello")        // '"Hello"'
 * preview({ id: 1 })      // '{"id":1}'
 * preview(undefined)      // "undefined"
 */
export function preview(value: unknown, limit = PREVIEW_LIMIT): string {
  return cut(describe(value), limit);
}

function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return value.name ? `the function ${value.name}` : "a function";
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol") return value.toString();
  if (value instanceof Error) return `${value.name}(${JSON.stringify(value.message)})`;
  if (value instanceof RegExp) return String(value);
  if (typeof Headers !== "undefined" && value instanceof Headers) {
    return describe(Object.fromEntries(value.entries()));
  }
  if (value instanceof Map) return `Map ${describe(Object.fromEntries(value))}`;
  if (value instanceof Set) return `Set ${describe([...value])}`;
  try {
    return JSON.stringify(value, (_key, v: unknown) => (v === undefined ? "undefined" : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Cuts text to `limit` characters, marking the cut.
 *
 * @example
 * cut("abcdef", 3) // "abc…"
 */
export function cut(text: string, limit: number): string {
  return text.length > limit ? text.slice(0, limit) + "…" : text;
}

/**
 * Names a value's kind in plain words, for messages like "expected a string, got a number".
 *
 * @example
 * kindOf([]) // "an array"
 */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" || type === "undefined" ? `an ${type}` : `a ${type}`;
}
