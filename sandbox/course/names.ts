/**
 * Folder names carry order and identity: `01-first-steps` is chapter number 1 with slug
 * `first-steps`. Keeping the number in the folder name (rather than in frontmatter) means the
 * order is visible in any file browser and cannot disagree with itself.
 */

/** A parsed `NN-slug` folder name. */
export interface NumberedName {
  number: number;
  slug: string;
}

const NUMBERED = /^(\d{2,})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * Parses a `NN-slug` folder name; returns `undefined` for anything else.
 *
 * @example
 * ```ts
 * parseNumberedName("02-routing");   // { number: 2, slug: "routing" }
 * parseNumberedName("notes");        // undefined
 * ```
 */
export function parseNumberedName(name: string): NumberedName | undefined {
  const match = NUMBERED.exec(name);
  if (!match) return undefined;
  return { number: Number(match[1]), slug: match[2] ?? "" };
}

/**
 * Whether `slug` is a valid lesson or chapter slug: lowercase words joined by single dashes.
 *
 * @example
 * ```ts
 * isSlug("trailing-slashes"); // true
 * isSlug("Trailing_Slashes"); // false
 * ```
 */
export function isSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}

/**
 * Formats a folder name from a number and a slug, zero-padded to two digits.
 *
 * @example
 * ```ts
 * numberedName(3, "reading-the-request"); // "03-reading-the-request"
 * ```
 */
export function numberedName(number: number, slug: string): string {
  return `${String(number).padStart(2, "0")}-${slug}`;
}
