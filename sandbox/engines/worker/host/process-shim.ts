/**
 * A small `process` for learner code in a Worker, so code written for Node (and the node
 * engine's error cases) behaves the same: `process.env` is empty, `process.stdout.write` prints,
 * and `process.exit()` ends the run with an error naming where it was called, as in the node
 * engine, instead of a ReferenceError. `process.on("SIGTERM", …)` (and `once`, `off`, …) keep
 * listeners as node's EventEmitter does, so a check's `appProcess.signal()` reaches them: a
 * Worker gets no OS signal, so the grader asks and {@link installProcessShim}'s `signal` emits it.
 */

export interface ProcessShimOptions {
  /** Prints text to the output panel. */
  print(text: string): void;
  /** Tells whoever listens that the code called process.exit (the grader then ends that realm). */
  onExit(code: number, at: string | undefined): void;
}

/**
 * The first stack frame in a learner file: learner files carry relative names ("app.ts") in
 * stack traces, bundles carry blob: or http: URLs.
 *
 * @example
 * learnerFrame("Error\n    at exit (blob:http://x/1:2:3)\n    at app.ts:4:5") // "app.ts:4:5"
 */
export function learnerFrame(stack: string | undefined): string | undefined {
  for (const line of (stack ?? "").split("\n").slice(1)) {
    const match = /\(?([^\s()]+?):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (match && !match[1]!.includes(":") && !match[1]!.startsWith("/") && !match[1]!.startsWith("<")) {
      return `${match[1]}:${match[2]}:${match[3]}`;
    }
  }
  return undefined;
}

/** Thrown by `process.exit()` to stop the learner's code where it stands, as a real exit would. */
export class ProcessExit extends Error {
  override name = "ProcessExit";
}

/** The signals a check may send, with their numbers (an unhandled one ends node with 128 + n). */
const SIGNAL_NUMBERS: Record<string, number> = { SIGINT: 2, SIGTERM: 15 };

type Listener = (...args: unknown[]) => unknown;

/** Node's EventEmitter methods over a map of listeners, enough for `process.on("SIGTERM", …)`. */
function processEvents(self: () => unknown) {
  const listeners = new Map<string, { listener: Listener; call: Listener }[]>();
  const list = (event: string) => listeners.get(event) ?? [];
  const add = (event: string, listener: Listener, once: boolean) => {
    if (typeof listener !== "function") throw new TypeError('The "listener" argument must be of type function.');
    const entry = { listener, call: listener };
    if (once) {
      entry.call = (...args) => {
        remove(event, listener);
        return listener(...args);
      };
    }
    listeners.set(event, [...list(event), entry]);
    return self();
  };
  const remove = (event: string, listener: Listener) => {
    const entries = list(event);
    const index = entries.findLastIndex((entry) => entry.listener === listener);
    if (index >= 0) listeners.set(event, entries.filter((_, i) => i !== index));
    return self();
  };
  return {
    on: (event: string, listener: Listener) => add(event, listener, false),
    addListener: (event: string, listener: Listener) => add(event, listener, false),
    once: (event: string, listener: Listener) => add(event, listener, true),
    off: remove,
    removeListener: remove,
    removeAllListeners: (event?: string) => (event === undefined ? listeners.clear() : listeners.delete(event), self()),
    listeners: (event: string) => list(event).map((entry) => entry.listener),
    listenerCount: (event: string) => list(event).length,
    emit: (event: string, ...args: unknown[]) => {
      const entries = list(event);
      for (const entry of entries) entry.call.apply(self(), args);
      return entries.length > 0;
    },
  };
}

/**
 * Installs `globalThis.process` unless the scope already has one. Returns what delivers a signal
 * to it: node's `process.emit(signal, signal)` to the listeners learner code registered, or,
 * with none, node's default action: the process ends with exit code 128 + the signal's number.
 *
 * @example
 * const deliver = installProcessShim(globalThis, { print: sink.write, onExit: (code, at) => post({ type: "event", event: { type: "exit", code, at } }) });
 * deliver("SIGTERM");
 */
export function installProcessShim(scope: Record<string, unknown>, options: ProcessShimOptions): (signal: "SIGTERM" | "SIGINT") => void {
  const stream = { write: (chunk: unknown) => (options.print(typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk as Uint8Array)), true) };
  const events = processEvents(() => scope.process);
  // Captured now: learner code replacing process.emit does not change how a signal arrives.
  const { emit, listenerCount } = events;
  const deliver = (signal: "SIGTERM" | "SIGINT") => {
    if (listenerCount(signal) > 0) emit(signal, signal);
    else options.onExit(128 + (SIGNAL_NUMBERS[signal] ?? 0), undefined);
  };
  if (scope.process !== undefined) return deliver;
  scope.process = {
    ...events,
    env: {},
    argv: ["node", "app.ts"],
    platform: "browser",
    version: "",
    versions: {},
    exitCode: undefined,
    cwd: () => "/",
    nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => callback(...args)),
    stdout: stream,
    stderr: stream,
    exit(code?: number | string | null) {
      options.onExit(Number(code ?? 0) || 0, learnerFrame(new Error().stack));
      throw new ProcessExit("process.exit() was called");
    },
  };
  return deliver;
}
