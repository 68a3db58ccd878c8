import type { HostEvent } from "../../payload/protocol";
import { errorReport } from "../../report";
import type { GradeReport } from "../../report";
import { reportFromOutcome } from "../node/outcome-report";
import type { HostOutcome } from "../node/run-host";
import type { HostChannel } from "./host-worker";

export interface CheckRunOptions {
  /** The run's files: learner files and `.vial/checks.ts`. */
  files: Record<string, string>;
  entry?: string;
  timeoutMs: number;
  checkTimeoutMs: number;
  outputLimitBytes: number;
  /** Longest wait for the worker to load the bundles (default 30 000 ms). */
  readyTimeoutMs?: number;
  onOutput(text: string): void;
}

/** Time kept back from the run's limit so the grader can report before the worker is ended. */
const REPORT_MARGIN_MS = 1500;
/** Output kept for error messages. */
const TAIL_LIMIT = 8 * 1024;

function waitReady(worker: HostChannel, ms: number): Promise<string | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`it did not load within ${ms / 1000} s`), ms)));
  const ready = worker.ready.then(() => undefined, (error: unknown) => (error instanceof Error ? error.message : String(error)));
  return Promise.race([ready, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs the lesson's checks once in a sandbox Worker and returns the grade report. Never
 * rejects: a run that loops, floods the output, calls process.exit or kills the worker becomes
 * an `error` report naming the cause (the same words as the node engine). The caller ends the
 * worker afterwards; a run leaves it in no state worth keeping.
 *
 * @example
 * const worker = new HostWorker(urls, { outputLimit: 1e6, name: "check" });
 * const report = await runCheckInWorker(worker, { files, timeoutMs: 10_000, checkTimeoutMs: 5000, outputLimitBytes: 1e6, onOutput });
 * worker.terminate();
 */
export async function runCheckInWorker(worker: HostChannel, options: CheckRunOptions): Promise<GradeReport> {
  const notReady = await waitReady(worker, options.readyTimeoutMs ?? 30_000);
  if (notReady) return errorReport(`The sandbox could not start: ${notReady}. Reload the page to try again.`);

  const started = Date.now();
  const state: HostOutcome = {
    events: [], code: null, signal: null, timedOut: false, outputExceeded: false, forgedLines: 0, tail: "", durationMs: 0,
  };
  let crashed: string | undefined;
  const cleanups: (() => void)[] = [];
  await new Promise<void>((done) => {
    const timer = setTimeout(() => {
      state.timedOut = true;
      done();
    }, options.timeoutMs);
    cleanups.push(() => clearTimeout(timer));
    cleanups.push(worker.onCrash((reason) => {
      crashed = reason;
      done();
    }));
    cleanups.push(worker.onMessage((message) => {
      switch (message.type) {
        case "output":
          state.tail = (state.tail + message.text).slice(-TAIL_LIMIT);
          options.onOutput(message.text);
          break;
        case "output-exceeded":
          state.outputExceeded = true;
          done();
          break;
        case "event":
          state.events.push(message.event);
          // An exit ends the run at once, as it ends the node process.
          if ((message.event as HostEvent).type === "exit") done();
          break;
        case "report":
          state.report = message.report;
          done();
          break;
      }
    }));
    const budgetMs = Math.max(options.timeoutMs - REPORT_MARGIN_MS, options.timeoutMs / 2);
    worker.post({ type: "check", files: options.files, entry: options.entry, checkTimeoutMs: options.checkTimeoutMs, budgetMs });
  });
  for (const cleanup of cleanups) cleanup();
  state.durationMs = Date.now() - started;
  state.forgedLines = worker.untrustedMessages;

  if (crashed !== undefined && state.report === undefined) {
    return errorReport(`The sandbox worker stopped before the checks finished: ${crashed}.`, state.tail, state.durationMs);
  }
  const report = reportFromOutcome(state, { timeoutMs: options.timeoutMs, memoryMb: 0, outputLimitBytes: options.outputLimitBytes });
  return report;
}
