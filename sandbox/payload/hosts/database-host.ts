/**
 * The lesson's database in the grader host (node, WebContainers): PGlite from the module the
 * engine names, or a real PostgreSQL server through node-postgres. Both go through vial/db's
 * adapters, so the learner's statements meet the same interface either way.
 */
import { readFile } from "node:fs/promises";
import { fromPg, fromPGlite, type PgPoolLike, type PGliteLike } from "../../../framework/src/db/adapters";
import { sandboxDatabase, type SandboxDatabase } from "../grader-side/database";
import type { DatabaseSource } from "./host-config";

/** int8's type oid: `count(*)` and bigserial ids are numbers in both backends (pg would give text). */
const INT8 = 20;

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
  const { PGlite } = (await import(source.pglite)) as { PGlite: { create(options: unknown): Promise<PGliteLike> } };
  const loadDataDir = source.dataDir ? new Blob([await readFile(source.dataDir)]) : undefined;
  // relaxedDurability: the database is in memory and thrown away; waiting for its "disk" made each reset 4x slower.
  const pglite = await PGlite.create({ ...(loadDataDir ? { loadDataDir } : {}), relaxedDurability: true, parsers: { [INT8]: toNumber } });
  return sandboxDatabase(fromPGlite(pglite));
}

function toNumber(text: string): number | string {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : text;
}

type TypeParsers = { getTypeParser(oid: number, format?: string): (text: string) => unknown };

/** pg's type parsers with int8 (counts, bigserial ids) as numbers when they fit, as PGlite gives them. */
function withInt8AsNumber(types: TypeParsers | undefined): TypeParsers {
  return { getTypeParser: (oid, format) => (oid === INT8 ? toNumber : types ? types.getTypeParser(oid, format) : (text: string) => text) };
}
