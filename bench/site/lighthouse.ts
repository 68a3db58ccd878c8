/**
 * Lighthouse on the production build: `next start` on a free local port, Debian's Chromium
 * headless, and Lighthouse's default mobile run (simulated slow 4G, 4× CPU slow-down), the way a
 * learner on a school laptop meets the site. Each page is audited several times and every number
 * is the median of its runs, since one run on a busy 2-core machine moves by a lot.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse from "lighthouse";
import { loadCourse } from "../../sandbox/course";

/** The installed Lighthouse's version, for the results file. */
export const LIGHTHOUSE_VERSION: string = (JSON.parse(readFileSync(join(import.meta.dirname, "../../node_modules/lighthouse/package.json"), "utf8")) as { version: string }).version;

/** The numbers of one page, medians over its runs. */
export interface PageAudit {
  path: string;
  runs: number;
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  ttiMs: number;
  /** The longest main-thread task Lighthouse saw (in its simulated, slowed-down time). */
  longestTaskMs: number;
  /**
   * Lighthouse's measure of the machine's speed during the run (higher is faster; a desktop
   * is 1000-2000). Its 4× slow-down assumes a machine about that fast: on a busy one every task
   * already takes longer, and is then multiplied by 4.
   */
  benchmarkIndex: number;
}

export interface AuditOptions {
  repoRoot: string;
  paths: readonly string[];
  runs: number;
  /** Where `next start` listens. */
  port: number;
  chromePath: string;
  log: (line: string) => void;
  /** Told of each run that failed (the page's numbers are then the median of the others). */
  onFailure: (path: string, error: string) => void;
}

/**
 * The pages audited: the home page, the outline, the first lesson of the first chapter and the
 * last lesson of the last chapter (lessons differ in prose, files and tasks).
 */
export async function lighthousePages(repoRoot: string): Promise<string[]> {
  const course = await loadCourse(join(repoRoot, "lessons"));
  const first = course.chapters[0]?.lessons[0];
  const last = course.chapters.at(-1)?.lessons.at(-1);
  const lessons = [...new Set([first, last].filter((lesson) => lesson !== undefined).map((lesson) => `/learn/${lesson.id}`))];
  return ["/", "/learn", ...lessons];
}

/** The Chromium the repository's browser tests use. */
export const DEFAULT_CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";

/**
 * Audits `paths` on the built site; throws when the build, the server or Chromium is missing.
 *
 * @example
 * await auditPages({ repoRoot, paths: ["/", "/learn"], runs: 3, port: 4133, chromePath: DEFAULT_CHROME, log: console.error, onFailure: console.error });
 */
export async function auditPages(options: AuditOptions): Promise<PageAudit[]> {
  if (!existsSync(join(options.repoRoot, ".next/BUILD_ID"))) throw new Error("no production build in .next (run `npm run build`, or pass --site-build)");
  if (!existsSync(options.chromePath)) throw new Error(`no Chromium at ${options.chromePath} (set CHROME_PATH)`);
  const server = await startSite(options.repoRoot, options.port);
  const stopServer = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  let chrome: Awaited<ReturnType<typeof startChrome>> | undefined;
  try {
    chrome = await startChrome(options.chromePath);
    const audits: PageAudit[] = [];
    for (const path of options.paths) {
      const runs: RunNumbers[] = [];
      for (let run = 1; run <= options.runs; run++) {
        options.log(`Lighthouse: ${path} (run ${run} of ${options.runs})`);
        try {
          runs.push(await auditOnce(`http://127.0.0.1:${options.port}${path}`, chrome.port));
        } catch (error) {
          options.onFailure(path, error instanceof Error ? error.message : String(error));
        }
      }
      if (runs.length > 0) audits.push(summarize(path, runs));
    }
    return audits;
  } finally {
    await chrome?.stop();
    stopServer();
  }
}

/** The numbers of one Lighthouse run of one page. */
export type RunNumbers = Omit<PageAudit, "path" | "runs">;

/**
 * The screen a run emulates. "phone" is Lighthouse's default mobile run (412×823); "laptop" keeps
 * its slow 4G and 4× CPU slow-down but on a 1366×768 screen, where the lesson page shows the
 * workspace beside the text at once (on a phone it is below the text, loaded when scrolled to).
 */
export type Screen = "phone" | "laptop";

const LAPTOP_SCREEN = { formFactor: "desktop", screenEmulation: { mobile: false, width: 1366, height: 768, deviceScaleFactor: 1, disabled: false } } as const;

/** One Lighthouse run of `url` in the Chromium listening on `chromePort`. */
export async function auditOnce(url: string, chromePort: number, screen: Screen = "phone"): Promise<RunNumbers> {
  const result = await lighthouse(url, { port: chromePort, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], ...(screen === "laptop" ? LAPTOP_SCREEN : {}) });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
  const metric = (id: string) => {
    const value = lhr.audits[id]?.numericValue;
    if (typeof value !== "number") throw new Error(`Lighthouse did not measure ${id} on ${url}`);
    return value;
  };
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100);
  const longTasks = (lhr.audits["long-tasks"]?.details as { items?: Array<{ duration?: number }> } | undefined)?.items ?? [];
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    fcpMs: metric("first-contentful-paint"),
    lcpMs: metric("largest-contentful-paint"),
    tbtMs: metric("total-blocking-time"),
    ttiMs: metric("interactive"),
    longestTaskMs: Math.max(0, ...longTasks.map((task) => task.duration ?? 0)),
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

/** Every number's median over the runs, each taken on its own. */
export function summarize(path: string, runs: readonly RunNumbers[]): PageAudit {
  if (runs.length === 0) throw new Error(`no Lighthouse runs for ${path}`);
  const pick = (key: keyof RunNumbers) => median(runs.map((run) => run[key]));
  return {
    path,
    runs: runs.length,
    performance: pick("performance"),
    accessibility: pick("accessibility"),
    fcpMs: pick("fcpMs"),
    lcpMs: pick("lcpMs"),
    tbtMs: pick("tbtMs"),
    ttiMs: pick("ttiMs"),
    longestTaskMs: pick("longestTaskMs"),
    benchmarkIndex: pick("benchmarkIndex"),
  };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `next start` of the build in `repoRoot` on 127.0.0.1:`port`, in its own process group; resolves once it answers. */
export async function startSite(repoRoot: string, port: number): Promise<ChildProcess> {
  const next = join(repoRoot, "node_modules/next/dist/bin/next");
  // Its own process group: `next start` runs the server in a child, which must be stopped too.
  const server = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    // Checked before asking the port: another server already on it would answer for this one.
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}); is port ${port} in use?\n${output.trim()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  process.kill(-server.pid!, "SIGTERM");
  throw new Error(`next start did not answer on port ${port} within 60 s:\n${output.trim()}`);
}

/** Headless Chromium with a fresh profile and a DevTools port for Lighthouse; `stop` never throws. */
export async function startChrome(chromePath: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "bench-lighthouse-"));
  const flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--no-default-browser-check", `--user-data-dir=${profile}`, "--remote-debugging-port=0", "about:blank"];
  const chrome = spawn(chromePath, flags, { stdio: ["ignore", "ignore", "pipe"] });
  const exited = new Promise<void>((resolve) => chrome.once("exit", () => resolve()));
  // Never throws: a profile left behind in the temp folder must not hide why a run failed.
  const stop = async () => {
    chrome.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Chromium may still be writing to it; the temp folder is cleared eventually.
    }
  };
  // Chromium prints "DevTools listening on ws://127.0.0.1:<port>/..." once it is ready.
  const port = await new Promise<number>((resolve, reject) => {
    let errors = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not start within 30 s:\n${errors}`)), 30_000);
    chrome.stderr?.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(errors);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
    chrome.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}):\n${errors}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { port, stop };
}
