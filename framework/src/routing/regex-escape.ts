/**
 * Escapes text for use inside a regular expression compiled with the `u` flag, which
 * allows escaping only syntax characters and "/" (so "-" must stay as it is).
 *
 * @example
 * ```ts
 * new RegExp(`^${escapeRegex("a.b(c)")}$`, "u").test("a.b(c)"); // true
 * ```
 */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}
