/** `application/x-www-form-urlencoded` bodies (HTML forms without files). */

import { MultiDict } from "../http/multidict.ts";

/**
 * Parses an urlencoded body: `&`-separated pairs, `+` as space, percent-escapes decoded as
 * UTF-8 (invalid sequences become U+FFFD), a pair without `=` has value `""`, repeats are kept.
 *
 * @example
 * ```ts
 * parseUrlEncoded(new TextEncoder().encode("tag=a&tag=b&q=hello+world")).getAll("tag"); // ["a", "b"]
 * ```
 */
export function parseUrlEncoded(body: Uint8Array): MultiDict<string> {
  // The leading "&" stops URLSearchParams from dropping a leading "?" as if it began a query.
  const params = new URLSearchParams(`&${new TextDecoder("utf-8").decode(body)}`);
  return new MultiDict(params);
}
