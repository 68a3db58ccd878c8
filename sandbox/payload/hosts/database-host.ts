/**
 * The lesson's database in the grader host (node, WebContainers): PGlite from the module the
 * engine names, or a real PostgreSQL server through node-postgres. Both go through vial/db's
 * adapters, so the learner's statements meet the same interface either way.
 */
import { readFile } from "node:fs/promises";
import { fromPg, type PgPoolLike } from "../../../framework/src/db/adapters";
import { sandboxDatabase, type SandboxDatabase } from "../grader-side/database";
import { INT8, int8AsNumber, openPGlite, type PGliteClass } from "../grader-side/pglite";
import type { DatabaseSource } from "./host-config";

/**
 * Opens the database `source` describes.
 *
 * @example
 * const sandbox = await openDatabase({ pglite: "file:///…/pglite/dist/index.js" });
 */
export async function openDatabase(source: DatabaseSource): Promise<SandboxDatabase> {
  if ("url" in source) {
    type PgModule = { Pool: new (options: unknown) => PgPoolLike; types: TypeParsers };
    const pg = (await import(source.pg)) as Partial<PgModule> & { default?: PgModule };
    const { Pool, types } = pg.default ?? (pg as PgModule);
    // One connection: the sandbox's database is one session, as PGlite's is, so SET and temp tables behave alike.
    const pool = new Pool({ connectionString: source.url, max: 1, types: withInt8AsNumber(types) });
    return sandboxDatabase(fromPg(pool));
  }
  const { PGlite } = (await import(source.pglite)) as { PGlite: PGliteClass };
  return openPGlite(PGlite, source.dataDir ? { loadDataDir: new Blob([await readFile(source.dataDir)]) } : {});
}

type TypeParsers = { getTypeParser(oid: number, format?: string): (text: string) => unknown };

/** pg's type parsers with int8 (counts, bigserial ids) as numbers when they fit, as PGlite gives them. */
function withInt8AsNumber(types: TypeParsers | undefined): TypeParsers {
  return { getTypeParser: (oid, format) => (oid === INT8 ? int8AsNumber : types ? types.getTypeParser(oid, format) : (text: string) => text) };
}
