/**
 * Benchmark: the worker engine in headless Chromium, time from write() to a finished grade
 * report (the contract's passing lesson; each run changes a file, so each grades new code).
 *
 *   npx tsx bench/sandbox-worker.ts [runs=20]
 *
 * It reports two medians: runs back to back, and runs 500 ms apart (a learner's pause between
 * edits), which lets the engine's next Worker finish loading the bundles beforehand.
 * Starts the sandbox harness (tests/e2e/sandbox/harness-server.ts) on a free port and drives it
 * with Playwright. Uses Debian's /usr/bin/chromium (or CHROMIUM_PATH) when present.
 */
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { chromium } from "@playwright/test";
import type { Browser } from "@playwright/test";
import { startHarnessServer } from "../tests/e2e/sandbox/harness-server";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

/** Flags for headless Chromium on a shared machine: no GPU, no background downloads or updates. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

/** The sandbox harness served on a free port and a headless Chromium to drive it. */
export interface HarnessBrowser {
  browser: Browser;
  /** The harness's address, e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

/**
 * Starts the sandbox harness (tests/e2e/sandbox/harness-server.ts) on a free port and launches
 * Debian's /usr/bin/chromium (or CHROMIUM_PATH) when present, Playwright's own otherwise.
 *
 * @example
 * const harness = await openHarnessBrowser();
 * const page = await harness.browser.newPage();
 * await page.goto(`${harness.origin}/`);
 */
export async function openHarnessBrowser(): Promise<HarnessBrowser> {
  const port = await freePort();
  const server = await startHarnessServer(port);
  const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  try {
    const browser = await chromium.launch({ executablePath: existsSync(systemChromium) ? systemChromium : undefined, args: CHROMIUM_ARGS });
    return {
      browser,
      origin: `http://127.0.0.1:${port}`,
      async close() {
        await browser.close();
        server.close();
      },
    };
  } catch (error) {
    server.close();
    throw error;
  }
}

/**
 * Times `runs` write → grade report cycles of the worker engine (after 2 untimed warm-up runs),
 * with `idleMs` untimed between runs (0: back to back).
 *
 * @example
 * const times = await benchWorkerEngine(20, 500); // milliseconds, one per run
 */
export async function benchWorkerEngine(runs: number, idleMs = 0): Promise<number[]> {
  const harness = await openHarnessBrowser();
  try {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.origin}/`);
    await page.evaluate(() => window.harness.ready());
    await page.evaluate(() => window.harness.create("worker"));
    return await page.evaluate(([count, idle]) => window.harness.bench(count, 2, idle), [runs, idleMs] as const);
  } finally {
    await harness.close();
  }
}

const invokedDirectly = process.argv[1]?.replace(/\\/g, "/").endsWith("bench/sandbox-worker.ts");
if (invokedDirectly) {
  const runs = Number(process.argv[2] ?? 20);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`worker engine (headless Chromium), write() → grade report, ${runs} runs each:`);
  // Back to back, each run also waits for the next Worker to load the bundles; with a pause
  // between edits (as a learner types), that Worker is ready before the check is asked for.
  for (const [label, idleMs] of [["back to back", 0], ["500 ms between edits", 500]] as const) {
    const sorted = (await benchWorkerEngine(runs, idleMs)).sort((a, b) => a - b);
    console.log(`  ${label.padEnd(22)} median ${ms(percentile(sorted, 0.5))}   p90 ${ms(percentile(sorted, 0.9))}   min ${ms(sorted[0]!)}   max ${ms(sorted.at(-1)!)}`);
  }
}
