/**
 * The process the learner's code runs in, as an orchestrator sees it: checks send it a signal
 * and watch it end. Graceful shutdown is graded this way: a check starts a request, sends
 * `SIGTERM`, and judges what the request, later requests and the process's exit show.
 *
 * In the node engine the signal is real: the grader host, which started the learner's process,
 * sends it with `process.kill` to that process alone. A Worker or a WebContainer has no OS
 * signal: there the learner's host dispatches it to the same `process.on(signal)` listeners
 * (sandbox/README.md, "Signals").
 */
import { RunError } from "./failure";

/** The signals checks may send: an orchestrator's stop, and Ctrl-C. */
export type AppSignal = "SIGTERM" | "SIGINT";

/** How the learner's process ended: its exit code, or the signal that killed it. */
export interface AppExit {
  code: number | null;
  signal: string | null;
}

/** What checks.ts sees as `appProcess`. */
export interface AppProcess {
  /**
   * Sends the process running the learner's code `signal` and resolves once it is sent. The
   * learner's listeners (`process.once("SIGTERM", …)`) run after, as after a real `kill`; a
   * process without one ends as node does (exit code 128 + the signal's number). `delivered`
   * says how: "os" (a real signal, node engine) or "emulated" (a Worker, a WebContainer).
   *
   * @example
   * const exporting = client.get("/notes/export");
   * await appProcess.signal("SIGTERM");
   */
  signal(signal: AppSignal): Promise<{ delivered: "os" | "emulated" }>;
  /**
   * Resolves with how the process ended once it has, or with undefined if it is still running
   * after `withinMs` (say the grace period an orchestrator gives before SIGKILL).
   *
   * @example
   * const exit = await appProcess.exited(5000);
   * expect(exit?.code, "exit code after SIGTERM").toBe(0);
   */
  exited(withinMs: number): Promise<AppExit | undefined>;
}

/** What gives `appProcess` its process: the grader's learner session (grader-side/learner-session.ts). */
export interface AppProcessHost {
  signal(signal: AppSignal): Promise<{ delivered: "os" | "emulated" }>;
  exited(withinMs: number): Promise<AppExit | undefined>;
}

const SIGNALS: readonly string[] = ["SIGTERM", "SIGINT"];

/**
 * The `appProcess` of one run, over its host; without one (the checks and the learner's code in
 * one realm) every call fails the run with a clear error.
 *
 * @example
 * const appProcess = createAppProcess({ signal: (s) => session.signal(s), exited: (ms) => session.exited(ms) });
 */
export function createAppProcess(host: AppProcessHost | undefined): AppProcess {
  const need = (): AppProcessHost => {
    if (!host) throw new RunError("This sandbox runs your code in the checks' own realm, so it has no process of its own to signal.");
    return host;
  };
  return Object.freeze({
    async signal(signal: AppSignal) {
      if (!SIGNALS.includes(signal)) throw new TypeError(`appProcess.signal() sends ${SIGNALS.join(" or ")}, not ${String(signal)}.`);
      return need().signal(signal);
    },
    async exited(withinMs: number) {
      if (typeof withinMs !== "number" || !(withinMs >= 0)) throw new TypeError("appProcess.exited(withinMs) needs a number of milliseconds.");
      const ended = await need().exited(withinMs);
      return ended && { code: ended.code, signal: ended.signal };
    },
  });
}
