#!/usr/bin/env node
/**
 * Serves the static export (out/, from `SITE_EXPORT=1 npm run build`) with the headers the site
 * needs, the way a static host configured as in site/README.md would: the site's security and
 * cross-origin isolation headers (site-headers.mjs) on everything, `/learn/x` answered by
 * `learn/x.html`. For trying a static deployment locally, not production.
 *
 * Usage: node site/build/serve-static.mjs [dir=out] [port=3000]
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { siteHeaders } from "./site-headers.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

/**
 * The headers of a response to `pathname` that sends `file`.
 *
 * @example
 * staticHeaders("/_next/static/chunks/a.js", "out/_next/static/chunks/a.js")["Cache-Control"];
 * // "public, max-age=31536000, immutable"
 * @param {string} pathname
 * @param {string} file
 */
export function staticHeaders(pathname, file) {
  return {
    ...siteHeaders(pathname),
    "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
    "Cache-Control": pathname.startsWith("/_next/static/") ? "public, max-age=31536000, immutable" : "no-cache",
  };
}

/**
 * The file under `root` that answers `pathname` (`x`, `x.html` or `x/index.html`), if any.
 *
 * @param {string} root
 * @param {string} pathname
 */
function fileFor(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const base = join(root, normalize(decoded));
  if (base !== root && !base.startsWith(root + sep)) return undefined;
  for (const candidate of [base, `${base}.html`, join(base, "index.html")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * An HTTP server for the static site in `dir` (not yet listening).
 *
 * @example
 * createStaticServer("out").listen(3000);
 * @param {string} dir
 */
export function createStaticServer(dir) {
  const root = resolve(dir);
  return createServer((request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    const found = fileFor(root, pathname);
    const file = found ?? join(root, "404.html");
    response.writeHead(found ? 200 : 404, staticHeaders(pathname, file));
    if (request.method === "HEAD") return response.end();
    if (!existsSync(file)) return response.end("Not found");
    createReadStream(file).pipe(response);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? "out");
  const port = Number(process.argv[3] ?? 3000);
  createStaticServer(dir).listen(port, () => console.log(`Serving ${dir} at http://localhost:${port}`));
}
