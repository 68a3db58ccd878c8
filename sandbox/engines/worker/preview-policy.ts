/**
 * What keeps the learner's HTML in the worker engine's preview away from the site it is shown
 * in. Previews live under `/preview/<id>/` on the site's own origin (the site's Service Worker
 * serves them), so every preview response carries a Content-Security-Policy whose `sandbox`
 * directive (without allow-same-origin) gives the document an opaque origin: no localStorage, no
 * IndexedDB, no Cache Storage, no `parent.document`, no Service Worker, no cookies of the site.
 * The rest of the policy allows no network at all: inline scripts and styles and `data:`/`blob:`
 * media only, forms only into the preview.
 *
 * Measured in Chromium 156 (sandbox/README.md): the Service Worker still sees navigations from
 * an opaque document (links, form posts, redirects), but not its subresource requests or
 * `fetch()`, which would reach the web server instead of the app; so the policy refuses them
 * rather than letting them 404. Root-relative links lose their Referer on the way, so
 * {@link rewriteRootPaths} points them into the preview before the document is shown.
 */

/**
 * The policy for one preview (`previewRoot` like "/preview/ab").
 *
 * @example
 * previewPolicy("http://learn.test", "/preview/ab")
 * // "sandbox allow-scripts allow-forms allow-popups allow-modals; default-src 'none'; …; form-action http://learn.test/preview/ab/"
 */
export function previewPolicy(origin: string, previewRoot: string): string {
  return [
    "sandbox allow-scripts allow-forms allow-popups allow-modals",
    "default-src 'none'",
    "script-src 'unsafe-inline' 'unsafe-eval'",
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    "media-src data: blob:",
    "font-src data:",
    `form-action ${origin}${previewRoot}/`,
    "base-uri 'none'",
  ].join("; ");
}

/** `href`, `src`, `action`, `formaction`, `poster` attributes whose value starts with one "/". */
const ROOT_PATH_ATTRIBUTE = /(\s(?:href|src|action|formaction|poster)\s*=\s*)(["']?)\/(?![/\\])/gi;

/**
 * Points root-relative URLs in an HTML document into the preview: the app thinks it lives at
 * the root, so its `<a href="/about">` means `/preview/<id>/about`. URLs already inside the
 * preview, relative URLs and other origins are left alone.
 *
 * @example
 * rewriteRootPaths('<a href="/about">', "/preview/ab") // '<a href="/preview/ab/about">'
 */
export function rewriteRootPaths(html: string, previewRoot: string): string {
  return html.replace(ROOT_PATH_ATTRIBUTE, (match: string, head: string, quote: string, offset: number, whole: string) => {
    const rest = whole.slice(offset + match.length - 1);
    return rest.startsWith(previewRoot + "/") || rest.startsWith(previewRoot + quote) ? match : `${head}${quote}${previewRoot}/`;
  });
}
