/**
 * PGlite on its own thread, for the node engine's grader host. PGlite runs each statement to the
 * end inside WebAssembly and ignores `statement_timeout` (no timer signals there), so an endless
 * statement (`SELECT pg_sleep(1e9)`, a recursive CTE without end) would freeze whichever thread
 * runs it. Here that thread is not the grader's: a statement that runs longer than the time
 * limit gets `57014` (query_canceled) at once, and the thread is ended and started afresh from
 * the snapshot, with `init` run before any other statement (the wipe, so the fresh database is
 * hardened and empty, as after any check's wipe).
 */
import { Worker } from "node:worker_threads";
import type { PGliteLike } from "../../../framework/src/db/adapters";

/**
 * The thread's code. A string run with `eval`, because the grader host is one bundle
 * (.vial/grader-host.mjs) with no file of its own to start a thread from; it only imports
 * PGlite from the engine's module URL and answers one statement at a time.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
(async () => {
  const { PGlite } = await import(workerData.pglite);
  // int8 (counts, bigserial ids) as numbers when they fit, as grader-side/pglite.ts does.
  const int8 = (text) => { const value = Number(text); return Number.isSafeInteger(value) ? value : text; };
  const options = { relaxedDurability: true, parsers: { 20: int8 } };
  if (workerData.dataDir) options.loadDataDir = new Blob([readFileSync(workerData.dataDir)]);
  const pglite = await PGlite.create(options);
  const plain = (result) => ({ rows: result.rows, affectedRows: result.affectedRows });
  parentPort.on("message", async ({ id, sql, params }) => {
    try {
      const result = params ? plain(await pglite.query(sql, params)) : (await pglite.exec(sql)).map(plain);
      parentPort.postMessage({ id, result });
    } catch (error) {
      const fields = {};
      for (const [key, value] of Object.entries(error ?? {})) if (typeof value === "string" || typeof value === "number") fields[key] = value;
      parentPort.postMessage({ id, error: { ...fields, message: String(error && error.message || error) } });
    }
  });
  parentPort.postMessage({ ready: true });
})().catch((error) => parentPort.postMessage({ failed: String(error && error.stack || error) }));
`;

type Answer = { id: number; result?: unknown; error?: Record<string, unknown> & { message: string }; ended?: true };

function startThread(source: { pglite: string; dataDir?: string }): Promise<Worker> {
  const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: source });
  return new Promise((resolve, reject) => {
    worker.once("message", (message: { ready?: boolean; failed?: string }) => (message.ready ? resolve(worker) : reject(new Error(`PGlite did not start: ${message.failed}`))));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`PGlite's thread ended while starting (exit code ${code})`)));
  });
}

/** Sends one statement to the thread; settles with its answer, or with `ended` if the thread ends first. */
function ask(worker: Worker, id: number, sql: string, params: unknown[] | undefined): { answer: Promise<Answer> } {
  return {
    answer: new Promise((resolve) => {
      const onMessage = (message: Answer) => {
        if (message.id !== id) return;
        worker.off("message", onMessage);
        worker.off("exit", onExit);
        resolve(message);
      };
      const onExit = (code: number) => {
        worker.off("message", onMessage);
        resolve({ id, ended: true, error: { message: `The lesson's database stopped (exit code ${code}) and was started again: its tables are gone until the next check's setup.` } });
      };
      worker.on("message", onMessage);
      worker.on("exit", onExit);
      worker.postMessage({ id, sql, params });
    }),
  };
}

/**
 * Starts PGlite on a thread; resolves once it answers. Statements run one at a time, each
 * within `timeoutMs`.
 *
 * @example
 * const pglite = await openThreadedPGlite({ pglite: moduleUrl, dataDir }, { timeoutMs: 5000, init: WIPE_STATEMENTS });
 * const db = fromPGlite(pglite);
 */
export async function openThreadedPGlite(source: { pglite: string; dataDir?: string }, options: { timeoutMs: number; init: readonly string[] }): Promise<PGliteLike> {
  let thread = startThread(source);
  let current = await thread;
  let ids = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const restart = () => {
    void current.terminate();
    thread = startThread(source).then(async (worker) => {
      for (const sql of options.init) {
        const { error } = await ask(worker, ++ids, sql, undefined).answer;
        if (error) throw new Error(`Preparing the restarted database failed: ${error.message}`);
      }
      current = worker;
      return worker;
    });
    thread.catch(() => {}); // the next statement reports it
  };

  const run = async (sql: string, params: unknown[] | undefined): Promise<unknown> => {
    const worker = await thread;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), options.timeoutMs)));
    const answer = await Promise.race([ask(worker, ++ids, sql, params).answer, timedOut]);
    clearTimeout(timer);
    if (answer === "timeout") {
      restart();
      const seconds = options.timeoutMs / 1000;
      throw Object.assign(new Error(`canceling statement due to statement timeout: it ran for more than ${seconds} s, so the sandbox stopped the lesson's database and started it again (its tables and rows are gone until the next check's setup)`), { code: "57014" });
    }
    if (answer.error) {
      if (answer.ended) restart();
      throw Object.assign(new Error(answer.error.message), answer.error);
    }
    return answer.result;
  };

  const enqueue = <T>(sql: string, params: unknown[] | undefined): Promise<T> => {
    const result = queue.then(() => run(sql, params));
    queue = result.catch(() => {});
    return result as Promise<T>;
  };

  return {
    query: (sql, params = []) => enqueue(sql, params),
    exec: (sql) => enqueue(sql, undefined),
    close: async () => {
      await current.terminate();
    },
  };
}
