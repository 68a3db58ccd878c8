/**
 * The lesson's database in the grader host (node, WebContainers): PGlite from the module the
 * engine names, or a real PostgreSQL server through node-postgres. Both go through vial/db's
 * adapters, so the learner's statements meet the same interface either way.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fromPg, fromPGlite, type PgPoolLike } from "../../../framework/src/db/adapters";
import { sandboxDatabase, type SandboxDatabase } from "../grader-side/database";
import { APP_ROLE, HARDEN_SQL, STATEMENT_TIMEOUT_MS, WIPE_STATEMENTS } from "../grader-side/database-boundary";
import { INT8, int8AsNumber } from "../grader-side/pglite";
import { openThreadedPGlite } from "./pglite-thread";
import { loadSqlParser, type ParserFactory, type SqlParser } from "../grader-side/sql-parser";
import type { DatabaseSource } from "./host-config";

/**
 * Opens the database `source` describes.
 *
 * @example
 * const sandbox = await openDatabase({ pglite: "file:///…/pglite/dist/index.js" });
 */
export async function openDatabase(source: DatabaseSource): Promise<SandboxDatabase> {
  const parse = await openSqlParser(source.sqlParser);
  if ("url" in source) {
    type PgModule = { Pool: new (options: unknown) => PgPoolLike; types: TypeParsers };
    const pg = (await import(source.pg)) as Partial<PgModule> & { default?: PgModule };
    const { Pool, types } = pg.default ?? (pg as PgModule);
    // The app's role must exist before a connection can start as it: made by a first, plain connection.
    const setup = new Pool({ connectionString: source.url, max: 1 });
    try {
      await setup.query(HARDEN_SQL);
    } finally {
      await setup.end();
    }
    // One connection: the sandbox's database is one session, as PGlite's is, so SET and temp tables
    // behave alike. pg's pool replaces its connection after an error, so every connection starts
    // as the app's role with the wipe's settings, not only the first.
    const options = `-c role=${APP_ROLE} -c search_path=public -c statement_timeout=${STATEMENT_TIMEOUT_MS}`;
    const pool = new Pool({ connectionString: source.url, max: 1, options, types: withInt8AsNumber(types) });
    return sandboxDatabase(fromPg(pool), parse);
  }
  // On its own thread, so an endless statement can be stopped (pglite-thread.ts).
  const pglite = await openThreadedPGlite({ pglite: source.pglite, ...(source.dataDir ? { dataDir: source.dataDir } : {}), ...(source.files ? { files: source.files } : {}) }, { timeoutMs: STATEMENT_TIMEOUT_MS, init: [HARDEN_SQL, ...WIPE_STATEMENTS] });
  return sandboxDatabase(fromPGlite(pglite), parse);
}

/** libpg-query from its Emscripten module's URL (a CommonJS file, `.js` or `.cjs`) and the `.wasm` beside it. */
async function openSqlParser(url: string): Promise<SqlParser> {
  const imported = (await import(url)) as { default: ParserFactory };
  const wasmBinary = await readFile(fileURLToPath(new URL(url.replace(/\.c?js$/, ".wasm"))));
  return loadSqlParser(imported.default, { wasmBinary });
}

/**
 * The source with its payload-relative paths and module URLs made absolute against `root` (the
 * payload's root): the WebContainer engine names the files it mounted by where they are in the
 * payload, not in the container. Absolute paths and URLs are kept.
 *
 * @example
 * resolveDatabaseSource({ pglite: ".vial/pglite.mjs", sqlParser: ".vial/sql-parser.cjs" }, "/home/app/grade")
 * // { pglite: "file:///home/app/grade/.vial/pglite.mjs", sqlParser: "file:///home/app/grade/.vial/sql-parser.cjs" }
 */
export function resolveDatabaseSource(source: DatabaseSource, root: string): DatabaseSource {
  const isUrl = (value: string) => /^[a-z][a-z0-9+.-]+:/i.test(value);
  const path = (value: string) => (isAbsolute(value) || isUrl(value) ? value : resolve(root, value));
  const moduleUrl = (value: string) => (isUrl(value) ? value : pathToFileURL(path(value)).href);
  const sqlParser = moduleUrl(source.sqlParser);
  if ("url" in source) return { ...source, sqlParser };
  return {
    pglite: moduleUrl(source.pglite), sqlParser,
    ...(source.dataDir ? { dataDir: path(source.dataDir) } : {}),
    ...(source.files ? { files: { pgliteWasm: path(source.files.pgliteWasm), initdbWasm: path(source.files.initdbWasm), fsBundle: path(source.files.fsBundle) } } : {}),
  };
}

type TypeParsers = { getTypeParser(oid: number, format?: string): (text: string) => unknown };

/** pg's type parsers with int8 (counts, bigserial ids) as numbers when they fit, as PGlite gives them. */
function withInt8AsNumber(types: TypeParsers | undefined): TypeParsers {
  return { getTypeParser: (oid, format) => (oid === INT8 ? int8AsNumber : types ? types.getTypeParser(oid, format) : (text: string) => text) };
}
