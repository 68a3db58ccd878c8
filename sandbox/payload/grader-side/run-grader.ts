import { createGrader } from "../../grader/grader";
import type { GraderEvents } from "../../grader/grader";
import { RunError } from "../../grader/failure";
import type { GradeReport } from "../../report";
import { describeCheckError, describeLoadError } from "../runtime/describe";
import { createModuleLoader } from "../runtime/module-loader";
import type { Transform } from "../runtime/module-loader";
import { CHECKS_PATH } from "../runtime/paths";
import { checksImports } from "./checks-imports";
import type { LearnerPort } from "./learner-link";
import { LearnerSession, learnerErrorOrigin } from "./learner-session";
import { createProxies } from "./proxies";
import { answerSql, type SandboxDatabase } from "./database";
import type { TestClientClass } from "./proxies";
import { createHostedApps } from "../../grader/hosted-apps";
import type { ConfigParsers } from "../../grader/config-files";
import type { AppSignal } from "../realm/messages";

/** What the grader's realm is given by its host (a node process, a Worker). */
export interface GraderSideHost {
  /** Reads the lesson's checks (`.vial/checks.ts`); nothing of the learner's is read here. */
  readFile(path: string): string | undefined;
  /** The grader's own copies of what checks may import: { vial, zod? }. */
  modules: Record<string, unknown>;
  transform: Transform;
  /** Starts a learner realm (a process, a Worker); called again for a fresh one after a kill. */
  startLearner(): LearnerPort;
  /** The lesson's database, opened on first use (engines that have one; see database.ts). */
  database?: () => Promise<SandboxDatabase>;
  /** The grader's `parse`, from `.vial/config-parsers.mjs`, for checks that use it (grader/config-parsers.ts). */
  parsers?: ConfigParsers;
}

export interface RunGraderOptions {
  host: GraderSideHost;
  /** The learner's entry file, loaded first so its errors name it (default "app.ts"). */
  entry?: string;
  checkTimeoutMs?: number;
  /** Time budget for the whole run; checks that cannot start in time are skipped. */
  budgetMs?: number;
  events?: GraderEvents;
  /** Replays a run's randomised fixtures (the `seed` of its report); a fresh seed otherwise. */
  seed?: string;
  /** Skip the checks after the first failure (see GraderRunOptions). */
  stopAtFirstFailure?: boolean;
  /** Report concealed checks' failures in full (see GraderRunOptions). */
  revealConcealed?: boolean;
}

function describe(error: unknown, fallback: (error: unknown) => string): string {
  const origin = learnerErrorOrigin(error);
  if (origin) return `${(error as Error).name}: ${(error as Error).message}${origin.at ? ` (at ${origin.at})` : ""}`;
  if (error instanceof RunError) return error.message;
  return fallback(error);
}

/**
 * Runs the lesson's checks in this realm against the learner's code in another: the learner
 * realm loads the learner's files; the checks' imports of them ("./app") become proxies; the
 * report is made here. Never throws: code that fails to load gives an `error` report.
 *
 * @example
 * const report = await runGrader({ host: { readFile, modules: { vial }, transform, startLearner }, checkTimeoutMs: 5000 });
 */
export async function runGrader(options: RunGraderOptions): Promise<GradeReport> {
  const started = Date.now();
  const { host } = options;
  const entry = options.entry ?? "app.ts";
  const checkTimeoutMs = options.checkTimeoutMs ?? 5000;
  const { database } = host;
  // Apps the learner's tests call live here, in the grader's realm (grader/hosted-apps.ts).
  const hosted = createHostedApps();
  // `appLog` waits for the learner's realm to answer a ping: what it printed before has arrived.
  const flushLog = () => session.flush();
  // `appProcess` signals the learner's realm: a real signal where its port can send one.
  const appProcess = { signal: (signal: AppSignal) => session.signal(signal), exited: (withinMs: number) => session.exited(withinMs) };
  const grader = createGrader({ ...(options.seed === undefined ? {} : { seed: options.seed }), ...(database ? { database } : {}), hosted, flushLog, appProcess, ...(host.parsers ? { parsers: host.parsers } : {}) });
  // The fake clock lives here; the learner realm's Date.now follows it through the messages.
  const session = new LearnerSession(host.startLearner, () => grader.api.clock.advancedSeconds * 1000, database && ((message) => answerSql(database, message)), {
    appFetch: (message) => hosted.answer(message),
    log: (message) => grader.recordLog(message.text),
  });
  const elapsed = () => Date.now() - started;
  const errorReport = (message: string): GradeReport => ({ status: "error", durationMs: elapsed(), message, checks: [] });
  try {
    const source = host.readFile(CHECKS_PATH);
    if (source === undefined) return errorReport("The lesson has no checks.ts.");
    // The database starts while the learner's code loads, so no check's time limit pays for it.
    const databaseReady = database && /\bdatabase\./.test(source) ? database().then(() => undefined, (error: unknown) => `The lesson's database did not start: ${error instanceof Error ? error.message : String(error)}`) : undefined;
    const specifiers = checksImports(source, host.transform);
    // Loading gets the run's budget: a flood of output at load time should meet the output limit first.
    const loadTimeoutMs = options.budgetMs ?? checkTimeoutMs * 2;
    const opened = await session.open({ entry, modules: specifiers }, loadTimeoutMs, options.budgetMs ?? Infinity);
    if ("error" in opened) return errorReport(opened.error);
    const databaseError = await databaseReady;
    if (databaseError) return errorReport(databaseError);

    const TestClient = (host.modules["vial/testing"] as { TestClient?: unknown } | undefined)?.TestClient;
    const proxies = createProxies(session, typeof TestClient === "function" ? (TestClient as TestClientClass) : undefined);
    const modules: Record<string, unknown> = { ...host.modules, grader: grader.api };
    for (const specifier of specifiers) {
      const exports = proxies.toLocal(opened.modules[specifier] ?? { kind: "object", entries: [] }, undefined);
      // Sucrase's interop reads named imports off an ES module record; mark the proxy as one.
      if (typeof exports === "object" && exports !== null) Object.defineProperty(exports, "__esModule", { value: true });
      modules[specifier] = exports;
    }
    const loader = createModuleLoader({ readFile: (path) => (path === CHECKS_PATH ? source : undefined), modules, transform: host.transform });
    try {
      loader.load(CHECKS_PATH, { name: "checks.ts", dir: "" });
    } catch (error) {
      return errorReport(describeLoadError(error, loader));
    }
    const outcome = await grader.run({
      checkTimeoutMs,
      budgetMs: options.budgetMs === undefined ? undefined : options.budgetMs - elapsed(),
      describeError: (error) => describe(error, (other) => describeCheckError(other, loader)),
      events: options.events,
      beforeCheck: (remainingMs) => session.beforeCheck(remainingMs),
      afterTimeout: (name, ms) => session.afterTimeout(name, ms),
      ...(options.stopAtFirstFailure ? { stopAtFirstFailure: true } : {}),
      ...(options.revealConcealed ? { revealConcealed: true } : {}),
    });
    const notes = session.notes.length ? session.notes.join("\n") : undefined;
    const message = [outcome.message, notes].filter(Boolean).join("\n") || undefined;
    return { ...outcome, ...(message ? { message } : {}), durationMs: elapsed() };
  } finally {
    session.close();
  }
}
