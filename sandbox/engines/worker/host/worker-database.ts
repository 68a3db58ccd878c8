/**
 * The lesson's database in the worker engine: PGlite in the grader's Worker, never a learner's.
 * The runner's policy gives this Worker no network, so the page fetches PGlite's files (cached by
 * the Service Worker) and hands them over as Blobs; the code is imported from a blob: URL made
 * here, the WebAssembly compiled here from bytes.
 */
import type { SandboxDatabase } from "../../../payload/grader-side/database";
import { openPGlite, type PGliteClass } from "../../../payload/grader-side/pglite";
import { loadSqlParser, type ParserFactory } from "../../../payload/grader-side/sql-parser";
import type { DatabaseFiles } from "../protocol";

/**
 * Starts PGlite from the page's files, from the initdb snapshot, and PostgreSQL's parser.
 *
 * @example
 * const open = lazyDatabase(() => openWorkerDatabase(message.files));
 */
export async function openWorkerDatabase(files: DatabaseFiles): Promise<SandboxDatabase> {
  const url = URL.createObjectURL(files.module);
  const parserUrl = URL.createObjectURL(files.sqlParserModule);
  try {
    const [{ PGlite }, pgliteWasmModule, initdbWasmModule, parse] = await Promise.all([
      import(/* @vite-ignore */ url) as Promise<{ PGlite: PGliteClass }>,
      files.pgliteWasm.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)),
      files.initdbWasm.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)),
      Promise.all([
        import(/* @vite-ignore */ parserUrl) as Promise<{ default: ParserFactory }>,
        files.sqlParserWasm.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)),
      ]).then(([{ default: factory }, wasmModule]) => loadSqlParser(factory, { wasmModule })),
    ]);
    return await openPGlite(PGlite, parse, { pgliteWasmModule, initdbWasmModule, fsBundle: files.fsBundle, loadDataDir: files.dataDir });
  } finally {
    URL.revokeObjectURL(url);
    URL.revokeObjectURL(parserUrl);
  }
}
