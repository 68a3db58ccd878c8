import { readHostOutput } from "../../host-output";
import type { HostEvent } from "../../payload/protocol";
import type { HostOutcome } from "../node/run-host";
import { TerminalTextDecoder } from "./terminal-text";
import type { ProcessLike } from "./types";

export interface HostProcessOptions {
  nonce: string;
  /** Kill the process after this long; undefined for the preview's long-lived server. */
  timeoutMs?: number;
  outputLimitBytes: number;
  onOutput(text: string): void;
  onEvent?(event: HostEvent): void;
  /** How long to keep reading output after the exit (it may never close; default 150 ms). */
  drainMs?: number;
}

export interface HostProcessRun {
  outcome: Promise<HostOutcome>;
  stop(): void;
}

/**
 * Watches a `node .vial/grader-host.mjs` process in a WebContainer: turns its terminal output back
 * into what it wrote ({@link TerminalTextDecoder}), splits that into the learner's text and the
 * host's marked lines, enforces the time and output limits by killing it, and resolves with how it ended
 * (the shape the node engine's reports are built from). Exit and output are awaited together,
 * because a WebContainer's output stream may never close.
 *
 * @example
 * const run = watchHostProcess(await container.spawn("node", [NODE_HOST_PATH], { env }), { nonce, timeoutMs: 10_000, outputLimitBytes: 1e6, onOutput });
 * const report = reportFromOutcome(await run.outcome, limits);
 */
export function watchHostProcess(process: ProcessLike, options: HostProcessOptions): HostProcessRun {
  const started = Date.now();
  const state: HostOutcome = {
    events: [], code: null, signal: null, timedOut: false, outputExceeded: false, forgedLines: 0, tail: "", durationMs: 0,
  };
  let stopped = false;
  let markStopped: () => void = () => {};
  const stoppedSignal = new Promise<null>((resolve) => (markStopped = () => resolve(null)));
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill();
    } catch {
      // Already gone.
    }
    markStopped();
  };

  const { reader } = readHostOutput(state, { nonce: options.nonce, outputLimitBytes: options.outputLimitBytes, onOutput: options.onOutput, onEvent: options.onEvent, stop });
  const decoder = new TerminalTextDecoder(options.nonce);
  const pump = process.output
    .pipeTo(new WritableStream<string>({ write: (chunk) => reader.push(decoder.push(chunk)) }))
    .catch(() => {});

  const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => {
    state.timedOut = true;
    stop();
  }, options.timeoutMs);

  const outcome = (async (): Promise<HostOutcome> => {
    const code = await Promise.race([process.exit.catch(() => null), stoppedSignal]);
    clearTimeout(timer);
    let drainTimer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([pump, new Promise((resolve) => (drainTimer = setTimeout(resolve, options.drainMs ?? 150)))]);
    clearTimeout(drainTimer);
    reader.push(decoder.end());
    reader.end();
    stop();
    return { ...state, code, durationMs: Date.now() - started };
  })();
  return { outcome, stop };
}
