#!/usr/bin/env node
/**
 * Builds the files the browser engines need for a lesson's database into `.vial-bundle/`
 * (git-ignored), served by the site under `/sandbox/<name>` and fetched only for lessons whose
 * checks use the database (sandbox/README.md, "The database"):
 *
 *   pglite.mjs             PGlite's JavaScript, one ESM file the grader Worker imports from a blob: URL
 *   pglite.wasm            PostgreSQL compiled to WebAssembly
 *   initdb.wasm            PGlite's initdb (never run: the data folder below is loaded instead, but
 *                          PGlite asks for it by URL unless it is handed the module)
 *   pglite.data            PostgreSQL's share/ files (timezones, catalogs' sources)
 *   pglite-datadir.tar.gz  the initdb snapshot (scripts/build-pglite-snapshot.mjs), gzipped: 4.5 MB
 *                          instead of 40 MB, and loading it skips initdb (most of PGlite's start)
 *   sql-parser.mjs         libpg-query's Emscripten module (PostgreSQL's parser), made an ES module:
 *                          the grader reads the app's SQL with it first (grader-side/database-boundary.ts)
 *   sql-parser.wasm        its WebAssembly
 *
 * The grader Worker has no network (its runner's policy), so the page fetches these and hands
 * them over as Blobs; the WebContainer engine writes them into the container with the payload.
 *
 * Usage: `node scripts/build-pglite-assets.mjs`, or `await buildPgliteAssets()`.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { buildPgliteSnapshot } from "./build-pglite-snapshot.mjs";

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));

/** Every database file, in the order a page fetches them. */
export const PGLITE_ASSET_NAMES = ["pglite.mjs", "pglite.wasm", "initdb.wasm", "pglite.data", "pglite-datadir.tar.gz", "sql-parser.mjs", "sql-parser.wasm"];

function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/**
 * Builds the database files unless those of the installed PGlite version are there; resolves
 * with each name's absolute path.
 *
 * @param {{ root?: string, outDir?: string }} [options]
 * @returns {Promise<Record<string, string>>}
 * @example
 * const files = await buildPgliteAssets();
 * files["pglite.wasm"]; // "/…/.vial-bundle/pglite.wasm"
 */
export async function buildPgliteAssets(options = {}) {
  const root = options.root ?? repoRoot;
  const outDir = options.outDir ?? join(root, ".vial-bundle");
  const dist = join(root, "node_modules/@electric-sql/pglite/dist");
  const parserDist = join(root, "node_modules/libpg-query/wasm");
  const version = ["@electric-sql/pglite", "libpg-query"].map((name) => `${name}@${JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version}`).join(" ");
  const files = Object.fromEntries(PGLITE_ASSET_NAMES.map((name) => [name, join(outDir, name)]));
  const stamp = join(outDir, "pglite-assets.json");
  const built = existsSync(stamp) && JSON.parse(readFileSync(stamp, "utf8")).version === version;
  if (built && Object.values(files).every((file) => existsSync(file))) return files;

  mkdirSync(outDir, { recursive: true });
  const esbuild = await import("esbuild");
  const bundled = await esbuild.build({
    stdin: { contents: `export { PGlite } from "@electric-sql/pglite";`, resolveDir: root, loader: "js" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    // Reached only under node (ENVIRONMENT_IS_NODE): left as dynamic imports a browser never runs.
    external: ["node:*"],
    target: "es2022",
    legalComments: "none",
    logLevel: "silent",
  });
  writeAtomically(files["pglite.mjs"], bundled.outputFiles[0].contents);
  for (const name of ["pglite.wasm", "initdb.wasm", "pglite.data"]) {
    const temporary = `${files[name]}.${process.pid}.tmp`;
    copyFileSync(join(dist, name), temporary);
    renameSync(temporary, files[name]);
  }
  // A UMD script that declares PgQueryModule: exported, so the grader Worker can import() it from a blob: URL.
  writeAtomically(files["sql-parser.mjs"], `${readFileSync(join(parserDist, "libpg-query.js"), "utf8")}\nexport default PgQueryModule;\n`);
  writeAtomically(files["sql-parser.wasm"], readFileSync(join(parserDist, "libpg-query.wasm")));
  const snapshot = await buildPgliteSnapshot(root);
  writeAtomically(files["pglite-datadir.tar.gz"], gzipSync(readFileSync(snapshot), { level: 9 }));
  writeAtomically(stamp, JSON.stringify({ version, builtAt: new Date().toISOString() }, null, 2));
  return files;
}

const invokedDirectly = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (invokedDirectly) {
  const started = Date.now();
  buildPgliteAssets().then(
    (files) => console.log(`PGlite's browser files in ${dirname(files["pglite.mjs"])} (${Date.now() - started} ms)`),
    (error) => {
      console.error(error.message ?? error);
      process.exitCode = 1;
    },
  );
}
