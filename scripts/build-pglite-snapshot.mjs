#!/usr/bin/env node
/**
 * Builds the data folder every sandbox database starts from: PGlite's initdb, run once and kept
 * as an uncompressed tarball in `.vial-bundle/pglite-<version>.tar` (git-ignored). Loading it
 * (`PGlite.create({ loadDataDir })`) skips initdb, which is most of PGlite's start-up.
 *
 * Usage: `node scripts/build-pglite-snapshot.mjs`, or `await buildPgliteSnapshot()`.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));

/** The snapshot's path for the installed PGlite version (it changes when PGlite does). */
export function pgliteSnapshotPath(root = repoRoot) {
  const { version } = JSON.parse(readFileSync(join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8"));
  return join(root, ".vial-bundle", `pglite-${version}.tar`);
}

/**
 * Builds the snapshot unless it exists; resolves with its path.
 *
 * @example
 * const dataDir = await buildPgliteSnapshot();
 */
export async function buildPgliteSnapshot(root = repoRoot) {
  const path = pgliteSnapshotPath(root);
  if (existsSync(path)) return path;
  const { PGlite } = await import(pathToFileURL(join(root, "node_modules/@electric-sql/pglite/dist/index.js")).href);
  const pglite = await PGlite.create();
  const tarball = await pglite.dumpDataDir("none");
  await pglite.close();
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, new Uint8Array(await tarball.arrayBuffer()));
  renameSync(temporary, path);
  return path;
}

const invokedDirectly = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (invokedDirectly) {
  const started = Date.now();
  buildPgliteSnapshot().then(
    (path) => console.log(`PGlite snapshot: ${path} (${Date.now() - started} ms)`),
    (error) => {
      console.error(error.message ?? error);
      process.exitCode = 1;
    },
  );
}
