/**
 * The `int` and `float` converters, after Werkzeug's `IntegerConverter` and `FloatConverter`:
 * weight 50 (more specific than strings), unsigned unless `signed=True`, optional bounds.
 */
import type { Converter, ConverterArgs } from "./converter.ts";
import { readOptions } from "./converter-options.ts";
import { ValidationError } from "./validation-error.ts";

interface Bounds {
  min?: number;
  max?: number;
}

function checkBounds(value: number, bounds: Bounds): void {
  if ((bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max)) {
    throw new ValidationError(`${value} is outside the allowed range`);
  }
}

/**
 * `<int:id>`: digits, converted to a number. Options: `fixedDigits` (`fixed_digits`) the exact
 * length in the URL (zero-padded when building), `min`, `max`, `signed` (allow a leading "-").
 * Values beyond `Number.MAX_SAFE_INTEGER` are refused rather than rounded.
 *
 * @example
 * ```ts
 * const page = intConverter({ positional: [], named: { fixedDigits: 4 } });
 * page.toValue("0042"); // 42
 * page.toUrl(42);       // "0042"
 * ```
 */
export function intConverter(args: ConverterArgs): Converter {
  const options = readOptions("int", args, [
    { name: "fixedDigits", aliases: ["fixed_digits"], type: "integer", atLeast: 0 },
    { name: "min", type: "integer" },
    { name: "max", type: "integer" },
    { name: "signed", type: "boolean" },
  ]) as Bounds & { fixedDigits?: number; signed?: boolean };
  const fixedDigits = options.fixedDigits ?? 0;
  const signed = options.signed ?? false;
  return {
    regex: signed ? "-?\\d+" : "\\d+",
    weight: 50,
    partIsolating: true,
    toValue(raw: string): number {
      // Werkzeug counts the sign as a digit here too.
      if (fixedDigits && raw.length !== fixedDigits) throw new ValidationError(`expected ${fixedDigits} digits`);
      const value = Number(raw);
      if (!Number.isSafeInteger(value)) throw new ValidationError(`${raw} is too large`);
      checkBounds(value, options);
      return value;
    },
    toUrl(value: unknown): string {
      const number = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : typeof value === "bigint" ? Number(value) : value;
      if (typeof number !== "number" || !Number.isSafeInteger(number)) throw new ValidationError("expected an integer");
      if (number < 0 && !signed) throw new ValidationError("negative numbers need int(signed=True)");
      checkBounds(number, options);
      const digits = String(Math.abs(number)).padStart(number < 0 ? fixedDigits - 1 : fixedDigits, "0");
      return number < 0 ? `-${digits}` : digits;
    },
  };
}

/**
 * `<float:x>`: digits with a decimal point (`1.5`, not `1` or `1e3`), converted to a number.
 * Options: `min`, `max`, `signed`.
 *
 * @example
 * ```ts
 * const ratio = floatConverter({ positional: [], named: {} });
 * ratio.toValue("0.815"); // 0.815
 * ratio.toUrl(2);         // "2.0"
 * ```
 */
export function floatConverter(args: ConverterArgs): Converter {
  const options = readOptions("float", args, [
    { name: "min", type: "number" },
    { name: "max", type: "number" },
    { name: "signed", type: "boolean" },
  ]) as Bounds & { signed?: boolean };
  const signed = options.signed ?? false;
  return {
    regex: signed ? "-?\\d+\\.\\d+" : "\\d+\\.\\d+",
    weight: 50,
    partIsolating: true,
    toValue(raw: string): number {
      const value = Number(raw);
      if (!Number.isFinite(value)) throw new ValidationError(`${raw} is too large`);
      checkBounds(value, options);
      return value;
    },
    toUrl(value: unknown): string {
      const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      if (typeof number !== "number" || !Number.isFinite(number)) throw new ValidationError("expected a finite number");
      if (number < 0 && !signed) throw new ValidationError("negative numbers need float(signed=True)");
      checkBounds(number, options);
      return decimalNotation(number);
    },
  };
}

// String(1e-7) is "1e-7" and String(1e21) is "1e+21"; the URL needs plain digits with a point.
// Moving the point in the shortest round-trip form keeps every digit, so the value parses back.
function decimalNotation(value: number): string {
  let text = String(value);
  const exponential = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (exponential) {
    const [, sign = "", whole = "", fraction = "", exponent = "0"] = exponential;
    const digits = whole + fraction;
    const point = whole.length + Number(exponent);
    if (point <= 0) text = `${sign}0.${"0".repeat(-point)}${digits}`;
    else if (point >= digits.length) text = `${sign}${digits}${"0".repeat(point - digits.length)}`;
    else text = `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  return text.includes(".") ? text : `${text}.0`;
}
