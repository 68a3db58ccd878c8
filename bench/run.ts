/**
 * `npm run bench`: Vial against node:http, Fastify, Hono and Express (throughput, latency,
 * memory, cold start), the sandbox bundle's size, the sandbox and site numbers the rest of
 * the repo can produce, and Lighthouse on the site's production build. Prints the tables and
 * writes bench/RESULTS.md. See `--help`.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildApps } from "./http/build-apps";
import { measureColdStarts } from "./http/cold-start";
import { BASELINE, FRAMEWORKS } from "./http/frameworks";
import { runHttpBenchmarks, type HttpResults } from "./http/run-http";
import { parseOptions, USAGE, type BenchOptions } from "./options";
import { lighthouseMarkdown, lighthouseText } from "./report/lighthouse-table";
import { describeMachine, type Machine } from "./report/machine";
import { writeResults } from "./report/results-file";
import { format, markdownTable, textTable, type Row } from "./report/table";
import { measureBundleSize } from "./size/bundle-size";
import { hasScript, parseSandboxJson, runScript } from "./site/commands";
import { measureFirstLoadJs } from "./site/first-load-js";
import { auditPages, DEFAULT_CHROME, LIGHTHOUSE_VERSION, lighthousePages, type PageAudit } from "./site/lighthouse";

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));

if (process.argv.includes("--help")) {
  console.log(USAGE);
  process.exit(0);
}
const options = parseOptions(process.argv.slice(2));
const machine = describeMachine();
const started = performance.now();
const rows: Row[] = [];
let audits: PageAudit[] = [];
let siteBuilt = false;
const notes: string[] = [];
const log = (line: string) => console.error(line);

log(`bench: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, load average ${machine.loadAverage.map((n) => n.toFixed(2)).join(" ")}`);
const needsApps = options.sections.has("http") || options.sections.has("cold");
const appFiles = needsApps ? await buildApps(repoRoot) : undefined;

if (options.sections.has("http") && appFiles) {
  log(`HTTP: ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s per framework and scenario`);
  const results = await runHttpBenchmarks(appFiles, options, { scenarios: options.scenarios, frameworks: options.frameworks }, log);
  rows.push(...httpRows(results));
}

if (options.sections.has("cold") && appFiles) {
  log(`Cold start: ${options.coldRuns} starts per framework`);
  const cold = await measureColdStarts(appFiles, options.coldRuns, options.frameworks);
  const base = cold[BASELINE];
  for (const framework of FRAMEWORKS) {
    const result = cold[framework.id];
    if (!result) continue;
    if ("error" in result) {
      rows.push({ benchmark: "cold start to first response", subject: framework.label, result: "FAILED" });
      notes.push(`Cold start of ${framework.label} failed: ${result.error}`);
      continue;
    }
    const ratio = base && !("error" in base) ? format.ratio(result.medianMs / base.medianMs) : "";
    rows.push({ benchmark: "cold start to first response", subject: framework.label, result: `${format.ms(result.medianMs)} (min ${format.ms(result.minMs)})`, ratio });
  }
}

if (options.sections.has("size")) {
  log("Size: Vial's sandbox bundle");
  const size = await measureBundleSize(repoRoot);
  rows.push({ benchmark: "sandbox bundle (core, esbuild)", subject: "Vial", result: `${format.kb(size.gzippedBytes)} gzip (${format.kb(size.minifiedBytes)} min)` });
}

if (options.sections.has("sandbox")) await sandboxSection();
if (options.sections.has("lessons")) await lessonsSection();
if (options.sections.has("site")) await siteSection();
if (options.sections.has("lighthouse")) await lighthouseSection();

const totalSeconds = (performance.now() - started) / 1000;
if (rows.length) console.log(`\n${textTable(rows)}\n`);
if (audits.length) console.log(`\n${lighthouseText(audits)}\n`);
for (const note of notes) console.log(`note: ${note}`);
console.log(`\nfinished in ${totalSeconds.toFixed(0)} s`);
if (options.write) {
  writeResults(join(repoRoot, "bench/RESULTS.md"), resultsMarkdown(machine, options, totalSeconds));
  console.log("wrote bench/RESULTS.md");
}

function httpRows(results: HttpResults): Row[] {
  const out: Row[] = [];
  for (const { scenario, byFramework } of results) {
    const base = byFramework[BASELINE];
    for (const framework of FRAMEWORKS) {
      const m = byFramework[framework.id];
      if (!m) continue;
      if (!m.ok) {
        out.push({ benchmark: scenario.label, subject: framework.label, result: "FAILED" });
        notes.push(`${scenario.label}, ${framework.label}: ${m.error}`);
        continue;
      }
      out.push({
        benchmark: scenario.label,
        subject: framework.label,
        result: `${format.int(m.requestsPerSecond)} req/s`,
        ratio: base?.ok ? format.ratio(m.requestsPerSecond / base.requestsPerSecond) : "",
        p50: `${m.latencyP50Ms} ms`,
        p99: `${m.latencyP99Ms} ms`,
        rss: m.peakRssBytes === undefined ? "n/a" : format.mb(m.peakRssBytes),
        cpu: m.cpuMicrosPerRequest === undefined ? "n/a" : `${Math.round(m.cpuMicrosPerRequest)} µs`,
      });
    }
  }
  return out;
}

async function sandboxSection(): Promise<void> {
  if (!hasScript(repoRoot, "bench:sandbox")) {
    notes.push("Sandbox check latency skipped: package.json has no `bench:sandbox` script.");
    return;
  }
  log("Sandbox: npm run bench:sandbox -- --json");
  const run = await runScript(repoRoot, "bench:sandbox", ["--json"]);
  const numbers = run.ok ? parseSandboxJson(run.stdout) : undefined;
  if (!numbers) {
    rows.push({ benchmark: "sandbox: edit to grade report", subject: "(bench:sandbox)", result: "FAILED" });
    notes.push(`npm run bench:sandbox failed:\n${run.tail}`);
    return;
  }
  for (const [engine, { total, grading }] of Object.entries(numbers.results)) {
    rows.push({
      benchmark: "sandbox: edit to grade report",
      subject: `${engine} engine`,
      result: `median ${format.ms(total.median)} (p90 ${format.ms(total.p90)}${grading ? `; grading ${format.ms(grading.median)}` : ""}; ${numbers.runs} runs)`,
    });
  }
}

async function lessonsSection(): Promise<void> {
  if (!hasScript(repoRoot, "lessons:check")) {
    notes.push("lessons:check skipped: package.json has no `lessons:check` script.");
    return;
  }
  log("Lessons: npm run lessons:check");
  const run = await runScript(repoRoot, "lessons:check");
  rows.push({ benchmark: "npm run lessons:check", subject: "whole course", result: `${run.seconds.toFixed(1)} s (${run.ok ? "passed" : "FAILED"})` });
  if (!run.ok) notes.push(`npm run lessons:check failed (its time is still shown):\n${run.tail}`);
}

async function siteSection(): Promise<void> {
  let weights = measureFirstLoadJs(repoRoot);
  if (!weights || options.siteBuild) {
    if (!hasScript(repoRoot, "build")) {
      notes.push("Site first-load JS skipped: no `build` script.");
      return;
    }
    if (!(await buildSite())) return;
    weights = measureFirstLoadJs(repoRoot);
  } else {
    notes.push(`Site first-load JS read from the existing .next build of ${weights.builtAt.toISOString()} (pass --site-build to rebuild first).`);
  }
  if (!weights || weights.pages.length === 0) {
    notes.push("Site first-load JS skipped: no .next build output with prerendered pages (a build may have been in progress).");
    return;
  }
  for (const page of weights.pages) {
    rows.push({ benchmark: "site first-load JS", subject: page.route, result: `${format.kb(page.gzippedBytes)} gzip (${format.kb(page.rawBytes)}, ${page.files} files)` });
  }
}

/** `npm run build`, timed, once per run; false when it failed. */
async function buildSite(): Promise<boolean> {
  log("Site: npm run build");
  const build = await runScript(repoRoot, "build");
  siteBuilt = true;
  rows.push({ benchmark: "npm run build", subject: "site", result: `${build.seconds.toFixed(0)} s (${build.ok ? "passed" : "FAILED"})` });
  if (!build.ok) notes.push(`npm run build failed:\n${build.tail}`);
  return build.ok;
}

async function lighthouseSection(): Promise<void> {
  if (!siteBuilt && (options.siteBuild || !existsSync(join(repoRoot, ".next/BUILD_ID")))) {
    if (!options.siteBuild) {
      notes.push("Lighthouse skipped: no production build in .next (pass --site-build to build one first).");
      return;
    }
    if (!(await buildSite())) return;
  }
  try {
    const paths = await lighthousePages(repoRoot);
    log(`Lighthouse: ${paths.join(", ")}, ${options.lighthouseRuns} runs each, on next start port ${options.lighthousePort}`);
    audits = await auditPages({ repoRoot, paths, runs: options.lighthouseRuns, port: options.lighthousePort, chromePath: DEFAULT_CHROME, log,
      onFailure: (path, error) => notes.push(`Lighthouse run on ${path} failed: ${error}`),
    });
  } catch (error) {
    notes.push(`Lighthouse failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function resultsMarkdown(m: Machine, o: BenchOptions, seconds: number): string {
  const command = ["npm run bench", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" ");
  return [
    "## Latest run",
    "",
    `- Date: ${new Date().toISOString()}`,
    `- Command: \`${command}\` (took ${seconds.toFixed(0)} s)`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.os}, node ${m.node}`,
    `- Load average when the run began: ${m.loadAverage.map((n) => n.toFixed(2)).join(", ")} (1, 5, 15 min). Other work on the machine shows up as noise; compare ratios within one run, not numbers across runs.`,
    `- HTTP load: autocannon in the runner's process, ${o.connections} connections, no pipelining. Per scenario every framework runs as a fresh \`node\` child on 127.0.0.1, is checked for the right status and body (and that it refuses a bad body or a forged cookie), warmed up for ${o.warmupSeconds} s, then loaded for ${o.durationSeconds} s in 1 s turns that rotate between the frameworks, so drifting background load falls on all of them alike; it is checked again after. Latency is autocannon's (1 ms resolution; median of the turns). Peak RSS is the child's VmHWM. CPU/req is the child's user+system CPU time over the requests it answered: steadier than req/s on a busy machine.`,
    "",
    ...(rows.length ? [markdownTable(rows), ""] : []),
    ...(audits.length ? [lighthouseIntro(audits[0]!.runs), "", lighthouseMarkdown(audits), ""] : []),
    ...(notes.length ? ["Notes:", "", ...notes.map((note) => `- ${note.replace(/\n/g, "\n  ")}`), ""] : []),
  ].join("\n");
}

function lighthouseIntro(runs: number): string {
  return `Lighthouse ${LIGHTHOUSE_VERSION} on the production build (\`next start\`), Debian Chromium headless, Lighthouse's default mobile run (simulated slow 4G, 4× CPU slow-down); each number is the median of ${runs} runs. Lighthouse scales the tasks it observed by 4, so a busy machine inflates total blocking time, time to interactive and the longest task.`;
}
