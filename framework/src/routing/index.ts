/**
 * Vial's URL routing, after Werkzeug: rules with converters, matching by specificity,
 * redirects for slashes, 405s, and building URLs back from endpoints.
 *
 * @example
 * ```ts
 * import { RouteMap } from "./routing";
 * const map = new RouteMap<() => string>();
 * map.add("/hello/<name>", { endpoint: "hello", methods: ["GET"], data: () => "hi" });
 * map.match("/hello/ada", "GET"); // { kind: "match", params: { name: "ada" }, ... }
 * ```
 */
export { RouteMap, type MatchResult, type RouteMapOptions, type RouteOptions } from "./map.ts";
export { Rule } from "./rule.ts";
export { BuildError } from "./build-error.ts";
export { similarity } from "./similarity.ts";
export { defaultConverters, ValidationError, type ConverterArgs, type ConverterFactory } from "./converters.ts";
export { parseConverterArgs } from "./converter-args.ts";
export { tokenizeRule } from "./rule-parser.ts";
export { encodePath, encodeQuery } from "./url-encoding.ts";
export type { RouteParams } from "./params.ts";
