/**
 * The worker engine's side of `npm run bench:database`: the sandbox harness's page in headless
 * Chromium (bench/sandbox-worker.ts), driven through `window.harness` as the e2e tests drive it.
 */
import type { Page } from "@playwright/test";
import { DATABASE_FILE_NAMES } from "../../sandbox/engines/browser-assets";
import type { GradeReport } from "../../sandbox/report";
import type { Workspace } from "../../sandbox/sandbox";
import type { HarnessBrowser } from "../sandbox-worker";

/** A graded run and how long it took (ms, the page's clock). */
export interface TimedReport {
  ms: number;
  report: GradeReport;
}

/** What the harness server has answered so far ("GET /path", in order). */
async function served(origin: string): Promise<string[]> {
  const response = await fetch(`${origin}/__requests`);
  return ((await response.json()) as { paths: string[] }).paths;
}

const DATABASE_PATHS = new Set(Object.values(DATABASE_FILE_NAMES).map((name) => `/sandbox/${name}`));

/** The database files among served requests ("GET /sandbox/pglite.wasm" → "/sandbox/pglite.wasm"), each once, in DATABASE_FILE_NAMES' order. */
function databaseRequests(requests: readonly string[]): string[] {
  const paths = new Set(requests.map((request) => request.replace(/^GET /, "")));
  return [...DATABASE_PATHS].filter((path) => paths.has(path));
}

/** In the page: a new worker sandbox, the workspace loaded, its checks run; timed from before the sandbox exists. */
function freshSandboxCheck(page: Page, workspace: Workspace): Promise<TimedReport> {
  return page.evaluate(async (loaded) => {
    const started = performance.now();
    await window.harness.create("worker");
    const sandbox = window.harness.sandbox();
    await sandbox.load(loaded);
    const report = await sandbox.check();
    const ms = performance.now() - started;
    await sandbox.dispose();
    return { ms, report };
  }, workspace);
}

/** The first query of a fresh worker sandbox, without PGlite's files and with them cached. */
export interface FirstQuery {
  cold: TimedReport;
  cached: TimedReport;
  /** The database files the cold run fetched from the server. */
  fetched: string[];
  /** The database files the server answered during the cached run (should be none). */
  fetchedWhenCached: string[];
}

/**
 * In a fresh browser profile (nothing cached), times a new worker sandbox's first check of
 * `workspace`; then reloads the page offline, so PGlite's files can come only from the Service
 * Worker's cache, and times it again.
 *
 * @example
 * const { cold, cached, fetched } = await workerFirstQuery(harness, { files, checks: FIRST_QUERY_CHECKS });
 */
export async function workerFirstQuery(harness: HarnessBrowser, workspace: Workspace): Promise<FirstQuery> {
  const context = await harness.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${harness.origin}/`);
    await page.evaluate(() => window.harness.ready());
    const before = await served(harness.origin);
    const cold = await freshSandboxCheck(page, workspace);
    const afterCold = await served(harness.origin);
    await context.setOffline(true);
    await page.reload();
    await page.evaluate(() => window.harness.ready());
    const cached = await freshSandboxCheck(page, workspace);
    await context.setOffline(false);
    const afterCached = await served(harness.origin);
    return {
      cold,
      cached,
      fetched: databaseRequests(afterCold.slice(before.length)),
      fetchedWhenCached: databaseRequests(afterCached.slice(afterCold.length)),
    };
  } finally {
    await context.close();
  }
}

/**
 * A worker sandbox kept open in a page of its own, for runs that follow one another (edits).
 *
 * @example
 * const worker = await openWorkerSandbox(harness);
 * await worker.load(workspace);
 * const { ms, report } = await worker.editAndCheck("app.ts", source);
 */
export async function openWorkerSandbox(harness: HarnessBrowser) {
  const context = await harness.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${harness.origin}/`);
  await page.evaluate(() => window.harness.ready());
  await page.evaluate(() => window.harness.create("worker"));
  return {
    load: (workspace: Workspace) => page.evaluate((loaded) => window.harness.sandbox().load(loaded), workspace),
    check: () => page.evaluate(() => window.harness.sandbox().check()),
    /** write() of one file to a finished report, timed in the page. */
    editAndCheck: (path: string, contents: string): Promise<TimedReport> =>
      page.evaluate(async ([file, text]) => {
        const started = performance.now();
        const sandbox = window.harness.sandbox();
        await sandbox.write(file, text);
        const report = await sandbox.check();
        return { ms: performance.now() - started, report };
      }, [path, contents] as const),
    close: () => context.close(),
  };
}
