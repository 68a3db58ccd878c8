/**
 * The worker engine's PGlite, in a Worker of its own that the grader's Worker starts, so that an
 * endless statement can be stopped from outside (grader-side/restartable-pglite.ts) while the
 * grader's Worker, its timers and its report go on.
 */
import { ANSWER_SOURCE, type PGliteThread, type ThreadAnswer } from "../../../payload/grader-side/restartable-pglite";
import type { PGliteFiles } from "../../../payload/grader-side/pglite";

/**
 * The Worker's code: a classic script (the runner's opaque origin refuses module Workers) that
 * imports PGlite's code from a blob: URL it makes itself, starts it from the files and compiled
 * WebAssembly it is sent, then answers one statement at a time.
 */
const WORKER_SOURCE = `
let pglite;
const post = (message) => self.postMessage(message);
${ANSWER_SOURCE}
self.onmessage = async ({ data }) => {
  if (data.type !== "start") return void answer(data);
  try {
    const url = URL.createObjectURL(data.module);
    const { PGlite } = await import(url);
    URL.revokeObjectURL(url);
    pglite = await PGlite.create({ ...data.files, relaxedDurability: true, parsers: { 20: int8 } });
    post({ ready: true });
  } catch (error) {
    post({ failed: String((error && error.stack) || error) });
  }
};
`;

/**
 * Starts PGlite in a new Worker from PGlite's module (a Blob) and its files.
 *
 * @example
 * const pglite = await restartablePGlite(() => startPGliteWorker(files.module, { pgliteWasmModule, … }), options);
 */
export function startPGliteWorker(module: Blob, files: PGliteFiles): Promise<PGliteThread> {
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }));
  const worker = new Worker(url);
  URL.revokeObjectURL(url);
  const pending = new Map<number, (answer: ThreadAnswer) => void>();
  let ended = false;
  const end = (why: string) => {
    ended = true;
    worker.terminate();
    for (const [id, resolve] of pending) resolve({ id, ended: true, error: { message: `The lesson's database stopped (${why}) and was started again: its tables are gone until the next check's setup.` } });
    pending.clear();
  };
  const thread: PGliteThread = {
    ask: (id, sql, params) =>
      new Promise((resolve) => {
        if (ended) return resolve({ id, ended: true, error: { message: "The lesson's database has stopped." } });
        pending.set(id, resolve);
        worker.postMessage({ id, sql, params });
      }),
    terminate: () => end("stopped by the sandbox"),
  };
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<ThreadAnswer & { ready?: boolean; failed?: string }>) => {
      if (data.ready) return resolve(thread);
      if (data.failed) return reject(new Error(`PGlite did not start: ${data.failed}`));
      pending.get(data.id)?.(data);
      pending.delete(data.id);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const why = event.message || "an error in its Worker";
      reject(new Error(`PGlite did not start: ${why}`));
      end(why);
    };
    worker.postMessage({ type: "start", module, files });
  });
}
