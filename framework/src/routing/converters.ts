/**
 * Converters turn one variable part of a URL into a value and back, as in Werkzeug's
 * `routing/converters.py`. A rule names them: `<int:id>`, `<string(length=2):code>`.
 */
import type { ConverterFactory } from "./converter.ts";
import { floatConverter, intConverter } from "./number-converters.ts";
import { anyConverter, pathConverter, stringConverter, uuidConverter } from "./text-converters.ts";

export { ValidationError } from "./validation-error.ts";

export type { Converter, ConverterArgs, ConverterFactory } from "./converter.ts";

/**
 * The built-in converters: `default` (used by `<name>`, same as `string`), `string`, `int`,
 * `float`, `path`, `uuid` and `any`.
 *
 * @example
 * ```ts
 * const upper: ConverterFactory = () => ({ regex: "[A-Z]+", weight: 100, partIsolating: true, toValue: String, toUrl: String });
 * const map = new RouteMap({ converters: { ...defaultConverters, upper } });
 * ```
 */
export const defaultConverters: Readonly<Record<string, ConverterFactory>> = Object.freeze({
  default: stringConverter,
  string: stringConverter,
  int: intConverter,
  float: floatConverter,
  path: pathConverter,
  uuid: uuidConverter,
  any: anyConverter,
});
