/**
 * Turns `console.log` arguments into the text Node would print, near enough that the output
 * panel reads the same in the worker engine as in the node engine: `%s`/`%d`/`%o` substitution,
 * strings as they are, other values inspected (`{ id: 7, name: 'Ada' }`).
 */

const MAX_DEPTH = 3;
const MAX_ITEMS = 100;
const MAX_STRING = 10_000;

function quote(text: string): string {
  const cut = text.length > MAX_STRING ? text.slice(0, MAX_STRING) + "…" : text;
  return `'${cut.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'`;
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name);
}

function errorText(error: Error): string {
  const stack = typeof error.stack === "string" ? error.stack : "";
  return stack.includes(error.message) ? stack : `${error.name}: ${error.message}${stack ? "\n" + stack : ""}`;
}

function list(items: string[], open: string, close: string, more = 0): string {
  const all = more > 0 ? [...items, `... ${more} more item${more === 1 ? "" : "s"}`] : items;
  if (all.length === 0) return `${open}${close}`;
  return `${open} ${all.join(", ")} ${close}`;
}

/**
 * Shows a value as Node's `util.inspect` would, in short: nested strings quoted, objects and
 * arrays to a depth of 3, cycles marked.
 *
 * @example
 * inspect({ id: 7, tags: ["a"] }) // "{ id: 7, tags: [ 'a' ] }"
 */
export function inspect(value: unknown, depth = 0, seen: Set<object> = new Set()): string {
  switch (typeof value) {
    case "string": return depth === 0 ? value : quote(value);
    case "number": return Object.is(value, -0) ? "-0" : String(value);
    case "bigint": return `${value}n`;
    case "boolean": case "undefined": return String(value);
    case "symbol": return value.toString();
    case "function": return `[Function: ${value.name || "(anonymous)"}]`;
  }
  if (value === null) return "null";
  const object = value as object;
  if (seen.has(object)) return "[Circular *]";
  if (object instanceof Error) return depth === 0 ? errorText(object) : `[${object.name}: ${object.message}]`;
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? "Invalid Date" : object.toISOString();
  if (object instanceof RegExp) return String(object);
  if (depth > MAX_DEPTH) return Array.isArray(object) ? "[Array]" : "[Object]";
  seen.add(object);
  try {
    const inner = (item: unknown) => inspect(item, depth + 1, seen);
    if (Array.isArray(object)) {
      return list(object.slice(0, MAX_ITEMS).map(inner), "[", "]", object.length - MAX_ITEMS);
    }
    if (object instanceof Map) {
      return `Map(${object.size}) ` + list([...object].slice(0, MAX_ITEMS).map(([k, v]) => `${inner(k)} => ${inner(v)}`), "{", "}");
    }
    if (object instanceof Set) return `Set(${object.size}) ` + list([...object].slice(0, MAX_ITEMS).map(inner), "{", "}");
    if (ArrayBuffer.isView(object)) return `${object.constructor.name}(${object.byteLength}) [bytes]`;
    const entries = Object.entries(object);
    const shown = entries.slice(0, MAX_ITEMS).map(([k, v]) => `${key(k)}: ${inner(v)}`);
    const name = object.constructor && object.constructor !== Object ? `${object.constructor.name} ` : "";
    return name + list(shown, "{", "}", entries.length - MAX_ITEMS);
  } finally {
    seen.delete(object);
  }
}

/**
 * Formats console arguments like Node's `util.format`.
 *
 * @example
 * formatLog(["%s has %d items", "cart", 3]) // "cart has 3 items"
 * formatLog(["user", { id: 7 }])           // "user { id: 7 }"
 */
export function formatLog(args: unknown[]): string {
  const rest = [...args];
  let head = "";
  if (typeof rest[0] === "string" && rest[0].includes("%")) {
    const format = rest.shift() as string;
    head = format.replace(/%([sdifjoOc%])/g, (match, letter: string) => {
      if (letter === "%") return "%";
      if (rest.length === 0) return match;
      const next = rest.shift();
      switch (letter) {
        case "s": return typeof next === "string" ? next : inspect(next, 1);
        case "d": case "i": return typeof next === "bigint" ? `${next}n` : String(letter === "i" ? Math.trunc(Number(next)) : Number(next));
        case "f": return String(Number(next));
        case "j": try { return JSON.stringify(next); } catch { return "[Circular]"; }
        case "c": return "";
        default: return inspect(next, 1);
      }
    });
    if (rest.length === 0) return head;
  }
  const parts = rest.map((value) => inspect(value));
  return head ? `${head} ${parts.join(" ")}` : parts.join(" ");
}
