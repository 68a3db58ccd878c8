/**
 * Signals in the learner host (node and WebContainer): what a check's `appProcess.signal()`
 * reaches. The learner's code registers `process.on("SIGTERM", …)` as a server file does in
 * production, and gets the signal the same way wherever it comes from: a real one from the
 * grader host (node engine), or one this host dispatches when the grader asks (a WebContainer,
 * whose processes get no OS signal).
 */
import type { AppSignal } from "../realm/messages";

/** The signals checks may send, with their numbers (an unhandled one ends node with 128 + n). */
const SIGNALS: Record<AppSignal, number> = { SIGINT: 2, SIGTERM: 15 };

/**
 * Restores the default action of SIGTERM and SIGINT (end the process, exit code 128 + n) for
 * when learner code registers no listener of its own. Needed under the node engine: the
 * learner's node is the init of its own PID namespace, and the kernel drops a signal sent to an
 * init that has no handler for it, which would make an app with no SIGTERM listener ignore
 * SIGTERM instead of ending as node ends anywhere else. Installed before learner code loads.
 *
 * @example
 * installDefaultSignalActions(process, (code) => exit(code));
 */
export function installDefaultSignalActions(target: NodeJS.Process, end: (code: number) => void): void {
  for (const [signal, number] of Object.entries(SIGNALS)) {
    target.on(signal, function defaultAction() {
      // Learner code listening too means it handles the signal: then this one does nothing.
      if (target.listenerCount(signal) > 1) return;
      end(128 + number);
    });
  }
}

/**
 * Dispatches `signal` to the listeners learner code registered, as node calls them when the OS
 * delivers one (each with the signal's name, `once` ones removed as they run), or ends the
 * process with 128 + n when it registered none. Listeners present when this is made (the host's
 * own, or its environment's: the WebContainer stand-in's preload ends a process on SIGTERM) are
 * not the learner's and are left out. Made before learner code loads, from the listener arrays
 * node keeps, so learner code replacing `process.emit` changes nothing.
 *
 * @example
 * const deliver = emulatedSignals(process, (code) => exit(code));
 * deliver("SIGTERM");
 */
export function emulatedSignals(target: NodeJS.Process, end: (code: number) => void): (signal: AppSignal) => void {
  const rawListeners = target.rawListeners.bind(target) as (event: string) => ((...args: unknown[]) => unknown)[];
  const hosts = new Map(Object.keys(SIGNALS).map((signal) => [signal, new Set(rawListeners(signal))]));
  return (signal) => {
    const learners = rawListeners(signal).filter((listener) => !hosts.get(signal)?.has(listener));
    if (learners.length === 0) return end(128 + SIGNALS[signal]);
    for (const listener of learners) listener.call(target, signal);
  };
}
