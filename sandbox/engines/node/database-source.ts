import { existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { pgliteSnapshotPath } from "../../../scripts/build-pglite-snapshot.mjs";
import type { DatabaseSource } from "../../payload/hosts/host-config";

let building = false;

/**
 * The node engine's database: PGlite from this repository's node_modules, imported by the
 * grader host (trusted, unconfined; learner processes never read node_modules), started from the
 * initdb snapshot when it has been built (scripts/build-pglite-snapshot.mjs). Without one, the
 * first call starts building it in the background and runs initdb meanwhile.
 *
 * @example
 * new NodeSandbox({ database: defaultDatabaseSource() })
 */
export function defaultDatabaseSource(): DatabaseSource {
  const pglite = import.meta.resolve("@electric-sql/pglite");
  const sqlParser = sqlParserModule();
  const dataDir = pgliteSnapshotPath();
  if (existsSync(dataDir)) return { pglite, dataDir, sqlParser };
  if (!building) {
    building = true;
    const script = fileURLToPath(new URL("../../../scripts/build-pglite-snapshot.mjs", import.meta.url));
    spawn(process.execPath, [script], { stdio: "ignore", detached: false }).unref();
  }
  return { pglite, sqlParser };
}

/**
 * A real PostgreSQL server at `url`, through this repository's node-postgres.
 *
 * @example
 * new NodeSandbox({ database: postgresSource("postgres://postgres@127.0.0.1:5433/postgres") })
 */
export function postgresSource(url: string): DatabaseSource {
  return { url, pg: import.meta.resolve("pg"), sqlParser: sqlParserModule() };
}

/** libpg-query's Emscripten module in this repository's node_modules (its .wasm is beside it). */
function sqlParserModule(): string {
  return import.meta.resolve("libpg-query/wasm/libpg-query.js");
}
