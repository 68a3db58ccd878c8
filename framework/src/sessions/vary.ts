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
  if (current === null || current.trim() === "") {
    headers.set("vary", field);
    return;
  }
  const listed = current.split(",").map((token) => token.trim().toLowerCase());
  if (listed.includes("*") || listed.includes(field.toLowerCase())) return;
  headers.set("vary", `${current}, ${field}`);
}
