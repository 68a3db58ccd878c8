/**
 * The node engine's PGlite, on a worker thread of the grader host, so that an endless statement
 * can be stopped from outside (grader-side/restartable-pglite.ts).
 */
import { Worker } from "node:worker_threads";
import type { PGliteLike } from "../../../framework/src/db/adapters";
import type { PGliteFilePaths } from "./host-config";
import { ANSWER_SOURCE, restartablePGlite, type PGliteThread, type ThreadAnswer } from "../grader-side/restartable-pglite";

/**
 * The thread's code. A string run with `eval`, because the grader host is one bundle
 * (.vial/grader-host.mjs) with no file of its own to start a thread from; it imports PGlite
 * from the engine's module URL and answers one statement at a time.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
let pglite;
const post = (message) => parentPort.postMessage(message);
${ANSWER_SOURCE}
(async () => {
  const { PGlite } = await import(workerData.pglite);
  const options = { relaxedDurability: true, parsers: { 20: int8 } };
  if (workerData.dataDir) options.loadDataDir = new Blob([readFileSync(workerData.dataDir)]);
  // PGlite's browser build (mounted in WebContainers) cannot read its own files: handed to it, as the worker engine does.
  const files = workerData.files;
  if (files) {
    options.pgliteWasmModule = await WebAssembly.compile(readFileSync(files.pgliteWasm));
    options.initdbWasmModule = await WebAssembly.compile(readFileSync(files.initdbWasm));
    options.fsBundle = new Blob([readFileSync(files.fsBundle)]);
  }
  pglite = await PGlite.create(options);
  parentPort.on("message", answer);
  post({ ready: true });
})().catch((error) => post({ failed: String((error && error.stack) || error) }));
`;

/** PGlite's module URL, the initdb snapshot and, for a build that cannot find them, its own files (paths). */
export interface PGliteThreadSource {
  pglite: string;
  dataDir?: string;
  files?: PGliteFilePaths;
}

function startThread(source: PGliteThreadSource): Promise<PGliteThread> {
  const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: source });
  // One map of waiting statements rather than two listeners per statement; an exit answers
  // every waiting statement, and any statement asked after it, with `ended`.
  const pending = new Map<number, (answer: ThreadAnswer) => void>();
  let exitCode: number | undefined;
  const ended = (id: number): ThreadAnswer => ({ id, ended: true, error: { message: `The lesson's database stopped (exit code ${exitCode}) and was started again: its tables are gone until the next check's setup.` } });
  worker.on("message", (message: ThreadAnswer) => {
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  worker.on("exit", (code) => {
    exitCode = code;
    for (const [id, resolve] of pending) resolve(ended(id));
    pending.clear();
  });
  const thread: PGliteThread = {
    ask: (id, sql, params) =>
      new Promise<ThreadAnswer>((resolve) => {
        if (exitCode !== undefined) return resolve(ended(id));
        pending.set(id, resolve);
        worker.postMessage({ id, sql, params });
      }),
    terminate: () => void worker.terminate(),
  };
  return new Promise((resolve, reject) => {
    worker.once("message", (message: { ready?: boolean; failed?: string }) => (message.ready ? resolve(thread) : reject(new Error(`PGlite did not start: ${message.failed}`))));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`PGlite's thread ended while starting (exit code ${code})`)));
  });
}

/**
 * Starts PGlite on a worker thread, from the engine's module URL and initdb snapshot (and
 * PGlite's own files when the build is the browser one).
 *
 * @example
 * const pglite = await openThreadedPGlite({ pglite: moduleUrl, dataDir }, { timeoutMs: 5000, init: WIPE_STATEMENTS });
 */
export function openThreadedPGlite(source: PGliteThreadSource, options: { timeoutMs: number; init: readonly string[] }): Promise<PGliteLike> {
  return restartablePGlite(() => startThread(source), options);
}
