#!/usr/bin/env node
/**
 * Pins every built page's inline scripts: adds, as the first element of its <head>, a
 * `<meta http-equiv="Content-Security-Policy">` allowing scripts from the site and exactly the
 * inline scripts the page holds, by SHA-256 hash. Next.js writes its page data as inline
 * `self.__next_f.push(...)` scripts that differ per page, so one header for all pages cannot list
 * them; the header (site-headers.mjs) allows inline scripts, and this per-page policy, enforced
 * alongside it, narrows that to the page's own. Run after `next build` (`npm run build` does):
 *
 *   node site/build/pin-inline-scripts.mjs [dir…]   default: out/ after a static export, else .next/server/app
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { OWN_POLICY_PREFIXES, pinnedScriptPolicy } from "./site-headers.mjs";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const PINNED = /<meta http-equiv="Content-Security-Policy" content="[^"]*" data-pinned-scripts=""\/>/;

/**
 * The base64 SHA-256 of every inline script in `html`, in order of appearance, without repeats.
 *
 * @example
 * inlineScriptHashes("<script>a()</script><script src=/x.js></script>"); // ["…="] (one hash)
 * @param {string} html
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    // Browsers hash the script's text after the HTML parser has turned CRLF into LF.
    hashes.add(createHash("sha256").update(body.replace(/\r\n?/g, "\n"), "utf8").digest("base64"));
  }
  return [...hashes];
}

/**
 * `html` with its inline-script policy as the first element of <head> (replacing an earlier one).
 *
 * @example
 * pinInlineScripts("<html><head><script>a()</script></head></html>");
 * // '<html><head><meta http-equiv="Content-Security-Policy" content="script-src \'self\' \'sha256-…\'" …/><script>…'
 * @param {string} html
 */
export function pinInlineScripts(html) {
  const unpinned = html.replace(PINNED, "");
  const head = /<head\b[^>]*>/i.exec(unpinned);
  if (!head) throw new Error("The page has no <head> to hold its script policy.");
  const policy = pinnedScriptPolicy(inlineScriptHashes(unpinned));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" data-pinned-scripts=""/>`;
  const at = head.index + head[0].length;
  return unpinned.slice(0, at) + meta + unpinned.slice(at);
}

/**
 * Every site page under `dir`: its .html files, but not those under a path that brings its own
 * policy (the worker engine's runner page in /sandbox/, see OWN_POLICY_PREFIXES).
 */
function sitePages(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => {
      const path = `/${relative(dir, file).split(sep).join("/")}`;
      return !OWN_POLICY_PREFIXES.some((prefix) => path.startsWith(prefix));
    });
}

/**
 * Pins every site page under `dir` in place; returns how many.
 *
 * @example
 * pinSitePages("out"); // 21
 * @param {string} dir
 */
export function pinSitePages(dir) {
  if (!existsSync(dir)) throw new Error(`${dir} does not exist: run next build first.`);
  const pages = sitePages(dir);
  for (const file of pages) writeFileSync(file, pinInlineScripts(readFileSync(file, "utf8")));
  return pages.length;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const given = process.argv.slice(2);
  const dirs = given.length > 0 ? given : [process.env.SITE_EXPORT === "1" ? "out" : ".next/server/app"];
  const pages = dirs.reduce((count, dir) => count + pinSitePages(dir), 0);
  console.log(`Pinned the inline scripts of ${pages} pages (${dirs.join(", ")}).`);
}
