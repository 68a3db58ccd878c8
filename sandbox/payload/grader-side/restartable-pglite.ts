/**
 * PGlite on a thread of its own (a node worker thread, or a Worker the grader's Worker starts),
 * stopped from outside when a statement runs too long. PGlite runs each statement to the end
 * inside WebAssembly and ignores `statement_timeout` (no timer signals there), so an endless
 * statement (`SELECT pg_sleep(1e9)`, a recursive CTE without end) would freeze whichever thread
 * runs it. Here that thread is not the grader's: a statement still running after the time limit
 * gets `57014` (query_canceled) at once, and the thread is ended and started afresh, with `init`
 * run before any other statement (the hardening and the wipe, so the fresh database is what any
 * check's wipe leaves).
 */
import type { PGliteLike } from "../../../framework/src/db/adapters";

/** The thread's answer to one statement: PGlite's result, or its error's fields; `ended` if the thread died first. */
export type ThreadAnswer = { id: number; result?: unknown; error?: Record<string, unknown> & { message: string }; ended?: true };

/** A started thread holding PGlite. */
export interface PGliteThread {
  /** Sends one statement (`params` undefined: a script, run with `exec`). */
  ask(id: number, sql: string, params: unknown[] | undefined): Promise<ThreadAnswer>;
  terminate(): void;
}

/**
 * The thread's message handler, shared by both engines' thread code (which defines `pglite`
 * and `post` before it): one statement at a time, results as plain data, errors with their
 * SQLSTATE and other fields.
 */
export const ANSWER_SOURCE = `
async function answer({ id, sql, params }) {
  const plain = (result) => ({ rows: result.rows, affectedRows: result.affectedRows });
  try {
    const result = params ? plain(await pglite.query(sql, params)) : (await pglite.exec(sql)).map(plain);
    post({ id, result });
  } catch (error) {
    const fields = {};
    for (const [key, value] of Object.entries(error ?? {})) if (typeof value === "string" || typeof value === "number") fields[key] = value;
    post({ id, error: { ...fields, message: String((error && error.message) || error) } });
  }
}
// int8 (counts, bigserial ids) as numbers when they fit, as int8AsNumber in grader-side/pglite.ts.
const int8 = (text) => { const value = Number(text); return Number.isSafeInteger(value) ? value : text; };
`;

/**
 * Starts PGlite with `start`; resolves once it answers. Statements run one at a time, each
 * within `timeoutMs`.
 *
 * @example
 * const pglite = await restartablePGlite(() => startThread(source), { timeoutMs: 5000, init: WIPE_STATEMENTS });
 * const db = fromPGlite(pglite);
 */
export async function restartablePGlite(start: () => Promise<PGliteThread>, options: { timeoutMs: number; init: readonly string[] }): Promise<PGliteLike> {
  let thread = start();
  let current = await thread;
  let ids = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const restart = () => {
    current.terminate();
    thread = start().then(async (started) => {
      current = started;
      for (const sql of options.init) {
        const { error } = await started.ask(++ids, sql, undefined);
        if (error) throw new Error(`Preparing the restarted database failed: ${error.message}`);
      }
      return started;
    });
    thread.catch(() => {}); // the next statement reports it
  };

  const run = async (sql: string, params: unknown[] | undefined): Promise<unknown> => {
    const started = await thread;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), options.timeoutMs)));
    const answer = await Promise.race([started.ask(++ids, sql, params), timedOut]);
    clearTimeout(timer);
    if (answer === "timeout") {
      restart();
      throw Object.assign(
        new Error(`canceling statement due to statement timeout: it ran for more than ${options.timeoutMs / 1000} s, so the sandbox stopped the lesson's database and started it again (its tables and rows are gone until the next check's setup)`),
        { code: "57014" },
      );
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
      current.terminate();
      (await thread.catch(() => undefined))?.terminate();
    },
  };
}
