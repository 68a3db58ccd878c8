import { createTrackedExpect, expect } from "./expect";
import { isCheckFailure, RunError } from "./failure";
import { createHttp } from "./http";
import type { HttpClient } from "./http";
import type { CheckResult, HttpTrace } from "../report";
import { createAttackKit, type AttackKit } from "./attack";
import { createRandom, type Random } from "./attack/random";
import { createClock, realNow, type Clock } from "./clock";
import { createDatabaseApi, type DatabaseApi, type GraderDatabase } from "./database";
import type { HostedApps } from "./hosted-apps";
import { createLearnerTests, type LearnerTestsOptions, type LearnerTestSuite } from "./learner-tests";
import type { ConfigParsers } from "./config-files";
import { graderParse } from "./config-parsers";
import { createAppLog, type AppLog } from "./app-log";
import { createAppProcess, type AppProcess, type AppProcessHost } from "./app-process";

/** Options of one check: the lesson task it grades, and a hint shown when it fails. */
export interface CheckOptions {
  task?: number;
  hint?: string;
  /** Overrides the run's per-check time limit for a check known to be slow. */
  timeoutMs?: number;
  /** Skips the check (a reason may be given), e.g. while a lesson is being written. */
  skip?: boolean | string;
  /**
   * When the check fails, the report says only {@link CONCEALED_MESSAGE}: no message, trace or
   * check hint. For an audit, where what a failing check sent and saw would say where the
   * unfixed bug is (the lesson's task hints reveal it, one at a time, when asked).
   */
  conceal?: boolean;
}

/** All that the report of a learner's run says of a concealed check that fails. */
export const CONCEALED_MESSAGE = "Not fixed yet. This check does not say where or what: the task's hints do, one at a time, when you ask.";

/** What checks.ts sees as the `grader` module. */
export interface GraderApi {
  check(name: string, fn: () => unknown, options?: CheckOptions): void;
  expect: typeof expect;
  http: (app: unknown) => HttpClient;
  /** Probes that attack the app (XSS, CSP, open redirects, ...); see attack/index.ts. */
  attack: AttackKit;
  /** This run's seeded randomness, for fixtures that differ per run; its seed is in the report. */
  random: Random;
  /** The run's fake clock: `clock.advance(61)` crosses a one-minute rate-limit window at once. */
  clock: Clock;
  /** The lesson's database, from the checks' side: `database.setup(fn)` before every check, `database.query(sql, params)`. */
  database: DatabaseApi;
  /** Grades the learner's own tests against the correct app and seeded bugs; see learner-tests.ts. */
  learnerTests: (options: LearnerTestsOptions) => LearnerTestSuite;
  /** What the app printed during the running check, line by line: `await appLog.lines()`; see app-log.ts. */
  appLog: AppLog;
  /** Parsers for files a check reviews instead of running (a Dockerfile, a CI workflow); see config-files.ts. */
  parse: ConfigParsers;
  /** The learner's process: `await appProcess.signal("SIGTERM")`, `await appProcess.exited(ms)`; see app-process.ts. */
  appProcess: AppProcess;
}

/** Announcements while checks run, so an engine that must kill a run still knows what ran. */
export interface GraderEvents {
  plan?(checks: { name: string; task?: number; hint?: string }[]): void;
  checkStart?(name: string): void;
  checkEnd?(result: CheckResult): void;
}

export interface GraderRunOptions {
  /** Longest time one check may take before it is reported as an error. */
  checkTimeoutMs: number;
  /** Time budget for all checks; checks that cannot start in time are skipped. */
  budgetMs?: number;
  /** Turns a thrown error into learner words, with file:line when it came from their code. */
  describeError?(error: unknown): string;
  events?: GraderEvents;
  /**
   * Before each check (not skipped ones), with the budget left: e.g. replace a learner realm
   * that died in the last one. A reason it gives makes the check a skip with that message.
   */
  beforeCheck?(remainingMs: number): Promise<string | undefined>;
  /** After a check ran out of time: e.g. stop a learner realm stuck in a loop. */
  afterTimeout?(name: string, timeoutMs: number): Promise<void>;
  /**
   * Skip every check after the first that fails: for code known to be wrong (a lesson's wrong
   * variants, mutants), where one refusing check is the whole answer and the rest only cost time.
   */
  stopAtFirstFailure?: boolean;
  /** Report concealed checks' failures in full: for the lesson's author (lessons:check, lessons:mutate), never a learner's run. */
  revealConcealed?: boolean;
}

export interface GraderOutcome {
  status: "pass" | "fail" | "error";
  /** The seed of the run's randomness: grading again with it replays the same fixtures. */
  seed: string;
  message?: string;
  checks: CheckResult[];
}

interface RegisteredCheck {
  name: string;
  fn: () => unknown;
  options: CheckOptions;
}

/** The least time the database setup before a check gets (a busy machine runs a schema slowly). */
const SETUP_MIN_MS = 15_000;

/** Below this much remaining budget a check is not started: it could not finish anyway. */
const MIN_CHECK_BUDGET_MS = 50;

const TIMED_OUT = Symbol("timed out");

function defaultDescribe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : `Threw ${String(error)}`;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A failing check's result without what would say where its bug is (see CheckOptions.conceal). */
function concealed(result: CheckResult): CheckResult {
  if (result.status === "pass" || result.status === "skip") return result;
  const { trace: _trace, hint: _hint, ...rest } = result;
  return result.status === "fail" ? { ...rest, message: CONCEALED_MESSAGE } : rest;
}

function overallStatus(checks: CheckResult[]): GraderOutcome["status"] {
  if (checks.some((c) => c.status === "error")) return "error";
  return checks.some((c) => c.status === "fail") ? "fail" : "pass";
}

/**
 * Creates one grader: the `check`/`expect`/`http` API that a lesson's checks.ts imports, and
 * `run()` that runs the registered checks one after another, each with a time limit.
 *
 * @example
 * const grader = createGrader();            // or createGrader({ seed }) to replay a run
 * grader.api.check("GET / answers", async () => { ... }, { task: 1 });
 * const outcome = await grader.run({ checkTimeoutMs: 5000 });
 */
export function createGrader(options: {
  seed?: string;
  database?: () => Promise<GraderDatabase>;
  hosted?: HostedApps;
  flushLog?: () => Promise<void>;
  /** The config parsers (`.vial/config-parsers.mjs`), loaded by the host for checks that use `parse`. */
  parsers?: ConfigParsers;
  /** What `appProcess` signals: the learner session of a run whose learner has a realm of its own. */
  appProcess?: AppProcessHost;
} = {}): {
  api: GraderApi;
  /** Takes what the learner's code printed, for `appLog` (the learner link calls it). */
  recordLog(text: string): void;
  run(options: GraderRunOptions): Promise<GraderOutcome>;
  /** Installs the fake clock over `Date.now` (before the learner's code loads) and removes it. */
  clock: { install(): void; uninstall(): void };
} {
  const registered: RegisteredCheck[] = [];
  const random = createRandom(options.seed);
  const clock = createClock();
  const database = createDatabaseApi(options.database);
  const appLog = createAppLog(options.flushLog);
  let running = false;
  let lastTrace: HttpTrace | undefined;
  /** The running check's async expectations (see createTrackedExpect). */
  let pending: Promise<unknown>[] | undefined;

  const api: GraderApi = Object.freeze({
    check(name: string, fn: () => unknown, options: CheckOptions = {}) {
      if (running) throw new Error(`check("${name}") was called while checks were running; call check() at the top level of checks.ts.`);
      if (typeof fn !== "function") throw new TypeError(`check("${name}") needs a function as its second argument.`);
      registered.push({ name, fn, options });
    },
    expect: createTrackedExpect((promise) => {
      promise.catch(() => {}); // judged after the check (runOne); not an unhandled rejection
      pending?.push(promise);
    }),
    http: createHttp((trace) => (lastTrace = trace)),
    attack: createAttackKit(random, (app) => api.http(app), clock.api),
    random,
    clock: clock.api,
    database: database.api,
    learnerTests: createLearnerTests(options.hosted, random),
    appLog: appLog.api,
    parse: graderParse(options.parsers),
    appProcess: createAppProcess(options.appProcess),
  });

  async function runOne(entry: RegisteredCheck, timeoutMs: number, describe: (e: unknown) => string, onTimeout: () => void): Promise<CheckResult> {
    const { name, options } = entry;
    const base: CheckResult = { name, status: "pass", ...(options.task !== undefined ? { task: options.task } : {}) };
    if (options.skip) {
      return { ...base, status: "skip", message: typeof options.skip === "string" ? options.skip : "Skipped by the lesson." };
    }
    lastTrace = undefined;
    // Each check reads only what the app printed while it ran.
    appLog.reset();
    let outcome: unknown;
    let threw = false;
    let inSetup = true;
    const checkPending: Promise<unknown>[] = [];
    pending = checkPending;
    try {
      // Expectations the check forgot to await are judged too, so they cannot pass by default.
      // Each check starts from the lesson's database as its setup makes it, whatever the last one
      // did. The setup has a limit of its own: the check's is for what the check itself sends.
      const setUp = await withTimeout(database.beforeCheck(), Math.max(SETUP_MIN_MS, timeoutMs));
      if (setUp === TIMED_OUT) onTimeout();
      if (setUp === TIMED_OUT) throw new RunError(`Setting up the lesson's database before this check did not finish within ${Math.round(Math.max(SETUP_MIN_MS, timeoutMs) / 1000)} s. Does initDb() wait on something that never finishes?`);
      inSetup = false;
      outcome = await withTimeout(Promise.resolve().then(entry.fn).then(async (value) => {
        await Promise.all(checkPending);
        return value;
      }), timeoutMs);
    } catch (error) {
      outcome = error;
      threw = true;
    }
    pending = undefined;
    const trace = lastTrace ? { trace: lastTrace } : {};
    const hint = options.hint !== undefined ? { hint: options.hint } : {};
    if (outcome === TIMED_OUT) {
      onTimeout();
      const seconds = Math.round(timeoutMs / 100) / 10;
      return {
        ...base, ...hint, ...trace, status: "error",
        message: `This check did not finish within ${seconds} s. Does a handler never return a response, or wait on something that never finishes?`,
      };
    }
    if (!threw) return { ...base, ...trace };
    if (outcome instanceof RunError) return { ...base, ...hint, ...trace, status: "error", message: outcome.message };
    const described = isCheckFailure(outcome) ? (outcome as Error).message : describe(outcome);
    const message = inSetup ? `Setting up the lesson's database before this check failed: ${described}` : described;
    return { ...base, ...hint, ...trace, status: "fail", message };
  }

  async function run(options: GraderRunOptions): Promise<GraderOutcome> {
    running = true;
    const describe = options.describeError ?? defaultDescribe;
    const started = realNow();
    const budget = options.budgetMs ?? Infinity;
    // A concealed check's own hint stays out of the plan too: the panel shows the plan's hints.
    const showsHint = (o: CheckOptions) => o.hint && (!o.conceal || options.revealConcealed);
    options.events?.plan?.(registered.map(({ name, options: o }) => ({ name, ...(o.task !== undefined ? { task: o.task } : {}), ...(showsHint(o) ? { hint: o.hint } : {}) })));
    const checks: CheckResult[] = [];
    let notRun = false;
    let failed = false;
    for (const entry of registered) {
      const remaining = budget - (realNow() - started);
      let result: CheckResult;
      let skipReason: string | undefined;
      if (failed && options.stopAtFirstFailure) {
        result = { name: entry.name, status: "skip", message: "Not run: an earlier check failed, and this run stops at the first failure.", ...(entry.options.task !== undefined ? { task: entry.options.task } : {}) };
      } else if (remaining < MIN_CHECK_BUDGET_MS) {
        notRun = true;
        result = { name: entry.name, status: "skip", message: "Not run: the checks ran out of time.", ...(entry.options.task !== undefined ? { task: entry.options.task } : {}) };
      } else if (!entry.options.skip && (skipReason = await options.beforeCheck?.(remaining))) {
        notRun = true;
        result = { name: entry.name, status: "skip", message: skipReason, ...(entry.options.task !== undefined ? { task: entry.options.task } : {}) };
      } else {
        options.events?.checkStart?.(entry.name);
        const timeoutMs = Math.max(MIN_CHECK_BUDGET_MS, Math.min(entry.options.timeoutMs ?? options.checkTimeoutMs, budget - (realNow() - started)));
        let timedOut = false;
        result = await runOne(entry, timeoutMs, describe, () => (timedOut = true));
        if (entry.options.conceal && !options.revealConcealed) result = concealed(result);
        if (timedOut) await options.afterTimeout?.(entry.name, timeoutMs);
      }
      if (result.status === "fail" || result.status === "error") failed = true;
      checks.push(result);
      options.events?.checkEnd?.(result);
    }
    if (checks.length === 0) return { status: "error", seed: random.seed, message: "checks.ts did not define any checks.", checks };
    const status = overallStatus(checks);
    // Checks the run could not get to are not passed: a slow or stopped run never grades as a pass.
    if (status === "pass" && notRun) return { status: "error", seed: random.seed, message: "Not every check could run, so this run cannot pass. Try again.", checks };
    return { status, seed: random.seed, checks };
  }

  return { api, run, recordLog: appLog.record, clock: { install: clock.install, uninstall: clock.uninstall } };
}
