/**
 * First-load JavaScript of the site's pages, read from a finished `next build`: every
 * `/_next/static/**.js` file a prerendered page's HTML refers to (script tags, preloads and the
 * inline React Server Components payload; not the legacy `noModule` polyfills), summed raw and
 * gzipped. This does not depend on the
 * build printing sizes, which Next 16 (Turbopack) no longer does.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** One page's first-load JavaScript. */
export interface PageWeight {
  route: string;
  files: number;
  rawBytes: number;
  gzippedBytes: number;
}

/** The build's identity and the pages measured. */
export interface SiteWeights {
  builtAt: Date;
  pages: PageWeight[];
}

/** Reads `/`, `/learn` and the first lesson page from `.next`; `undefined` without a build. */
export function measureFirstLoadJs(repoRoot: string): SiteWeights | undefined {
  const next = join(repoRoot, ".next");
  const appDir = join(next, "server/app");
  if (!existsSync(join(next, "BUILD_ID")) || !existsSync(appDir)) return undefined;
  const pages: Array<{ route: string; html: string }> = [];
  const add = (route: string, file: string) => {
    if (existsSync(file)) pages.push({ route, html: file });
  };
  add("/", join(appDir, "index.html"));
  add("/learn", join(appDir, "learn.html"));
  const lesson = firstLessonPage(join(appDir, "learn"));
  if (lesson) add(lesson.route, lesson.file);
  return {
    builtAt: statSync(join(next, "BUILD_ID")).mtime,
    pages: pages.map(({ route, html }) => weigh(route, readFileSync(html, "utf8"), next)),
  };
}

function firstLessonPage(learnDir: string): { route: string; file: string } | undefined {
  if (!existsSync(learnDir)) return undefined;
  for (const chapter of readdirSync(learnDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const lesson = readdirSync(join(learnDir, chapter)).filter((name) => name.endsWith(".html")).sort()[0];
    if (lesson) return { route: `/learn/${chapter}/${lesson.replace(/\.html$/, "")}`, file: join(learnDir, chapter, lesson) };
  }
  return undefined;
}

// Counted the way site/build/report-page-js.mjs (run by `npm run build`) counts, so the two agree.
function weigh(route: string, html: string, nextDir: string): PageWeight {
  const text = html.replace(/\\\//g, "/");
  // Legacy-browser polyfills (<script noModule>) are not loaded by the browsers the site supports.
  const legacy = new Set([...text.matchAll(/<script[^>]*src="\/_next\/(static\/[^"]+)"[^>]*noModule/gi)].map((match) => match[1]));
  const referenced = new Set<string>();
  for (const match of text.matchAll(/\/_next\/(static\/[A-Za-z0-9_\-./~%@]+?\.js)/g)) referenced.add(match[1]!);
  for (const match of text.matchAll(/(?<![A-Za-z0-9_/])(static\/chunks\/[A-Za-z0-9_\-./~%@]+?\.js)/g)) referenced.add(match[1]!);
  let rawBytes = 0;
  let gzippedBytes = 0;
  let files = 0;
  for (const path of referenced) {
    const file = join(nextDir, path);
    if (legacy.has(path) || !existsSync(file)) continue;
    const contents = readFileSync(file);
    files++;
    rawBytes += contents.byteLength;
    gzippedBytes += gzipSync(contents).byteLength;
  }
  return { route, files, rawBytes, gzippedBytes };
}
