/**
 * The lessons' database, measured (sandbox/README.md, "The database"), in the node engine and in
 * the worker engine (headless Chromium on the sandbox harness, bench/sandbox-worker.ts):
 *
 * - first query ready: a new sandbox loads a lesson whose one check asks `SELECT 1`, to its
 *   report (worker engine: in a fresh browser profile, then reloaded offline so PGlite's files
 *   come from the Service Worker's cache); and PGlite alone in a fresh node process, as the node
 *   engine's grader host starts it (from the initdb snapshot, and with initdb for comparison);
 * - per-check reset: the gap between checks with `database.setup` (wipe, the lesson's initDb,
 *   a seed) and without one, timed by the checks themselves (bench/database/probe-checks.ts); and
 *   the rebuild against a rolled-back transaction on PGlite directly;
 * - edit -> report for the data chapter's first lesson, the engines alternating, 3 s between
 *   edits (a learner typing: the warm grader starts its database meanwhile);
 * - the bytes a database lesson downloads once in the worker engine (the files the page fetched).
 *
 * Usage: npm run bench:database [-- --runs 3] [--write]
 *   --runs N   runs of each measurement (medians reported; default 3)
 *   --write    replace the generated table in bench/RESULTS.md (without it, print only)
 * Exits 1, saying which, when a measurement fails (a check that should pass did not).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { loadCourse } from "../sandbox/course/index";
import { NodeSandbox } from "../sandbox/engines/node/index";
import { openDatabase } from "../sandbox/payload/hosts/database-host";
import type { GradeReport } from "../sandbox/report";
import type { Workspace } from "../sandbox/sandbox";
import { buildPgliteSnapshot } from "../scripts/build-pglite-snapshot.mjs";
import { checkGaps, expectPass, FIRST_QUERY_CHECKS, resetChecks } from "./database/probe-checks";
import { DATABASE_MARKERS, databaseResultsMarkdown } from "./database/results";
import type { DatabaseRow } from "./database/results";
import { openWorkerSandbox, workerFirstQuery } from "./database/worker-engine";
import { describeMachine } from "./report/machine";
import { writeResults } from "./report/results-file";
import { CHROMIUM_ARGS, openHarnessBrowser } from "./sandbox-worker";

const argv = process.argv.slice(2);
const runsAt = argv.indexOf("--runs");
const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 3;
if (!Number.isInteger(runs) || runs < 1) {
  console.error("bench:database: --runs needs a whole number of at least 1");
  process.exit(2);
}
const write = argv.includes("--write");
/** Longest the whole command may take before it gives up (a hung browser or engine). */
const LIMIT_MINUTES = 20 + runs * 5;
setTimeout(() => {
  console.error(`\nbench:database failed: it did not finish within ${LIMIT_MINUTES} minutes (the last row printed is the last measurement that finished)`);
  process.exit(1);
}, LIMIT_MINUTES * 60_000).unref();

/** Checks per reset measurement: runs × this many gaps each (one fewer than the checks). */
const RESET_CHECKS = 8;
const EDIT_PAUSE_MS = 3000;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const list = (values: readonly number[]) => `median ${ms(median(values))} (${values.map(ms).join(", ")})`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

const started = performance.now();
const loadStart = loadavg();
const machine = describeMachine();
const rows: DatabaseRow[] = [];
function row(what: string, node: string, worker: string): void {
  rows.push({ what, node, worker });
  console.log(`${what}\n    node: ${node || "-"}\n    worker: ${worker || "-"}`);
}

const pglite = import.meta.resolve("@electric-sql/pglite");
const sqlParser = import.meta.resolve("libpg-query/wasm/libpg-query.js");
const snapshot = await buildPgliteSnapshot();
const pgliteVersion = basename(snapshot, ".tar").slice("pglite-".length);

const course = await loadCourse("lessons");
const found = course.chapters.flatMap((chapter) => chapter.lessons).find((candidate) => candidate.id === "data/queries");
if (!found) throw new Error("bench:database: lessons/06-data/01-queries (data/queries) is missing");
const lesson = found;
const schema = (await import("../lessons/06-data/01-queries/starter/schema")).SCHEMA;
const withChecks = (checks: string): Workspace => ({ files: lesson.solution, checks });

/** Starts PGlite in a fresh node process (as a grader host does) and times SELECT 1's answer. */
function firstQueryMs(dataDir: string | undefined): number {
  const script = fileURLToPath(new URL("database/first-query-process.ts", import.meta.url));
  const options = JSON.stringify({ pglite, sqlParser, ...(dataDir ? { dataDir } : {}) });
  const out = execFileSync(process.execPath, ["--import", "tsx", script, options], { encoding: "utf8" });
  const value = Number(out.trim().split("\n").pop());
  if (!Number.isFinite(value)) throw new Error(`PGlite in a fresh process printed no time: ${out.slice(-300)}`);
  return value;
}

/** A new node sandbox: load, check, dispose; timed from before it exists. */
async function nodeFreshCheck(workspace: Workspace): Promise<{ ms: number; report: GradeReport }> {
  const begun = performance.now();
  const sandbox = new NodeSandbox();
  try {
    await sandbox.load(workspace);
    const report = await sandbox.check();
    return { ms: performance.now() - begun, report };
  } finally {
    await sandbox.dispose();
  }
}

/** The check gaps of `runs` runs of the reset probe in a loaded sandbox (with and without a setup). */
async function resetGaps(load: (workspace: Workspace) => Promise<void>, check: () => Promise<GradeReport>, reset: boolean): Promise<number[]> {
  await load(withChecks(resetChecks(RESET_CHECKS, reset)));
  const gaps: number[] = [];
  for (let run = 0; run < runs; run++) gaps.push(...checkGaps(await check()));
  return gaps;
}

/** Every engine measurement; rows are printed (and kept for --write) as they come. */
async function measure(): Promise<void> {
  const harness = await openHarnessBrowser();
  const node = new NodeSandbox();
  const worker = await openWorkerSandbox(harness);
  try {
    console.log(`PGlite ${pgliteVersion}, ${runs} runs each, medians; load average at the start ${loadStart.map((n) => n.toFixed(2)).join(", ")}\n`);

    // First query ready: a new sandbox of each engine, alternating; the worker's cold and cached.
    const nodeFirst: number[] = [];
    const workerCold: number[] = [];
    const workerCached: number[] = [];
    let fetched: string[] = [];
    for (let run = 0; run < runs; run++) {
      const nodeRun = await nodeFreshCheck(withChecks(FIRST_QUERY_CHECKS));
      expectPass(nodeRun.report, "node engine, first query");
      nodeFirst.push(nodeRun.ms);
      const workerRun = await workerFirstQuery(harness, withChecks(FIRST_QUERY_CHECKS));
      expectPass(workerRun.cold.report, "worker engine, first query (cold)");
      expectPass(workerRun.cached.report, "worker engine, first query (files cached, offline)");
      if (workerRun.fetchedWhenCached.length) throw new Error(`worker engine: the cached run fetched ${workerRun.fetchedWhenCached.join(", ")}`);
      if (!workerRun.fetched.length) throw new Error("worker engine: the cold run fetched none of PGlite's files (was the browser profile fresh?)");
      workerCold.push(workerRun.cold.ms);
      workerCached.push(workerRun.cached.ms);
      fetched = workerRun.fetched;
    }
    row("first query ready: a new sandbox loads data/queries' app with one check that asks `SELECT 1`, to its report; worker: a fresh browser profile (PGlite's files fetched)", list(nodeFirst), list(workerCold));
    row("the same with PGlite's files cached (worker: the page reloaded offline, files from the Service Worker's cache; node: always from disk, the row above)", "", list(workerCached));
    const fresh = Array.from({ length: runs }, () => firstQueryMs(snapshot));
    row("PGlite alone in a fresh node process from the initdb snapshot to `SELECT 1` (how the node engine's grader host starts it)", list(fresh), "");
    const initdb = Array.from({ length: Math.min(runs, 3) }, () => firstQueryMs(undefined));
    row("the same running initdb instead of the snapshot", list(initdb), "");

    // Per-check reset: the grader's gap between checks, with a setup (wipe, initDb, seed) and without.
    const nodeLoad = (workspace: Workspace) => node.load(workspace);
    const nodeCheck = () => node.check();
    const resetNode = await resetGaps(nodeLoad, nodeCheck, true);
    const resetWorker = await resetGaps(worker.load, worker.check, true);
    const bareNode = await resetGaps(nodeLoad, nodeCheck, false);
    const bareWorker = await resetGaps(worker.load, worker.check, false);
    const gaps = (values: number[]) => `median ${ms(median(values))} (${values.length} gaps, ${ms(Math.min(...values))}-${ms(Math.max(...values))})`;
    row("per-check reset as the grader does it: the gap between two checks with `database.setup` (wipe, data/queries' `initDb()`, 2 members and 9 notes), timed by the checks", gaps(resetNode), gaps(resetWorker));
    row("the gap between two checks without a setup (the grader's own cost, no reset)", gaps(bareNode), gaps(bareWorker));
    const direct = await openDatabase({ pglite, sqlParser, dataDir: snapshot });
    const rebuild: number[] = [];
    const rollback: number[] = [];
    for (let i = 0; i < runs * 4; i++) {
      let begun = performance.now();
      await direct.wipe();
      await direct.db.query(schema);
      await direct.db.query("INSERT INTO members (username, password_hash) VALUES ($1, $2), ($3, $4)", ["ada", "x", "grace", "y"]);
      await direct.db.query("INSERT INTO notes (owner_id, title, public) SELECT 1, 'note ' || n, n % 2 = 0 FROM generate_series(1, 9) AS n");
      rebuild.push(performance.now() - begun);
      begun = performance.now();
      await direct.db.query("BEGIN");
      await direct.db.query("INSERT INTO notes (owner_id, title) VALUES (1, 'x')");
      await direct.db.query("ROLLBACK");
      rollback.push(performance.now() - begun);
    }
    await direct.close();
    row("per-check reset on PGlite directly (node): wipe + schema + seed", `median ${ms(median(rebuild))} (${rebuild.length} runs)`, "");
    row("a transaction rolled back instead (not used: the app's own transactions would end it)", `median ${ms(median(rollback))} (${rollback.length} runs)`, "");

    // Edit -> report of data/queries, the engines alternating, a learner's pause before each edit.
    const workspace = withChecks(lesson.checks);
    await node.load(workspace);
    await worker.load(workspace);
    let checks = 0;
  const nodeEdits: number[] = [];
    const workerEdits: number[] = [];
    for (let run = 0; run < runs; run++) {
      const edited = `${lesson.solution["app.ts"]}\n// edit ${run}\n`;
      await sleep(EDIT_PAUSE_MS);
      const nodeBegun = performance.now();
      await node.write("app.ts", edited);
      const nodeReport = await node.check();
      nodeEdits.push(performance.now() - nodeBegun);
      expectPass(nodeReport, `node engine, edit -> report run ${run + 1}`);
    checks = nodeReport.checks.length;
      await sleep(EDIT_PAUSE_MS);
      const workerRun = await worker.editAndCheck("app.ts", edited);
      expectPass(workerRun.report, `worker engine, edit -> report run ${run + 1}`);
      workerEdits.push(workerRun.ms);
    }
    row(`edit -> report, data/queries (solution, ${checks} checks), ${EDIT_PAUSE_MS / 1000} s between edits, the engines alternating`, list(nodeEdits), list(workerEdits));

    // Bytes once: what the worker engine's cold run fetched; the node engine reads node_modules.
    let raw = 0;
    let gzipped = 0;
    for (const path of new Set(fetched)) {
      const body = new Uint8Array(await (await fetch(`${harness.origin}${path}`)).arrayBuffer());
      raw += body.length;
      gzipped += path.endsWith(".gz") ? body.length : gzipSync(body, { level: 9 }).length;
    }
    const snapshotGz = gzipSync(readFileSync(snapshot), { level: 9 }).length;
    row(
      `bytes a database lesson downloads once (worker: ${[...new Set(fetched)].map((path) => basename(path)).join(", ")}, kept by the Service Worker for offline; gzipped file by file at level 9, if the site serves them compressed; MB = 10^6 bytes)`,
      `none downloaded (node_modules); the initdb snapshot built locally once: ${mb(statSync(snapshot).size)} (${mb(snapshotGz)} gzipped)`,
      `${mb(raw)} raw, ${mb(gzipped)} gzipped; 0 fetched again when cached`,
    );
  } finally {
    await node.dispose();
    await worker.close().catch(() => {});
    await harness.close();
  }
}

try {
  await measure();
} catch (error) {
  console.error(`\nbench:database failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const loadEnd = loadavg();
const seconds = (performance.now() - started) / 1000;
console.log(`\ntook ${seconds.toFixed(0)} s; load average at the end ${loadEnd.map((n) => n.toFixed(2)).join(", ")}`);
if (write) {
  const markdown = databaseResultsMarkdown({
    date: new Date(),
    command: ["npm run bench:database", ...(argv.length ? ["--", ...argv] : [])].join(" "),
    seconds,
    machine: `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB memory, ${machine.os}, node ${machine.node}`,
    loadStart,
    loadEnd,
    about: [
      `PGlite ${pgliteVersion}; ${runs} runs of each measurement; worker engine: the sandbox harness (tests/e2e/sandbox/harness-server.ts) in headless Chromium (${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}, ${CHROMIUM_ARGS.join(" ")}), timed in the page.`,
      "The node engine keeps its grader host and PGlite between edits; the worker engine grades each run in a fresh grader Worker, made ahead of time, which starts its own PGlite as soon as it exists (so the pause between edits decides how much of that start an edit waits for).",
    ],
    rows,
  });
  writeResults(fileURLToPath(new URL("RESULTS.md", import.meta.url)), markdown, DATABASE_MARKERS);
  console.log("bench/RESULTS.md: the database table rewritten");
}
