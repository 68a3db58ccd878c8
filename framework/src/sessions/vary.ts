/**
 * Adding a field to `Vary` without losing what is there: a response that depends on the session
 * must say so to caches, and other code (CORS, compression) may have listed its own fields.
 */

/**
 * Adds `field` to the `Vary` header unless it is already listed (case-insensitively) or the
 * header is `*`, which already covers every field.
 *
 * @example
 * ```ts
 * import { addVary } from "vial";
 * const headers = new Headers({ vary: "Accept-Encoding" });
 * addVary(headers, "Cookie"); // vary: "Accept-Encoding, Cookie"
 * addVary(headers, "cookie"); // unchanged
 * ```
 */
export function addVary(headers: Headers, field: string): void {
  const current = headers.get("vary");
  const merged = varyWith(current, field);
  if (merged !== current) headers.set("vary", merged);
}

/**
 * The `Vary` value `current` (or none) with `field` added, or `current` itself when it already
 * covers the field; for header records that are not a `Headers`.
 *
 * @example
 * ```ts
 * import { varyWith } from "./vary.ts"; // internal: deferred responses amend their header record with it
 * varyWith("Accept-Encoding", "Cookie"); // "Accept-Encoding, Cookie"
 * varyWith(null, "Cookie"); // "Cookie"
 * ```
 */
export function varyWith(current: string | null | undefined, field: string): string {
  if (current == null || current.trim() === "") return field;
  const listed = current.split(",").map((token) => token.trim().toLowerCase());
  if (listed.includes("*") || listed.includes(field.toLowerCase())) return current;
  return `${current}, ${field}`;
}
