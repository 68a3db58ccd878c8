/**
 * Media types (`Content-Type`) as Werkzeug reads them: the type is lower-cased and its parameters
 * (`charset`, `boundary`, ...) are unquoted.
 */

import { parseHeaderParams } from "./header-params.ts";

const MEDIA_TYPE = /^[a-z0-9!#$%&'*+\-.^_`|~]+\/[a-z0-9!#$%&'*+\-.^_`|~]+$/;

/**
 * A parsed `Content-Type`: `type` is `"type/subtype"` in lower case.
 *
 * @example
 * ```ts
 * const mediaType: MediaType | undefined = parseMediaType("text/html; charset=utf-8");
 * mediaType?.params.charset; // "utf-8"
 * ```
 */
interface MediaType {
  type: string;
  params: Record<string, string>;
}

/**
 * Parses a `Content-Type` header. Returns `undefined` when it is missing, empty or not of the
 * form `type/subtype`. Parameter names are lower-cased; values are unquoted but keep their case
 * (a multipart boundary is case-sensitive).
 *
 * @example
 * ```ts
 * parseMediaType('multipart/form-data; boundary="----x"');
 * // { type: "multipart/form-data", params: { boundary: "----x" } }
 * parseMediaType("Application/JSON; charset=UTF-8");
 * // { type: "application/json", params: { charset: "UTF-8" } }
 * parseMediaType(null); // undefined
 * ```
 */
export function parseMediaType(contentType: string | null | undefined): MediaType | undefined {
  if (!contentType) return undefined;
  const { value, params } = parseHeaderParams(contentType);
  const type = value.toLowerCase();
  if (!MEDIA_TYPE.test(type)) return undefined;
  return { type, params };
}

/**
 * Whether a media type is JSON: `application/json` or any `application/*+json` (as Werkzeug's
 * `is_json`). Accepts a bare type or a whole `Content-Type` value with parameters.
 *
 * @example
 * ```ts
 * isJsonMediaType("application/json");          // true
 * isJsonMediaType("application/problem+json");  // true
 * isJsonMediaType("text/json");                 // false
 * ```
 */
export function isJsonMediaType(type: string): boolean {
  const bare = type.split(";", 1)[0]!.trim().toLowerCase();
  return bare === "application/json" || (bare.startsWith("application/") && bare.endsWith("+json"));
}
