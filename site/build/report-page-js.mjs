#!/usr/bin/env node
/**
 * After `next build`: prints the JavaScript each prerendered page loads before anything lazy,
 * read from the page's HTML (script tags and the chunks its inlined RSC data names), with raw
 * and gzip sizes. Next.js 16 no longer prints this itself. Also says whether the lesson pages'
 * editor (CodeMirror) is kept out of that initial JavaScript, as it should be: it loads lazily.
 *
 * Usage: `node site/build/report-page-js.mjs` (run by `npm run build`).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const appDir = join(root, ".next/server/app");
const staticDir = join(root, ".next");
/** A string only CodeMirror's view code contains. */
const EDITOR_MARKER = "cm-content";

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith(".html") && !entry.name.startsWith("_") ? [path] : [];
  });
}

function scriptsOf(html) {
  const text = html.replace(/\\\//g, "/");
  // Legacy-browser polyfills (<script noModule>) are not loaded by the browsers the site supports.
  const legacy = new Set([...text.matchAll(/<script[^>]*src="\/_next\/(static\/[^"]+)"[^>]*noModule/gi)].map((match) => match[1]));
  const found = new Set();
  for (const match of text.matchAll(/\/_next\/(static\/[A-Za-z0-9_\-./~%@]+?\.js)/g)) found.add(match[1]);
  for (const match of text.matchAll(/(?<![A-Za-z0-9_/])(static\/chunks\/[A-Za-z0-9_\-./~%@]+?\.js)/g)) found.add(match[1]);
  return [...found].filter((file) => !legacy.has(file) && existsSync(join(staticDir, file)));
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`.padStart(9);

if (!existsSync(appDir)) {
  console.error("No build found in .next/; run `next build` first.");
  process.exit(1);
}

const rows = htmlFiles(appDir)
  .map((file) => {
    const route = "/" + relative(appDir, file).replace(/\.html$/, "").replace(/(^|\/)index$/, "");
    const scripts = scriptsOf(readFileSync(file, "utf8"));
    const contents = scripts.map((script) => readFileSync(join(staticDir, script)));
    return {
      route: route === "/" ? "/" : route.replace(/\/$/, ""),
      files: scripts.length,
      raw: contents.reduce((sum, buffer) => sum + buffer.length, 0),
      gzip: contents.reduce((sum, buffer) => sum + gzipSync(buffer).length, 0),
      editor: contents.some((buffer) => buffer.includes(EDITOR_MARKER)),
    };
  })
  .sort((a, b) => a.route.localeCompare(b.route));

const width = Math.max(...rows.map((row) => row.route.length), 5);
console.log("\nJavaScript each page loads at first (lazy chunks, such as the lesson editor, come later):\n");
console.log(`  ${"Route".padEnd(width)}  ${"raw".padStart(9)}  ${"gzip".padStart(9)}  files  editor`);
for (const row of rows) {
  const editor = row.route.startsWith("/learn/") ? (row.editor ? "in page" : "lazy") : "";
  console.log(`  ${row.route.padEnd(width)}  ${kb(row.raw)}  ${kb(row.gzip)}  ${String(row.files).padStart(5)}  ${editor}`);
}
const eager = rows.filter((row) => row.route.startsWith("/learn/") && row.editor);
if (eager.length > 0) {
  console.warn(`\nWarning: the editor is in the initial JavaScript of ${eager.length} lesson page(s); it should load lazily.`);
}
