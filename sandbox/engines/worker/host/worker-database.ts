/**
 * The lesson's database in the worker engine: PGlite in the grader's Worker, never a learner's.
 * The runner's policy gives this Worker no network, so the page fetches PGlite's files (cached by
 * the Service Worker) and hands them over as Blobs; the code is imported from a blob: URL made
 * here, the WebAssembly compiled here from bytes.
 */
import type { SandboxDatabase } from "../../../payload/grader-side/database";
import { openPGlite, type PGliteClass } from "../../../payload/grader-side/pglite";
import type { DatabaseFiles } from "../protocol";

/**
 * Starts PGlite from the page's files, from the initdb snapshot.
 *
 * @example
 * const open = lazyDatabase(() => openWorkerDatabase(message.files));
 */
export async function openWorkerDatabase(files: DatabaseFiles): Promise<SandboxDatabase> {
  const url = URL.createObjectURL(files.module);
  try {
    const [{ PGlite }, pgliteWasmModule, initdbWasmModule] = await Promise.all([
      import(/* @vite-ignore */ url) as Promise<{ PGlite: PGliteClass }>,
      files.pgliteWasm.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)),
      files.initdbWasm.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)),
    ]);
    return await openPGlite(PGlite, { pgliteWasmModule, initdbWasmModule, fsBundle: files.fsBundle, loadDataDir: files.dataDir });
  } finally {
    URL.revokeObjectURL(url);
  }
}
