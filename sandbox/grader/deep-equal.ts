/**
 * Structural equality as `toEqual` uses it: same primitives (Object.is), same array items,
 * same own enumerable keys (keys holding `undefined` count as missing, like Jest's toEqual),
 * Dates by time, RegExps by source, Maps and Sets by contents.
 *
 * @example
 * deepEqual({ a: [1, 2] }, { a: [1, 2] }) // true
 */
export function deepEqual(a: unknown, b: unknown, seen = new WeakMap<object, object>()): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map || b instanceof Map) return mapsEqual(a, b, seen);
  if (a instanceof Set || b instanceof Set) return setsEqual(a, b, seen);
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i], seen));
  }
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  const keysA = definedKeys(recordA);
  const keysB = definedKeys(recordB);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(recordB, key) && deepEqual(recordA[key], recordB[key], seen));
}

function definedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined);
}

function mapsEqual(a: object, b: object, seen: WeakMap<object, object>): boolean {
  if (!(a instanceof Map) || !(b instanceof Map) || a.size !== b.size) return false;
  for (const [key, value] of a) {
    if (!b.has(key) || !deepEqual(value, b.get(key), seen)) return false;
  }
  return true;
}

function setsEqual(a: object, b: object, seen: WeakMap<object, object>): boolean {
  if (!(a instanceof Set) || !(b instanceof Set) || a.size !== b.size) return false;
  const rest = [...b];
  return [...a].every((item) => {
    const index = rest.findIndex((other) => deepEqual(item, other, seen));
    if (index === -1) return false;
    rest.splice(index, 1);
    return true;
  });
}
