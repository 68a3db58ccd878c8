import type { Pool } from "./db";

/**
 * Node's `process`, as far as this file uses it. Lesson files are typed for every engine, without
 * Node's types; the sandbox gives them this much of `process` everywhere (sandbox/README.md).
 */
declare const process: { once(signal: "SIGTERM", listener: () => void): void; exit(code: number): never };

/**
 * What the notebook does when it is asked to stop (SIGTERM: a deploy, a scale-down, a node
 * drained for maintenance). `server` is the running server (`serve()` from vial/node, or
 * sandboxServer in server.ts); `pool` is the database pool the app uses.
 */
export async function shutdown(server: { close(): Promise<void> }, pool: Pool): Promise<void> {
  // First stop taking requests, and let the ones in flight finish (the server's grace period
  // bounds the wait): they were accepted, and their clients are waiting for the answer.
  await server.close();
  // Only then close the database: the requests in flight still needed it.
  await pool.close();
}

/**
 * Wires {@link shutdown} to SIGTERM, as the server file on the production machine does right
 * after `serve()`. A SIGTERM listener replaces node's default (end at once), so this one must
 * end the process itself, once the shutdown is done: with 0, or with 1 and the error in the log.
 */
export function stopOnSigterm(server: { close(): Promise<void> }, pool: Pool): void {
  process.once("SIGTERM", () => void shutdown(server, pool));
}
