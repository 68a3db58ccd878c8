/**
 * Reads a converter's arguments against the options it declares, so every built-in converter
 * reports a mistake such as `<int(maximum=3):x>` the same clear way. Positional arguments
 * fill the options in declaration order, as Python keyword arguments would.
 */
import type { ConverterArgs } from "./converter.ts";

/** How one converter option is spelled and checked. */
interface OptionSpec {
  /** The camelCase name; also the key in the result. */
  readonly name: string;
  /** Other accepted spellings, such as Werkzeug's `fixed_digits`. */
  readonly aliases?: readonly string[];
  readonly type: "integer" | "number" | "boolean";
  /** Smallest accepted value for numbers. */
  readonly atLeast?: number;
}

/**
 * Checks `args` against `specs` and returns the given options by their camelCase names.
 * Throws an Error that names the converter and the offending option.
 *
 * @example
 * ```ts
 * readOptions("int", { positional: [], named: { fixed_digits: 4 } }, [
 *   { name: "fixedDigits", aliases: ["fixed_digits"], type: "integer", atLeast: 0 },
 * ]); // { fixedDigits: 4 }
 * ```
 */
export function readOptions(converter: string, args: ConverterArgs, specs: readonly OptionSpec[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (args.positional.length > specs.length) {
    throw new Error(`the ${converter} converter takes at most ${specs.length} positional argument(s), got ${args.positional.length}`);
  }
  args.positional.forEach((value, index) => {
    const spec = specs[index];
    if (spec) result[spec.name] = checked(converter, spec, value);
  });
  for (const [given, value] of Object.entries(args.named)) {
    const spec = specs.find((candidate) => candidate.name === given || candidate.aliases?.includes(given));
    if (!spec) {
      const accepted = specs.map((candidate) => candidate.name).join(", ") || "no options";
      throw new Error(`the ${converter} converter has no option "${given}" (it accepts ${accepted})`);
    }
    if (Object.hasOwn(result, spec.name)) throw new Error(`the ${converter} converter got "${spec.name}" twice`);
    result[spec.name] = checked(converter, spec, value);
  }
  return result;
}

function checked(converter: string, spec: OptionSpec, value: unknown): unknown {
  // Python's None means "not given".
  if (value === null) return undefined;
  const fail = (expected: string) => new Error(`the ${converter} converter's "${spec.name}" must be ${expected}, got ${JSON.stringify(value)}`);
  if (spec.type === "boolean") {
    if (typeof value !== "boolean") throw fail("True or False");
    return value;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) throw fail("a number");
  if (spec.type === "integer" && !Number.isInteger(value)) throw fail("an integer");
  if (spec.atLeast !== undefined && value < spec.atLeast) throw fail(`at least ${spec.atLeast}`);
  return value;
}
