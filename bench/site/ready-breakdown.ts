/**
 * Where the time to "sandbox ready" goes on the first lesson, cold and in a second tab: when the
 * page saw each step (first frame it was true, `performance.now()` from the start of navigation).
 * The production build, headless Chromium, no route to StackBlitz, as in learner-timings.ts.
 *
 *   npm run build && npx next start -p 4143 -H 127.0.0.1 &
 *   npx tsx bench/site/ready-breakdown.ts --url http://127.0.0.1:4143 [--before http://127.0.0.1:4144] [--runs 3]
 *
 * With `--before`, each run measures the older build, then this one. Prints one line per run and
 * build, then the medians.
 */
import { loadavg } from "node:os";
import { chromium, type Page } from "@playwright/test";

const LESSON = "/learn/first-steps/hello-vial";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

/** The steps, in the order they usually happen, and how the page shows each. */
const STEPS: [string, string][] = [
  ["Service Worker controls the page", "Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)"],
  ["load event", "document.readyState === 'complete'"],
  ["workspace shown", "Boolean(document.querySelector('#workspace:not(.workspace--loading)'))"],
  ["runner frame created (payload fetched, Blobs made)", "Boolean(document.querySelector('iframe[title=\"Sandbox runner\"]'))"],
  ["editor shown", "Boolean(document.querySelector('.cm-content'))"],
  ["engine bar ready (app serving its preview)", "document.querySelector('[data-testid=\"engine-bar\"]')?.getAttribute('data-phase') === 'ready'"],
  ["\"saved for offline use\"", "document.documentElement.dataset.offlineReady === 'true'"],
];

// Plain script text: tsx would wrap named functions in a helper the page does not have.
const RECORDER = `(() => {
  const seen = {};
  window.__readySteps = seen;
  const steps = [${STEPS.map(([name, test]) => `[${JSON.stringify(name)}, () => ${test}]`).join(", ")}];
  const tick = () => {
    for (const [name, test] of steps) if (!(name in seen) && test()) seen[name] = Math.round(performance.now());
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

async function steps(page: Page, waitForOffline: boolean): Promise<Record<string, number>> {
  await page.addInitScript({ content: RECORDER });
  await page.goto(LESSON);
  // The engine bar's "ready", and, cold, "saved for offline use" too (either can come first).
  const awaited = waitForOffline ? [STEPS.at(-2)![0], STEPS.at(-1)![0]] : [STEPS.at(-2)![0]];
  await page.waitForFunction((names) => names.every((name) => (window as unknown as { __readySteps: Record<string, number> }).__readySteps[name] !== undefined), awaited, { timeout: 120_000 });
  return page.evaluate(() => ({ ...(window as unknown as { __readySteps: Record<string, number> }).__readySteps }));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
};

async function main(): Promise<void> {
  const runs = Number(option("runs", "3"));
  const targets = [...(process.argv.includes("--before") ? [["before", option("before", "")]] : []), ["after", option("url", "http://127.0.0.1:4143")]] as const;
  console.log(`load average ${loadavg().map((value) => value.toFixed(2)).join(", ")} at the start`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const results = new Map<string, Record<string, number>[]>();
  for (let run = 0; run < runs; run++) {
    for (const [label, url] of targets) {
      const context = await browser.newContext({ baseURL: url });
      await context.route(/stackblitz\.com|webcontainer(-api)?\.io/, (route) => route.abort("namenotresolved"));
      for (const [tab, page] of [["cold", await context.newPage()], ["second tab", null]] as const) {
        const measured = await steps(page ?? (await context.newPage()), tab === "cold");
        console.log(`${label} ${tab} run ${run + 1}: ${JSON.stringify(measured)}`);
        const key = `${label} ${tab}`;
        results.set(key, [...(results.get(key) ?? []), measured]);
      }
      await context.close();
    }
  }
  await browser.close();
  console.log(`load average ${loadavg().map((value) => value.toFixed(2)).join(", ")} at the end\n`);
  const keys = [...results.keys()];
  console.log(`| step (ms from navigation start, median of ${runs}) | ${keys.join(" | ")} |`);
  console.log(`| --- | ${keys.map(() => "---:").join(" | ")} |`);
  for (const [name] of STEPS) console.log(`| ${name} | ${keys.map((key) => median(results.get(key)!.flatMap((run) => (run[name] === undefined ? [] : [run[name]!])))).join(" | ")} |`);
}

await main();
