/**
 * The lesson's database in the grader host (node, WebContainers): PGlite from the module the
 * engine names, or a real PostgreSQL server through node-postgres. Both go through vial/db's
 * adapters, so the learner's statements meet the same interface either way.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
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
  const pglite = await openThreadedPGlite({ pglite: source.pglite, ...(source.dataDir ? { dataDir: source.dataDir } : {}) }, { timeoutMs: STATEMENT_TIMEOUT_MS, init: [HARDEN_SQL, ...WIPE_STATEMENTS] });
  return sandboxDatabase(fromPGlite(pglite), parse);
}

/** libpg-query from its Emscripten module's URL (a CommonJS file) and the `.wasm` beside it. */
async function openSqlParser(url: string): Promise<SqlParser> {
  const imported = (await import(url)) as { default: ParserFactory };
  const wasmBinary = await readFile(fileURLToPath(new URL(url.replace(/\.js$/, ".wasm"))));
  return loadSqlParser(imported.default, { wasmBinary });
}

type TypeParsers = { getTypeParser(oid: number, format?: string): (text: string) => unknown };

/** pg's type parsers with int8 (counts, bigserial ids) as numbers when they fit, as PGlite gives them. */
function withInt8AsNumber(types: TypeParsers | undefined): TypeParsers {
  return { getTypeParser: (oid, format) => (oid === INT8 ? int8AsNumber : types ? types.getTypeParser(oid, format) : (text: string) => text) };
}
