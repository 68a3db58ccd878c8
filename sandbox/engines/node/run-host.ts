import { randomBytes } from "node:crypto";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { readHostOutput } from "../../host-output";
import { NODE_HOST_PATH } from "../../payload/index";
import { launchArgs, type DatabaseSource } from "../../payload/hosts/host-config";
import type { HostConfig } from "../../payload/hosts/host-config";
import type { HostEvent } from "../../payload/protocol";
import { learnerCommand } from "./learner-command";
import { killGroup, spawnGroup } from "./process-group";

export interface HostRunOptions {
  dir: string;
  config: Omit<HostConfig, "nonce">;
  /** Kill the run after this long; undefined for a long-lived preview server. */
  timeoutMs?: number;
  memoryMb: number;
  /** Where the lesson's database comes from (database-source.ts). */
  database?: DatabaseSource;
  outputLimitBytes: number;
  onOutput(text: string): void;
  onEvent?(event: HostEvent): void;
  /** A spare host started ahead of time with {@link spawnHost}, or one a run left up; a fresh one is spawned without. */
  spare?: ChildProcessWithoutNullStreams;
  /** Keep the host up after its report, for another run (the learner is editing). */
  keepAlive?: boolean;
}

/** How long output still in the pipes may take to arrive once the process has ended. */
const DRAIN_MS = 250;

/** How a run of the payload host ended, and what it said on the way. */
export interface HostOutcome {
  report?: unknown;
  events: HostEvent[];
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  outputExceeded: boolean;
  forgedLines: number;
  /** The last few KB of the learner's output (stdout and stderr). */
  tail: string;
  durationMs: number;
}

/** A handle on a running host: its outcome, and a way to stop it early. */
export interface HostRun {
  outcome: Promise<HostOutcome>;
  stop(): void;
  /** Once the outcome is in: the host, when it reported and stays up for another run (`keepAlive`). */
  reusable(): ChildProcessWithoutNullStreams | undefined;
}

/** The grader's own heap: it holds the checks and copies of responses, never the learner's data. */
const GRADER_MEMORY_MB = 256;

/**
 * V8 flags of the grader host. `--liftoff-only`: WebAssembly (PGlite, PostgreSQL's parser) stays
 * on V8's baseline compiler. A host lives for one edit session or one lesson's lane, too short
 * for TurboFan's tier-up to repay its compile: measured (bench/RESULTS.md, "Lanes, second
 * pass"), PGlite's start took 550 ms of CPU instead of 800, and each wipe + schema + seed
 * 11 ms instead of 55, with no slower statements.
 */
const GRADER_V8_FLAGS = [`--max-old-space-size=${GRADER_MEMORY_MB}`, "--liftoff-only"];

/**
 * Starts the grader host (`node .vial/grader-host.mjs`) in a payload folder; it starts the
 * learner host with {@link learnerCommand}. With `warm`, both load their bundles and warm up,
 * then wait for the run's settings, so a later {@link runHost} skips node's start-up.
 *
 * @example
 * const spare = spawnHost(dir, 256, true);
 * const run = runHost({ ...options, spare });
 */
export function spawnHost(dir: string, memoryMb: number, warm = false, database?: DatabaseSource): ChildProcessWithoutNullStreams {
  // osSignals: a check's appProcess.signal() is a real signal here, sent to the learner's node.
  const launch = launchArgs({ learnerCommand: learnerCommand(dir, memoryMb), memoryMb, warm, osSignals: true, ...(database ? { database } : {}) });
  const child = spawnGroup([process.execPath, ...GRADER_V8_FLAGS, NODE_HOST_PATH, ...launch], dir);
  child.stdin.on("error", () => {}); // the host may be gone before it reads its settings
  return child;
}

/** True while a spawned host has not ended and was not told to. */
export function isAlive(child: ChildProcessWithoutNullStreams): boolean {
  return child.exitCode === null && child.signalCode === null && !child.killed;
}

/**
 * Runs the payload host with its settings (and a fresh nonce) as a line on stdin. Enforces the
 * time and output limits by killing the process group; resolves as soon as the grader's report
 * arrives, or when the process has ended, without waiting on pipes that something it started
 * may still hold open.
 *
 * With `keepAlive`, a host that reported stays up for the next run (see {@link HostRun.reusable});
 * without, its stdin ends, and its group is killed once the report is in.
 *
 * @example
 * const { outcome } = runHost({ dir, config: { mode: "check" }, timeoutMs: 10_000, memoryMb: 256, outputLimitBytes: 1e6, onOutput });
 * const { report, timedOut } = await outcome;
 */
export function runHost(options: HostRunOptions): HostRun {
  const nonce = randomBytes(18).toString("base64url");
  const started = Date.now();
  const child = options.spare && isAlive(options.spare) ? options.spare : spawnHost(options.dir, options.memoryMb, false, options.database);
  const state: HostOutcome = {
    events: [], code: null, signal: null, timedOut: false, outputExceeded: false, forgedLines: 0, tail: "", durationMs: 0,
  };
  let reported = false;
  const stop = () => child.pid !== undefined && killGroup(child.pid);

  const { reader, text } = readHostOutput(state, { nonce, outputLimitBytes: options.outputLimitBytes, onOutput: options.onOutput, onEvent: options.onEvent, stop });
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => {
    state.timedOut = true;
    stop();
  }, options.timeoutMs);

  const outcome = new Promise<HostOutcome>((resolve) => {
    let ended = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      reader.end();
      child.stdout.off("data", onStdout);
      child.stderr.off("data", text);
      child.off("error", onError);
      child.off("exit", onExit);
      resolve({ ...state, code, signal, durationMs: Date.now() - started });
    };
    const onStdout = (chunk: string) => {
      reader.push(chunk);
      // The report is the grader's last word: the run is over, whatever its processes still do.
      // Waiting for them to exit and their pipes to close would add tens of milliseconds.
      if (state.report === undefined || ended) return;
      reported = true;
      finish(0, null);
      // After the caller has the report: finding every descendant reads all of /proc.
      if (!options.keepAlive) setImmediate(stop);
    };
    const onError = (error: Error) => {
      state.tail += `\n${error.message}`;
      if (child.pid === undefined) finish(null, null); // never started: no exit will come
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      stop(); // anything the learner's code left running goes too
      // "close" waits for every copy of the pipes; a process that escaped could hold one forever.
      const drained = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(code, signal);
      }, DRAIN_MS);
      child.once("close", () => {
        clearTimeout(drained);
        finish(code, signal);
      });
    };
    child.stdout.setEncoding("utf8").on("data", onStdout);
    child.stderr.setEncoding("utf8").on("data", text);
    child.on("error", onError);
    child.on("exit", onExit);
  });
  const line = `${JSON.stringify({ ...options.config, nonce } satisfies HostConfig)}\n`;
  if (options.keepAlive) child.stdin.write(line);
  else child.stdin.end(line);
  // A host stopped for its time or output is on its way out, even when its report got through.
  const reusable = () => options.keepAlive === true && reported && !state.timedOut && !state.outputExceeded && isAlive(child);
  return { outcome, stop, reusable: () => (reusable() ? child : undefined) };
}
