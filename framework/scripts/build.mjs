#!/usr/bin/env node
/**
 * Builds the published package: framework/src/*.ts → framework/dist/*.js, *.d.ts and source maps
 * (tsc with tsconfig.build.json). The sources import each other by their `.ts` file; tsc rewrites
 * those specifiers to `.js` in the JavaScript, and this script does the same in the declarations,
 * so a project on any TypeScript `moduleResolution` (node16, nodenext, bundler) reads the types.
 *
 * Usage: `node scripts/build.mjs [outDir]` (default `dist`), or `await buildFramework({ outDir })`.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const frameworkRoot = dirname(dirname(fileURLToPath(import.meta.url)));

/** A relative specifier ending in `.ts`, in `from "…"`, `import("…")` or `import "…"`. */
const TS_SPECIFIER = /((?:from|import)\s*\(?\s*["'])(\.\.?\/[^"']+)\.ts(["'])/g;

function rewriteDeclarations(dir) {
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    if (!name.endsWith(".d.ts")) continue;
    const file = join(dir, name);
    const source = readFileSync(file, "utf8");
    const rewritten = source.replace(TS_SPECIFIER, "$1$2.js$3");
    if (rewritten !== source) writeFileSync(file, rewritten);
  }
}

/** Compiles the framework into `outDir` (emptied first). Throws with tsc's output on an error. */
export function buildFramework({ outDir = join(frameworkRoot, "dist") } = {}) {
  const target = resolve(frameworkRoot, outDir);
  rmSync(target, { recursive: true, force: true });
  const tsc = createRequire(join(frameworkRoot, "package.json")).resolve("typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", join(frameworkRoot, "tsconfig.build.json"), "--outDir", target], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`tsc failed to build the framework:\n${result.stdout}${result.stderr}`);
  rewriteDeclarations(target);
  return target;
}

/** Copies the repository's LICENSE and CHANGELOG.md next to package.json, so `npm pack` ships them. */
export function copyRepositoryDocuments() {
  for (const name of ["LICENSE", "CHANGELOG.md"]) {
    const source = join(frameworkRoot, "..", name);
    if (existsSync(source)) cpSync(source, join(frameworkRoot, name));
  }
}

const invokedDirectly = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (invokedDirectly) {
  const started = Date.now();
  try {
    const outDir = buildFramework({ outDir: process.argv[2] });
    copyRepositoryDocuments();
    console.log(`Built ${outDir} in ${Date.now() - started} ms`);
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
