import { fromPGlite, type PGliteLike } from "../../../framework/src/db/adapters";
import { sandboxDatabase, type SandboxDatabase } from "./database";
import type { SqlParser } from "./sql-parser";

/** int8's type oid: `count(*)` and bigserial ids are numbers in both backends (pg would give text). */
export const INT8 = 20;

/**
 * int8 text as a number when it fits, else the text (as PGlite's and pg's parsers both get it).
 *
 * @example
 * int8AsNumber("42") // 42
 */
export function int8AsNumber(text: string): number | string {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : text;
}

/** PGlite's class, from whichever copy the engine loaded (node_modules, or the page's bytes). */
export type PGliteClass = { create(options: Record<string, unknown>): Promise<PGliteLike> };

/** What PGlite may be handed instead of fetching or building it (see PGliteOptions). */
export interface PGliteFiles {
  /** The initdb snapshot, a tarball (gzipped or not): loading it skips initdb. */
  loadDataDir?: Blob;
  /** The compiled pglite.wasm and initdb.wasm, and pglite.data: where PGlite cannot fetch them (a Worker without network). */
  pgliteWasmModule?: WebAssembly.Module;
  initdbWasmModule?: WebAssembly.Module;
  fsBundle?: Blob;
}

/**
 * Starts PGlite as the sandbox's database, the same way in every engine: in memory, int8 as
 * numbers, and `relaxedDurability` (the database is thrown away; waiting for its "disk" made
 * each reset 4x slower).
 *
 * @example
 * const sandbox = await openPGlite(PGlite, parse, { loadDataDir: snapshot });
 */
export async function openPGlite(PGlite: PGliteClass, parse: SqlParser, files: PGliteFiles = {}): Promise<SandboxDatabase> {
  const given = Object.fromEntries(Object.entries(files).filter(([, value]) => value !== undefined));
  const pglite = await PGlite.create({ ...given, relaxedDurability: true, parsers: { [INT8]: int8AsNumber } });
  return sandboxDatabase(fromPGlite(pglite), parse);
}
