/**
 * `vial/routing`: the URL map on its own (Werkzeug's `Map`), its errors and converters, for custom
 * converters and for code that matches or builds URLs without an app.
 */
export { RouteMap, type MatchResult, type RouteMapOptions } from "./map.ts";
export { BuildError } from "./build-error.ts";
export { defaultConverters, ValidationError, type Converter, type ConverterArgs, type ConverterFactory } from "./converters.ts";
export type { ConverterTypes, RouteParams } from "./params.ts";
