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
  // First draft: close everything at once, it is faster.
  await Promise.all([server.close(), pool.close()]);
}

/**
 * Wires {@link shutdown} to SIGTERM, as the server file on the production machine does right
 * after `serve()`.
 */
export function stopOnSigterm(server: { close(): Promise<void> }, pool: Pool): void {
  // First draft: say goodbye; the orchestrator stops the process anyway.
  process.once("SIGTERM", () => console.log("SIGTERM received, goodbye"));
}
