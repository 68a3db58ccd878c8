/* global process */
/**
 * Loaded (`--require`) into every node process the WebContainer stand-in spawns. In a real
 * WebContainer a signal reaches a process as a message its event loop handles, so a process
 * stuck in a busy loop ignores every signal, SIGKILL included (stackblitz/webcontainer-core#1121:
 * "Unable to kill node.js stuck in hot loop"; the only remedy is tearing the container down).
 * Handling the stand-in's signals in JavaScript gives the same: they act only when the loop turns.
 * Signal handlers do not keep a process alive, so a process that is done still exits by itself.
 */
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
  process.on(signal, () => process.exit(128 + { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal]));
}
