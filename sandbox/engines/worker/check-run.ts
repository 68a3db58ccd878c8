import { errorReport } from "../../error-report";
import type { GradeReport } from "../../report";
import type { HostOutcome } from "../node/run-host";
import type { HostChannel } from "./host-worker";
import type { HostMessage } from "./protocol";

/** The workers of one check run: the grader's, and learner realms as the grader asks for them. */
export interface CheckRunWorkers {
  /** A worker in the "grader" role; the caller ends it after the run. */
  grader: HostChannel;
  /** A worker in the "learner" role for each realm the grader starts (warm, or made now); the run ends them. */
  learner(): HostChannel;
}

export interface CheckRunOptions {
  /** The learner's files (never the checks: learner realms do not get them). */
  files: Record<string, string>;
  /** The lesson's checks.ts, for the grader only. */
  checks: string;
  entry?: string;
  timeoutMs: number;
  checkTimeoutMs: number;
  outputLimitBytes: number;
  /** Longest wait for the grader's worker to load the bundles (default 30 000 ms). */
  readyTimeoutMs?: number;
  onOutput(text: string): void;
}

/** Time kept back from the run's limit so the grader can report before its worker is ended. */
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
 * Runs the lesson's checks once and returns the grade report. The grader's worker runs the
 * checks; the learner's code runs only in learner workers, attached to the grader by channels
 * the grader made (the page passes the learner's end on and keeps nothing). The report is read
 * from the grader's private port alone; from a learner worker the page reads only output.
 *
 * Never rejects. A learner realm that crashes is the grader's to handle (that check becomes an
 * error, the next one gets a fresh realm); output past the limit, the grader's worker dying, or
 * the whole run passing `timeoutMs` become an `error` report naming the cause.
 *
 * @example
 * const report = await runCheckInWorkers({ grader, learner: () => spawnLearner() }, { files, checks, timeoutMs: 10_000, checkTimeoutMs: 5000, outputLimitBytes: 1e6, onOutput });
 * grader.terminate();
 */
export async function runCheckInWorkers(workers: CheckRunWorkers, options: CheckRunOptions): Promise<GradeReport> {
  // The report's reader (zod and its schemas) loads with the first check, not with the page.
  const reader = import("../node/outcome-report");
  reader.catch(() => undefined);
  const { grader } = workers;
  const notReady = await waitReady(grader, options.readyTimeoutMs ?? 30_000);
  if (notReady) return errorReport(`The sandbox could not start: ${notReady}. Reload the page to try again.`);

  const started = Date.now();
  const state: HostOutcome = {
    events: [], code: null, signal: null, timedOut: false, outputExceeded: false, forgedLines: 0, tail: "", durationMs: 0,
  };
  let crashed: string | undefined;
  let over = false;
  /** Characters of learner output in this run. */
  let printed = 0;
  const learners = new Map<number, HostChannel>();
  const cleanups: (() => void)[] = [];
  const output = (text: string) => {
    state.tail = (state.tail + text).slice(-TAIL_LIMIT);
    options.onOutput(text);
  };

  await new Promise<void>((finish) => {
    const done = () => {
      over = true;
      finish();
    };
    const timer = setTimeout(() => {
      state.timedOut = true;
      done();
    }, options.timeoutMs);
    cleanups.push(() => clearTimeout(timer));
    cleanups.push(grader.onCrash((reason) => {
      crashed = reason;
      done();
    }));

    /** A learner realm for the grader: only its output is read; its end of the channel goes to it. */
    const startLearner = (id: number, port: MessagePort) => {
      if (over) return port.close();
      const learner = workers.learner();
      learners.set(id, learner);
      const gone = (reason: string) => !over && grader.post({ type: "learner-gone", learner: id, reason });
      learner.onMessage((message) => {
        if (message.type === "output" && typeof message.text === "string") {
          // The learner Worker's own limit is its code's to bypass (it may post on the port
          // itself); the page counts what it was sent.
          printed += message.text.length;
          if (printed > options.outputLimitBytes) {
            state.outputExceeded = true;
            done();
          } else output(message.text);
        } else if (message.type === "output-exceeded") {
          state.outputExceeded = true;
          done();
        }
      });
      learner.onCrash((reason) => gone(`stopped: ${reason}`));
      learner.ready.catch((error: unknown) => gone(`could not start: ${error instanceof Error ? error.message : String(error)}`));
      learner.post({ type: "attach", files: options.files, port }, [port]);
    };

    cleanups.push(grader.onMessage((message: HostMessage) => {
      switch (message.type) {
        case "output":
          output(message.text);
          break;
        case "output-exceeded":
          state.outputExceeded = true;
          done();
          break;
        case "event":
          state.events.push(message.event);
          break;
        case "report":
          state.report = message.report;
          done();
          break;
        case "learner-start":
          startLearner(message.learner, message.port);
          break;
        case "learner-kill":
          learners.get(message.learner)?.terminate();
          break;
      }
    }));
    const budgetMs = Math.max(options.timeoutMs - REPORT_MARGIN_MS, options.timeoutMs / 2);
    grader.post({ type: "check", checks: options.checks, entry: options.entry, checkTimeoutMs: options.checkTimeoutMs, budgetMs });
  });
  for (const cleanup of cleanups) cleanup();
  for (const learner of learners.values()) learner.terminate();
  state.durationMs = Date.now() - started;
  state.forgedLines = grader.untrustedMessages;

  if (crashed !== undefined && state.report === undefined) {
    return errorReport(`The sandbox worker stopped before the checks finished: ${crashed}.`, state.tail, state.durationMs);
  }
  let reportFromOutcome: Awaited<typeof reader>["reportFromOutcome"];
  try {
    ({ reportFromOutcome } = await reader);
  } catch (error) {
    return errorReport(`The page could not load the code that reads the checks' report (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`, state.tail, state.durationMs);
  }
  return reportFromOutcome(state, { timeoutMs: options.timeoutMs, memoryMb: 0, outputLimitBytes: options.outputLimitBytes });
}
