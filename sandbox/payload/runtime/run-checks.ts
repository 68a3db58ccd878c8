import { createGrader } from "../../grader/grader";
import type { GraderEvents } from "../../grader/grader";
import type { GradeReport } from "../../report";
import { describeCheckError, describeLoadError } from "./describe";
import { createModuleLoader } from "./module-loader";
import type { RuntimeHost } from "./module-loader";
import { CHECKS_PATH } from "./paths";

export { CHECKS_PATH };

export interface RunChecksOptions {
  host: RuntimeHost;
  /** The learner's entry file, loaded first so its errors name it (default "app.ts"). */
  entry?: string;
  checkTimeoutMs?: number;
  /** Time budget for the whole run; checks that cannot start in time are skipped. */
  budgetMs?: number;
  events?: GraderEvents;
  /** Replays a run's randomised fixtures (the `seed` of its report); a fresh seed otherwise. */
  seed?: string;
}

/**
 * Loads the learner's files and the lesson's checks, runs the checks and returns the grade
 * report. Never throws: code that fails to load gives an `error` report saying where and why.
 *
 * @example
 * const report = await runChecks({ host, entry: "app.ts", checkTimeoutMs: 5000 });
 */
export async function runChecks(options: RunChecksOptions): Promise<GradeReport> {
  const started = Date.now();
  const grader = createGrader(options.seed === undefined ? {} : { seed: options.seed });
  const host = { ...options.host, modules: { ...options.host.modules, grader: grader.api } };
  const loader = createModuleLoader(host);
  const entry = options.entry ?? "app.ts";
  // Before any learner code: the framework's clock must be the grader's fake one.
  grader.clock.install();
  try {
    if (host.readFile(entry) !== undefined) loader.load(entry);
    // The checks import "./app" as if they sat beside the learner's files.
    loader.load(CHECKS_PATH, { name: "checks.ts", dir: "" });
  } catch (error) {
    grader.clock.uninstall();
    return { status: "error", durationMs: Date.now() - started, message: describeLoadError(error, loader), checks: [] };
  }
  const outcome = await grader.run({
    checkTimeoutMs: options.checkTimeoutMs ?? 5000,
    budgetMs: options.budgetMs === undefined ? undefined : options.budgetMs - (Date.now() - started),
    describeError: (error) => describeCheckError(error, loader),
    events: options.events,
  }).finally(() => grader.clock.uninstall());
  return { ...outcome, durationMs: Date.now() - started };
}
