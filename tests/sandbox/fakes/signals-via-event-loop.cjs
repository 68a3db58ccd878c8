/* global process, require */
/**
 * Loaded (NODE_OPTIONS=--require) into every node process in the WebContainer stand-in, the
 * ones node processes start included. In a real WebContainer a signal reaches a process as a
 * message its event loop handles, so a process stuck in a busy loop ignores every signal,
 * SIGKILL included (stackblitz/webcontainer-core#1121: "Unable to kill node.js stuck in hot
 * loop", whether from jsh's `kill` or `process.kill()` in another process; the only remedy is
 * tearing the container down). Here every signal sent from inside the container becomes a
 * SIGTERM, and SIGTERM is handled in JavaScript: it acts only when the loop turns. Signal
 * handlers do not keep a process alive, so a process that is done still exits by itself.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a --require preload is CommonJS
const { ChildProcess } = require("node:child_process");

for (const [signal, number] of [["SIGTERM", 15], ["SIGINT", 2], ["SIGHUP", 1]]) {
  process.on(signal, () => process.exit(128 + number));
}

const killChild = ChildProcess.prototype.kill;
ChildProcess.prototype.kill = function kill() {
  return killChild.call(this, "SIGTERM");
};
const killProcess = process.kill.bind(process);
process.kill = (pid, signal) => killProcess(pid, signal === 0 ? 0 : "SIGTERM");
