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
 * Dispatches `signal` to the process's listeners as node does when the OS delivers one
 * (`process.emit(signal, signal)`, with the emit captured before learner code could replace it).
 *
 * @example
 * const deliver = emulatedSignals(process);
 * deliver("SIGTERM");
 */
export function emulatedSignals(target: NodeJS.Process): (signal: AppSignal) => void {
  const emit = target.emit.bind(target) as (event: string, ...args: unknown[]) => boolean;
  return (signal) => void emit(signal, signal);
}
