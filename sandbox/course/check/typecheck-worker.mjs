/**
 * The worker thread typecheck-cache.ts runs the lessons' type checks in: one request at a time,
 * `{ id, lessons }` in and `{ id, result }` or `{ id, error }` out. It stays up between requests,
 * so the libraries and the framework it parsed are reused. Plain JavaScript that registers tsx
 * for itself, so it starts the same under tsx, vitest or plain node (loader hooks registered in
 * the main thread do not reach a worker).
 */
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { typecheckLessons } = await import("./typecheck.ts");
parentPort.on("message", ({ id, lessons }) => {
  try {
    parentPort.postMessage({ id, result: typecheckLessons(lessons) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
