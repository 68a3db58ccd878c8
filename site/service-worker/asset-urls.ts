/**
 * Finds the Next.js build files (scripts, styles, fonts) a page refers to, in its HTML and in
 * the React Server Components data inlined in it, so precaching a page also caches what it needs.
 */

const STATIC_PATH = /\/_next\/static\/[A-Za-z0-9_\-./~%@]+?\.(?:js|css|woff2?|json|svg|png)/g;
const CHUNK_PATH = /(?<![A-Za-z0-9_/])static\/(?:chunks|css|media)\/[A-Za-z0-9_\-./~%@]+?\.(?:js|css|woff2?)/g;

/**
 * The same-origin /_next/static/ URLs mentioned in `html`, each once, in order of appearance.
 *
 * @example
 * staticAssetUrls('<script src="/_next/static/chunks/a.js"></script>'); // ["/_next/static/chunks/a.js"]
 */
export function staticAssetUrls(html: string): string[] {
  const found = new Set<string>();
  const text = html.replace(/\\\//g, "/");
  for (const match of text.matchAll(STATIC_PATH)) found.add(match[0]);
  for (const match of text.matchAll(CHUNK_PATH)) found.add(`/_next/${match[0]}`);
  return [...found];
}
