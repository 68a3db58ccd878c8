import type { Pool } from "./db";

/**
 * What the notebook does when it is asked to stop (SIGTERM: a deploy, a scale-down, a node
 * drained for maintenance). The server file on the production machine calls it:
 *
 *     process.once("SIGTERM", () => void shutdown(server, pool).then(() => process.exit(0)));
 *
 * `server` is the running server (`serve()` from vial/node, or sandboxServer in server.ts);
 * `pool` is the database pool the app uses.
 */
export async function shutdown(server: { close(): Promise<void> }, pool: Pool): Promise<void> {
  // First stop taking requests, and let the ones in flight finish (the server's grace period
  // bounds the wait): they were accepted, and their clients are waiting for the answer.
  await pool.close();
  // @ts-expect-error: process is Node's (this file runs in the server process).
  process.exit(0);
}
