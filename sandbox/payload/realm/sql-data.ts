import type { RemoteValue } from "./messages";

/**
 * SQL parameters and rows as remote values: data only (no apps, functions or handles), so the
 * same code encodes and decodes them in either realm. Dates stay dates, bigints bigints; a
 * value that is not data (a function, a Map) is refused with the reason.
 */

/**
 * Encodes a parameter or a row as a {@link RemoteValue}.
 *
 * @example
 * dataToRemote({ id: 1, at: new Date(0) })
 */
export function dataToRemote(value: unknown, depth = 0): RemoteValue {
  if (depth > 32) throw new TypeError("a query value is nested more than 32 levels deep");
  if (value === undefined) return { kind: "special", value: "undefined" };
  if (value === null || typeof value === "string" || typeof value === "boolean") return { kind: "primitive", value };
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0) ? { kind: "primitive", value } : { kind: "special", value: Object.is(value, -0) ? "-0" : (String(value) as "NaN") };
  if (typeof value === "bigint") return { kind: "bigint", value: String(value) };
  if (value instanceof Date) return { kind: "date", time: value.getTime() };
  if (value instanceof Uint8Array) return { kind: "array", items: [...value].map((byte) => ({ kind: "primitive", value: byte })) };
  if (Array.isArray(value)) return { kind: "array", items: value.map((item) => dataToRemote(item, depth + 1)) };
  if (typeof value === "object" && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    return { kind: "object", entries: Object.keys(value).map((key) => [key, dataToRemote((value as Record<string, unknown>)[key], depth + 1)]) };
  }
  throw new TypeError(`a query value must be data (text, a number, a boolean, null, a Date, an array or a plain object), got ${typeof value === "function" ? "a function" : Object.prototype.toString.call(value)}`);
}

/**
 * Decodes what {@link dataToRemote} made; apps, functions and opaque values are refused.
 *
 * @example
 * dataFromRemote({ kind: "primitive", value: 1 }) // 1
 */
export function dataFromRemote(value: RemoteValue): unknown {
  switch (value.kind) {
    case "primitive":
      return value.value;
    case "special":
      return value.value === "undefined" ? undefined : value.value === "-0" ? -0 : Number(value.value);
    case "bigint":
      return BigInt(value.value);
    case "date":
      return new Date(value.time);
    case "array":
      return value.items.map(dataFromRemote);
    case "object": {
      const object: Record<string, unknown> = {};
      for (const [key, item] of value.entries) Object.defineProperty(object, key, { value: dataFromRemote(item), enumerable: true, writable: true, configurable: true });
      return object;
    }
    default:
      throw new TypeError(`a query value must be data, got ${value.kind === "opaque" ? value.description : `a ${value.kind}`}`);
  }
}
