/**
 * A small `process` for learner code in a Worker, so code written for Node (and the node
 * engine's error cases) behaves the same: `process.env` is empty, `process.stdout.write` prints,
 * and `process.exit()` ends the run with an error naming where it was called, as in the node
 * engine, instead of a ReferenceError.
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

/**
 * Installs `globalThis.process` unless the scope already has one.
 *
 * @example
 * installProcessShim(globalThis, { print: sink.write, onExit: (code, at) => post({ type: "event", event: { type: "exit", code, at } }) });
 */
export function installProcessShim(scope: Record<string, unknown>, options: ProcessShimOptions): void {
  if (scope.process !== undefined) return;
  const stream = { write: (chunk: unknown) => (options.print(typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk as Uint8Array)), true) };
  scope.process = {
    env: {},
    argv: ["node", "app.ts"],
    platform: "browser",
    version: "",
    versions: {},
    exitCode: undefined,
    cwd: () => "/",
    nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => callback(...args)),
    on: () => scope.process,
    stdout: stream,
    stderr: stream,
    exit(code?: number | string | null) {
      options.onExit(Number(code ?? 0) || 0, learnerFrame(new Error().stack));
      throw new ProcessExit("process.exit() was called");
    },
  };
}
