#!/usr/bin/env node
/**
 * Serves the static export (out/, from `SITE_EXPORT=1 npm run build`) with the headers the site
 * needs, the way a static host configured as in site/README.md would: COOP/COEP on everything,
 * `/learn/x` answered by `learn/x.html`. For trying a static deployment locally, not production.
 *
 * Usage: node site/build/serve-static.mjs [dir=out] [port=3000]
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";

const dir = resolve(process.argv[2] ?? "out");
const port = Number(process.argv[3] ?? 3000);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
};

const ISOLATION = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};

function fileFor(pathname) {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  const base = join(dir, safe);
  if (!base.startsWith(dir)) return undefined;
  for (const candidate of [base, `${base}.html`, join(base, "index.html")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

createServer((request, response) => {
  const { pathname } = new URL(request.url ?? "/", "http://localhost");
  const file = fileFor(pathname) ?? join(dir, "404.html");
  const status = fileFor(pathname) ? 200 : 404;
  response.writeHead(status, {
    ...ISOLATION,
    "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
    "Cache-Control": pathname.startsWith("/_next/static/") ? "public, max-age=31536000, immutable" : "no-cache",
  });
  if (request.method === "HEAD") return response.end();
  createReadStream(file).pipe(response);
}).listen(port, () => console.log(`Serving ${dir} at http://localhost:${port}`));
