/** int8's type oid: `count(*)` and bigserial ids are numbers in both backends (pg would give text). */
export const INT8 = 20;

/**
 * int8 text as a number when it fits, else the text (as PGlite's and pg's parsers both get it;
 * restartable-pglite.ts has the same function for PGlite's thread).
 *
 * @example
 * int8AsNumber("42") // 42
 */
export function int8AsNumber(text: string): number | string {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : text;
}

/** What PGlite may be handed instead of fetching or building it (see PGliteOptions). */
export interface PGliteFiles {
  /** The initdb snapshot, a tarball (gzipped or not): loading it skips initdb. */
  loadDataDir?: Blob;
  /** The compiled pglite.wasm and initdb.wasm, and pglite.data: where PGlite cannot fetch them (a Worker without network). */
  pgliteWasmModule?: WebAssembly.Module;
  initdbWasmModule?: WebAssembly.Module;
  fsBundle?: Blob;
}
