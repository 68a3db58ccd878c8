/** What a URL converter is: the contract between the route map and each `<kind:name>` converter. */
/**
 * One configured converter, as used by one variable of one rule.
 *
 * @example
 * ```ts
 * const list: Converter = {
 *   regex: "[^/]+",
 *   weight: 100,
 *   partIsolating: true,
 *   toValue: (raw) => raw.split(","),
 *   toUrl: (value) => (value as string[]).join(","),
 * };
 * ```
 */
export interface Converter {
  /** Regex source for one match, without anchors (e.g. `"\\d+"`). Compiled with the `u` and `s` flags. */
  readonly regex: string;
  /** Lower is more specific and is tried first: int/float 50, string/uuid/any 100, path 200. */
  readonly weight: number;
  /** `false` only when `regex` may match "/" (like `path`); such a variable takes the rest of the URL. */
  readonly partIsolating: boolean;
  /** The value handed to the handler; throw `ValidationError` to refuse (the rule then does not match). */
  toValue(raw: string): unknown;
  /** The unencoded URL text for a value; the map percent-encodes it. Throw `ValidationError` to refuse. */
  toUrl(value: unknown): string;
}

/**
 * Arguments written in the rule: `<int(4, max=99):id>` gives `{ positional: [4], named: { max: 99 } }`.
 * Values are Python-ish literals: integers, floats, `True`/`False`/`None`, quoted or bare strings.
 *
 * @example
 * ```ts
 * // For <list(sep="+"):tags> the factory receives { positional: [], named: { sep: "+" } }.
 * const separatorOf = (args: ConverterArgs): string => String(args.named.sep ?? ",");
 * ```
 */
export interface ConverterArgs {
  positional: unknown[];
  named: Record<string, unknown>;
}

/**
 * Makes a converter from the arguments of one variable. Throw an Error to reject bad arguments.
 *
 * @example
 * ```ts
 * const hexFactory: ConverterFactory = () => ({
 *   regex: "[0-9a-f]+", weight: 100, partIsolating: true,
 *   toValue: (raw) => parseInt(raw, 16),
 *   toUrl: (value) => Number(value).toString(16),
 * });
 * new RouteMap({ converters: { ...defaultConverters, hex: hexFactory } });
 * ```
 */
export type ConverterFactory = (args: ConverterArgs) => Converter;
