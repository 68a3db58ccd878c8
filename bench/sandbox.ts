/**
 * Sandbox check latency: for each engine, the time from write() of an edited file to a finished
 * grade report, over repeated runs (median, p90, min, max). Also the part of it spent grading
 * inside the run (the report's durationMs), so process start-up cost is visible.
 *
 * Between runs it pauses as a learner would while editing (--pause, default 500 ms), which is
 * when an engine may get ready for the next run; --pause 0 measures back-to-back runs.
 *
 * Usage: npm run bench:sandbox [-- --runs 20 --pause 500 --json]
 *
 * The worker engine is measured in headless Chromium (bench/sandbox-worker.ts); `--node-only`
 * skips it. The WebContainer engine cannot boot without StackBlitz and is not measured here.
 */
import { NodeSandbox } from "../sandbox/engines/node/index";
import type { Sandbox } from "../sandbox/sandbox";

const APP = `import { Vial } from "vial";
export const app = new Vial();
app.get("/", () => "Hello");
app.get("/users/<int:id>", (req) => ({ id: req.params.id }));
`;

const CHECKS = `import { check, expect, http } from "grader";
import { app } from "./app";
check("GET / says Hello", async () => {
  expect((await http(app).get("/")).text).toBe("Hello");
}, { task: 1 });
check("GET /users/7 answers JSON", async () => {
  expect((await http(app).get("/users/7")).json()).toEqual({ id: 7 });
}, { task: 2 });
`;

interface Engine {
  name: string;
  make(): Sandbox;
}

const ENGINES: Engine[] = [{ name: "node", make: () => new NodeSandbox() }];

interface Stats {
  median: number;
  p90: number;
  min: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, p90: at(0.9), min: sorted[0]!, max: sorted.at(-1)! };
}

async function measure(engine: Engine, runs: number, warmup: number, pauseMs: number): Promise<{ total: Stats; grading: Stats }> {
  const sandbox = engine.make();
  try {
    await sandbox.load({ files: { "app.ts": APP }, checks: CHECKS });
    const total: number[] = [];
    const grading: number[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      const started = performance.now();
      await sandbox.write("app.ts", `${APP}// edit ${i}\n`);
      const report = await sandbox.check();
      const elapsed = performance.now() - started;
      if (report.status !== "pass") throw new Error(`${engine.name}: the benchmark lesson did not pass: ${JSON.stringify(report)}`);
      if (i < warmup) continue;
      total.push(elapsed);
      grading.push(report.durationMs);
    }
    return { total: stats(total), grading: stats(grading) };
  } finally {
    await sandbox.dispose();
  }
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

const runs = option("runs", 15);
const warmup = option("warmup", 2);
const pauseMs = option("pause", 500);
const results: Record<string, { total: Stats; grading?: Stats }> = {};
for (const engine of ENGINES) results[engine.name] = await measure(engine, runs, warmup, pauseMs);
// The worker engine runs in headless Chromium, driven through the e2e harness page.
if (!process.argv.includes("--node-only")) {
  const { benchWorkerEngine } = await import("./sandbox-worker");
  results.worker = { total: stats(await benchWorkerEngine(runs, pauseMs)) };
}

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ runs, warmup, pauseMs, results }, null, 2));
} else {
  const ms = (n: number) => `${Math.round(n)} ms`;
  console.log(`Sandbox: time from write() to a finished grade report (${runs} runs after ${warmup} warm-up, ${pauseMs} ms pause between runs)\n`);
  for (const [name, { total, grading }] of Object.entries(results)) {
    const inside = grading ? `   (grading inside the run: median ${ms(grading.median)})` : "";
    console.log(`${name.padEnd(8)} median ${ms(total.median)}  p90 ${ms(total.p90)}  min ${ms(total.min)}  max ${ms(total.max)}${inside}`);
  }
}
