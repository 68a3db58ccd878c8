import type { RemoteRoute, RemoteValue } from "../realm/messages";

/** Deeper data than this is cut (described in words), so a cyclic or huge value cannot hang us. */
const MAX_DEPTH = 16;
const MAX_NODES = 20_000;

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function hasFetch(value: unknown): boolean {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { fetch?: unknown }).fetch === "function";
}

/** The most rules of an app's URL map that cross; more than any lesson's app has. */
const MAX_ROUTES = 500;

/**
 * The rules of a Vial app's URL map (`app.urlMap.rules`), as plain data; undefined for an app
 * without one. Read defensively: the app is the learner's object.
 */
function routesOf(app: unknown): RemoteRoute[] | undefined {
  try {
    const rules = (app as { urlMap?: { rules?: unknown } }).urlMap?.rules;
    if (!Array.isArray(rules)) return undefined;
    return rules.slice(0, MAX_ROUTES).flatMap((entry: { rule?: unknown; methods?: unknown }) => {
      if (typeof entry?.rule !== "string") return [];
      const methods = entry.methods instanceof Set || Array.isArray(entry.methods) ? [...(entry.methods as Iterable<unknown>)].filter((method): method is string => typeof method === "string") : [];
      return [{ rule: entry.rule, methods: methods.map((method) => method.toUpperCase()) }];
    });
  } catch {
    return undefined;
  }
}

function describeOpaque(value: unknown): string {
  if (typeof value === "symbol") return value.toString();
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name ? `a ${name}` : "an object";
}

/**
 * The learner realm's table of values the grader holds handles to (apps and functions), and the
 * translation of values into {@link RemoteValue}s and back. Handles are numbered in the order
 * values are first seen, so a fresh learner that loads the same files hands out the same numbers.
 *
 * @example
 * const handles = createHandleTable();
 * send({ type: "returned", id, value: handles.toRemote(result) });
 */
export function createHandleTable() {
  const byHandle = new Map<number, unknown>();
  const byValue = new Map<unknown, number>();

  function handleOf(value: unknown): number {
    const known = byValue.get(value);
    if (known !== undefined) return known;
    const handle = byHandle.size + 1;
    byHandle.set(handle, value);
    byValue.set(value, handle);
    return handle;
  }

  function toRemote(value: unknown, depth = 0, budget = { nodes: 0 }, seen = new Set<object>()): RemoteValue {
    if (++budget.nodes > MAX_NODES) return { kind: "opaque", description: "(more data than the checks can see)" };
    if (hasFetch(value)) {
      const routes = routesOf(value);
      return { kind: "app", handle: handleOf(value), ...(routes ? { routes } : {}) };
    }
    if (typeof value === "function") return { kind: "function", handle: handleOf(value), name: typeof value.name === "string" ? value.name : "" };
    if (value === undefined) return { kind: "special", value: "undefined" };
    if (value === null || typeof value === "string" || typeof value === "boolean") return { kind: "primitive", value };
    if (typeof value === "number") {
      if (Number.isNaN(value)) return { kind: "special", value: "NaN" };
      if (!Number.isFinite(value)) return { kind: "special", value: value > 0 ? "Infinity" : "-Infinity" };
      return Object.is(value, -0) ? { kind: "special", value: "-0" } : { kind: "primitive", value };
    }
    if (typeof value === "bigint") return { kind: "bigint", value: value.toString() };
    if (typeof value !== "object") return { kind: "opaque", description: describeOpaque(value) };
    if (value instanceof Date) return { kind: "date", time: value.getTime() };
    if (seen.has(value)) return { kind: "opaque", description: "(a circular reference)" };
    if (depth >= MAX_DEPTH) return { kind: "opaque", description: "(data nested too deeply)" };
    if (!Array.isArray(value) && !isPlainObject(value)) return { kind: "opaque", description: describeOpaque(value) };
    seen.add(value);
    try {
      if (Array.isArray(value)) return { kind: "array", items: value.map((item) => toRemote(item, depth + 1, budget, seen)) };
      return { kind: "object", entries: Object.keys(value).map((key) => [key, toRemote((value as Record<string, unknown>)[key], depth + 1, budget, seen)]) };
    } finally {
      seen.delete(value);
    }
  }

  /** A value the grader sent (arguments of a call): handles become the learner's own values again. */
  function fromRemote(value: RemoteValue): unknown {
    switch (value.kind) {
      case "app":
      case "function":
        if (!byHandle.has(value.handle)) throw new Error("The checks passed a value from an earlier run of your code.");
        return byHandle.get(value.handle);
      case "primitive":
        return value.value;
      case "special":
        return { undefined, NaN, Infinity, "-Infinity": -Infinity, "-0": -0 }[value.value];
      case "bigint":
        return BigInt(value.value);
      case "date":
        return new Date(value.time);
      case "array":
        return value.items.map(fromRemote);
      case "object": {
        const object: Record<string, unknown> = {};
        for (const [key, item] of value.entries) Object.defineProperty(object, key, { value: fromRemote(item), enumerable: true, writable: true, configurable: true });
        return object;
      }
      case "opaque":
        return undefined;
    }
  }

  return { toRemote, fromRemote, get: (handle: number) => byHandle.get(handle), has: (handle: number) => byHandle.has(handle) };
}

export type HandleTable = ReturnType<typeof createHandleTable>;
