/**
 * The lesson's database in the worker engine: PGlite in the grader's Worker, never a learner's.
 * The runner's policy gives this Worker no network, so the page fetches PGlite's files (cached by
 * the Service Worker) and hands them over as Blobs; the WebAssembly is compiled here from bytes.
 * PGlite itself runs in a Worker this one starts (pglite-worker.ts), so an endless statement
 * can be stopped; PostgreSQL's parser runs here, imported from a blob: URL made here.
 */
import { fromPGlite } from "../../../../framework/src/db/adapters";
import { sandboxDatabase, type SandboxDatabase } from "../../../payload/grader-side/database";
import { HARDEN_SQL, STATEMENT_TIMEOUT_MS, WIPE_STATEMENTS } from "../../../payload/grader-side/database-boundary";
import { restartablePGlite } from "../../../payload/grader-side/restartable-pglite";
import { loadSqlParser, type ParserFactory } from "../../../payload/grader-side/sql-parser";
import type { DatabaseFiles } from "../protocol";
import { startPGliteWorker } from "./pglite-worker";

/**
 * Starts PGlite (in its own Worker) from the page's files, from the initdb snapshot, and PostgreSQL's parser.
 *
 * @example
 * const open = lazyDatabase(() => openWorkerDatabase(message.files));
 */
export async function openWorkerDatabase(files: DatabaseFiles): Promise<SandboxDatabase> {
  const parserUrl = URL.createObjectURL(files.sqlParserModule);
  try {
    const [pgliteWasmModule, initdbWasmModule, parse] = await Promise.all([
      files.pgliteWasm.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)),
      files.initdbWasm.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)),
      Promise.all([
        import(/* @vite-ignore */ parserUrl) as Promise<{ default: ParserFactory }>,
        files.sqlParserWasm.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)),
      ]).then(([{ default: factory }, wasmModule]) => loadSqlParser(factory, { wasmModule })),
    ]);
    const pgliteFiles = { pgliteWasmModule, initdbWasmModule, fsBundle: files.fsBundle, loadDataDir: files.dataDir };
    const pglite = await restartablePGlite(() => startPGliteWorker(files.module, pgliteFiles), { timeoutMs: STATEMENT_TIMEOUT_MS, init: [HARDEN_SQL, ...WIPE_STATEMENTS] });
    return await sandboxDatabase(fromPGlite(pglite), parse);
  } finally {
    URL.revokeObjectURL(parserUrl);
  }
}
