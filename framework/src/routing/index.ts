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
export { RouteMap, type MatchResult, type RouteMapOptions, type RouteOptions } from "./map";
export { Rule, type RuleBuildResult } from "./rule";
export { BuildError, closestRule, type BuildFailure } from "./build-error";
export { similarity } from "./similarity";
export { defaultConverters, ValidationError, type Converter, type ConverterArgs, type ConverterFactory } from "./converters";
export { intConverter, floatConverter } from "./number-converters";
export { stringConverter, pathConverter, uuidConverter, anyConverter } from "./text-converters";
export { parseConverterArgs } from "./converter-args";
export { tokenizeRule, type RuleToken } from "./rule-parser";
export { encodePath, encodeQuery } from "./url-encoding";
export type { ConverterTypes, RouteParams } from "./params";
