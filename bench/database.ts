/**
 * The lessons' database, measured (sandbox/README.md, "The database"):
 *
 * - first query ready: PGlite started in a fresh process, as a grader host does (from the initdb
 *   snapshot, and with initdb for comparison), until `SELECT 1` has answered;
 * - per-check reset: the database rebuilt before a check (wipe, the data lesson's init-db and
 *   seed) against a transaction rolled back;
 * - edit -> report for the data chapter's first lesson in the node engine (write() of app.ts to a
 *   finished report, with the warm spare that has already started the database);
 * - the bytes a database lesson needs once: PGlite's WebAssembly, its file-system bundle and the
 *   initdb snapshot.
 *
 * Usage: npm run bench:database [-- --runs 5]
 */
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { loadCourse } from "../sandbox/course/index";
import { NodeSandbox } from "../sandbox/engines/node/index";
import { openDatabase } from "../sandbox/payload/hosts/database-host";
import { buildPgliteSnapshot } from "../scripts/build-pglite-snapshot.mjs";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

const pgliteDist = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
const pglite = import.meta.resolve("@electric-sql/pglite");
const sqlParser = import.meta.resolve("libpg-query/wasm/libpg-query.js");
const snapshot = await buildPgliteSnapshot();

/** Starts PGlite in a fresh node process (as a grader host does) and times SELECT 1's answer. */
function firstQueryMs(dataDir: string | undefined): number {
  const script = `
    const { openDatabase } = await import(${JSON.stringify(new URL("../sandbox/payload/hosts/database-host.ts", import.meta.url).href)});
    const started = performance.now();
    const sandbox = await openDatabase(${JSON.stringify({ pglite, sqlParser, ...(dataDir ? { dataDir } : {}) })});
    await sandbox.db.query("SELECT 1");
    console.log(performance.now() - started);
    await sandbox.close();`;
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
  return Number(out.trim().split("\n").pop());
}

const course = await loadCourse("lessons");
const lesson = course.chapters.flatMap((chapter) => chapter.lessons).find((candidate) => candidate.id === "data/queries")!;
const schema = (await import("../lessons/06-data/01-queries/starter/schema")).SCHEMA;

console.log(`PGlite ${basename(snapshot, ".tar").slice("pglite-".length)}, ${runs} runs each, medians`);
console.log(`first query ready (fresh process, snapshot): ${ms(median(Array.from({ length: runs }, () => firstQueryMs(snapshot))))}`);
console.log(`first query ready (fresh process, initdb):   ${ms(median(Array.from({ length: Math.min(runs, 3) }, () => firstQueryMs(undefined))))}`);

const sandbox = await openDatabase({ pglite, sqlParser, dataDir: snapshot });
const rebuild: number[] = [];
const rollback: number[] = [];
for (let i = 0; i < runs * 4; i++) {
  let started = performance.now();
  await sandbox.wipe();
  await sandbox.db.query(schema);
  await sandbox.db.query("INSERT INTO members (username, password_hash) VALUES ($1, $2), ($3, $4)", ["ada", "x", "grace", "y"]);
  await sandbox.db.query("INSERT INTO notes (owner_id, title, public) SELECT 1, 'note ' || n, n % 2 = 0 FROM generate_series(1, 9) AS n");
  rebuild.push(performance.now() - started);
  started = performance.now();
  await sandbox.db.query("BEGIN");
  await sandbox.db.query("INSERT INTO notes (owner_id, title) VALUES (1, 'x')");
  await sandbox.db.query("ROLLBACK");
  rollback.push(performance.now() - started);
}
await sandbox.close();
console.log(`per-check reset, rebuild (wipe + schema + seed): ${ms(median(rebuild))}`);
console.log(`per-check reset, rollback (BEGIN ... ROLLBACK):  ${ms(median(rollback))}`);

const node = new NodeSandbox();
await node.load({ files: lesson.solution, checks: lesson.checks });
const reports: number[] = [];
for (let i = 0; i < runs; i++) {
  await new Promise((resolve) => setTimeout(resolve, 3000)); // a learner editing: the spare starts meanwhile
  const started = performance.now();
  await node.write("app.ts", `${lesson.solution["app.ts"]}\n// edit ${i}\n`);
  const report = await node.check();
  reports.push(performance.now() - started);
  if (report.status !== "pass") console.warn(`run ${i}: ${report.status}`);
}
await node.dispose();
console.log(`edit -> report, data/queries, node engine: ${ms(median(reports))}`);

const size = (path: string) => statSync(path).size;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const wasm = size(join(pgliteDist, "pglite.wasm"));
const data = size(join(pgliteDist, "pglite.data"));
const gz = execFileSync("sh", ["-c", `gzip -c ${JSON.stringify(snapshot)} | wc -c`], { encoding: "utf8" });
console.log(`bytes once: pglite.wasm ${kb(wasm)}, pglite.data ${kb(data)}, initdb snapshot ${kb(size(snapshot))} (${kb(Number(gz))} gzipped)`);
