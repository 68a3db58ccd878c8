/**
 * Parses the argument list of a converter in a rule, `<int(min=1, max=99):id>`, the way
 * Werkzeug's `parse_converter_args` does: comma-separated Python-ish literals, each
 * optionally named (`name=value`).
 */
import type { ConverterArgs } from "./converters.ts";

// One argument followed by its comma: an optional `name =`, then True/False/None, a number,
// a quoted string (optionally r/u-prefixed, no escapes) or a bare word (`about`, `a.b`).
const ARGUMENT = /\s*(?:(\w+)\s*=\s*)?(True|False|None|-?\d+\.\d+|-?\d+\.|-?\d+|[\w.]+|[urUR]?(?:"[^"]*"|'[^']*'))\s*,/y;

const PYTHON_CONSTANTS: Readonly<Record<string, unknown>> = { True: true, False: false, None: null };

/**
 * Turns `"test, a=1, b=3.0, c='x'"` into `{ positional: ["test"], named: { a: 1, b: 3, c: "x" } }`.
 * Throws an Error naming the part it cannot read.
 *
 * @example
 * ```ts
 * parseConverterArgs("about, help");        // { positional: ["about", "help"], named: {} }
 * parseConverterArgs("min=1, signed=True"); // { positional: [], named: { min: 1, signed: true } }
 * ```
 */
export function parseConverterArgs(source: string): ConverterArgs {
  const text = `${source},`;
  const positional: unknown[] = [];
  const named: Record<string, unknown> = {};
  let position = 0;
  // Stop when only our own comma is left (also after a trailing comma, or for empty args).
  while (!/^\s*,?\s*$/.test(text.slice(position))) {
    ARGUMENT.lastIndex = position;
    const match = ARGUMENT.exec(text);
    if (match === null) {
      throw new Error(`cannot parse converter argument "${text.slice(position, -1).trim()}"`);
    }
    const [, name, raw = ""] = match;
    const value = literalValue(raw);
    if (name === undefined) positional.push(value);
    else if (Object.hasOwn(named, name)) throw new Error(`converter argument "${name}" is given twice`);
    else named[name] = value;
    position = ARGUMENT.lastIndex;
  }
  return { positional, named };
}

function literalValue(raw: string): unknown {
  if (Object.hasOwn(PYTHON_CONSTANTS, raw)) return PYTHON_CONSTANTS[raw];
  if (/^-?\d+$/.test(raw)) return Number.parseInt(raw, 10);
  if (/^-?\d+\.\d*$/.test(raw)) return Number.parseFloat(raw);
  const quoted = /^[urUR]?(["'])(.*)\1$/s.exec(raw);
  if (quoted) return quoted[2];
  return raw;
}
