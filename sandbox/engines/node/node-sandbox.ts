import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { OutputStream } from "../../output";
import { buildPayload, PAYLOAD_DIR, safeLearnerPath } from "../../payload/index";
import type { PayloadAssets } from "../../payload/index";
import { loadPayloadAssets } from "../../payload/assets";
import type { GradeReport } from "../../report";
import type { Sandbox, SandboxLimits, Workspace } from "../../sandbox";
import { reportFromOutcome } from "./outcome-report";
import { startPreview } from "./preview-server";
import { isAlive, runHost, spawnHost } from "./run-host";
import { defaultDatabaseSource } from "./database-source";
import { usesDatabase } from "../uses-database";
import type { DatabaseSource } from "../../payload/hosts/host-config";
import type { HostRun } from "./run-host";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { killGroup } from "./process-group";

export interface NodeSandboxOptions extends SandboxLimits {
  /** Heap limit of each run, in MB (node's --max-old-space-size; default 256). */
  memoryMb?: number;
  /** Longest the preview app may take to start listening (default 10 000 ms). */
  startTimeoutMs?: number;
  /** The payload bundles; by default built (or taken from the cache) with loadPayloadAssets(). */
  assets?: PayloadAssets;
  /** Where the temp folders go (default the OS temp folder). */
  tmpRoot?: string;
  /** Replays the checks' randomised fixtures (a report's `seed`); each run draws a fresh one otherwise. */
  seed?: string;
  /** The lessons' database: PGlite from node_modules by default; `{ url, pg }` for a real server. */
  database?: DatabaseSource;
  /** Report concealed checks' failures in full (lessons:check and lessons:mutate, for the lesson's author). */
  revealConcealed?: boolean;
}

/** Options of one check run. */
export interface NodeCheckOptions {
  /** Skip the checks after the first failure (lessons:check, for code known to be wrong). */
  stopAtFirstFailure?: boolean;
}

/** Time kept back from the run's limit so the grader can report before the process is killed. */
const REPORT_MARGIN_MS = 1500;
/**
 * Added to a run's time limit when the lesson's checks use the database: PGlite's start (WebAssembly
 * compiled, the data folder unpacked) takes about 1.5 s on an idle machine and many times that
 * when several runs start at once. A warm spare has usually started it before the run.
 */
const DATABASE_START_MS = 60_000;

/**
 * The node engine: each load gets a fresh temp folder holding the payload; each check run is a
 * `node` child process with a time limit, a memory limit and an output cap, killed with its
 * whole process group when it overruns. Used by the `learn` command, lesson checks and CI.
 *
 * @example
 * const sandbox = new NodeSandbox({ timeoutMs: 10_000 });
 * await sandbox.load({ files: { "app.ts": source }, checks });
 * const report = await sandbox.check();
 * await sandbox.dispose();
 */
export class NodeSandbox implements Sandbox {
  readonly output = new OutputStream();
  #dir: string | undefined;
  #entry: string | undefined;
  #preview: HostRun | undefined;
  #runs = new Set<HostRun>();
  #queue: Promise<unknown> = Promise.resolve();
  /** A grader host already started (or left up by the last check) and waiting for a run, so a check skips node's start-up. */
  #spare: ChildProcessWithoutNullStreams | undefined;
  /** Set by write(): the sandbox is being edited, so keep a spare ready after each check. */
  #editing = false;
  #disposed = false;
  readonly #limits: Required<Omit<NodeSandboxOptions, "assets" | "tmpRoot" | "seed" | "database" | "revealConcealed">>;
  readonly #database: DatabaseSource;
  #usesDatabase = false;

  constructor(private readonly options: NodeSandboxOptions = {}) {
    this.#limits = {
      timeoutMs: options.timeoutMs ?? 10_000,
      checkTimeoutMs: options.checkTimeoutMs ?? 5_000,
      outputLimitBytes: options.outputLimitBytes ?? 1_000_000,
      memoryMb: options.memoryMb ?? 256,
      startTimeoutMs: options.startTimeoutMs ?? 10_000,
    };
    this.#database = options.database ?? defaultDatabaseSource();
  }

  /** The temp folder of the current load (for tools that want to look; undefined before load). */
  get directory(): string | undefined {
    return this.#dir;
  }

  load(workspace: Workspace): Promise<void> {
    return this.#serial(async () => {
      const tree = buildPayload({
        files: workspace.files, checks: workspace.checks, mode: "node",
        assets: this.options.assets ?? (await loadPayloadAssets()),
      });
      this.#stopPreview();
      this.#removeDir();
      const dir = mkdtempSync(join(this.options.tmpRoot ?? tmpdir(), "vial-sandbox-"));
      // Readable by the unprivileged user a root engine runs learner code as; writable by root only.
      chmodSync(dir, 0o755);
      this.#dir = dir;
      liveDirs.add(dir);
      this.#entry = workspace.entry;
      this.#usesDatabase = usesDatabase(workspace.checks);
      for (const [path, contents] of Object.entries(tree)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), contents);
      }
      this.#spare = spawnHost(dir, this.#limits.memoryMb, true, this.#database);
    });
  }

  write(path: string, contents: string): Promise<void> {
    return this.#serial(async () => {
      const target = join(this.#loadedDir(), safeLearnerPath(path));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, contents);
      this.#editing = true;
    });
  }

  /**
   * Replaces every learner file at once: anything outside `.vial/` goes, then `files` are
   * written. The grader host stays up for the next check (as after write()), with its database
   * and a warm learner host, so that lessons:check grades a lesson's solution, starter and wrong
   * variants one after another without starting node and PGlite for each. The checks stay those
   * of load(); each check still gets new learner processes and a wiped database.
   */
  replaceFiles(files: Record<string, string>, entry?: string): Promise<void> {
    return this.#serial(async () => {
      const dir = this.#loadedDir();
      for (const name of await readdir(dir)) {
        if (name !== PAYLOAD_DIR) await rm(join(dir, name), { recursive: true, force: true });
      }
      for (const [path, contents] of Object.entries(files)) {
        const target = join(dir, safeLearnerPath(path));
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, contents);
      }
      this.#entry = entry;
      this.#editing = true;
    });
  }

  check(options: NodeCheckOptions = {}): Promise<GradeReport> {
    return this.#serial(async () => {
      const limits = this.#usesDatabase ? { ...this.#limits, timeoutMs: this.#limits.timeoutMs + DATABASE_START_MS } : this.#limits;
      const run = runHost({
        dir: this.#loadedDir(),
        config: {
          mode: "check", entry: this.#entry, checkTimeoutMs: limits.checkTimeoutMs, budgetMs: Math.max(limits.timeoutMs - REPORT_MARGIN_MS, limits.timeoutMs / 2),
          ...(this.options.seed !== undefined ? { seed: this.options.seed } : {}),
          ...(options.stopAtFirstFailure ? { stopAtFirstFailure: true } : {}),
          ...(this.options.revealConcealed ? { revealConcealed: true } : {}),
        },
        timeoutMs: limits.timeoutMs,
        memoryMb: limits.memoryMb,
        database: this.#database,
        outputLimitBytes: limits.outputLimitBytes,
        onOutput: (text) => this.output.push(text),
        spare: this.#takeSpare(),
        // While the learner edits, the grader host that reported grades the next edit too.
        keepAlive: this.#editing,
      });
      this.#runs.add(run);
      try {
        return reportFromOutcome(await run.outcome, limits);
      } finally {
        this.#runs.delete(run);
        const host = run.reusable();
        if (host && !this.#disposed) this.#spare = host;
        else if (host?.pid !== undefined) killGroup(host.pid);
        else if (this.#editing) this.#prepareSpare();
      }
    });
  }

  start(): Promise<{ url: string }> {
    return this.#serial(async () => {
      this.#stopPreview();
      const { url, run } = await startPreview({
        dir: this.#loadedDir(), entry: this.#entry, memoryMb: this.#limits.memoryMb, database: this.#database,
        outputLimitBytes: this.#limits.outputLimitBytes, startTimeoutMs: this.#limits.startTimeoutMs,
        onOutput: (text) => this.output.push(text),
      });
      this.#preview = run;
      return { url };
    });
  }

  /** Stops the preview app started by {@link start}, if any. */
  stop(): Promise<void> {
    return this.#serial(async () => this.#stopPreview());
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const run of this.#runs) run.stop();
    this.#stopPreview();
    this.#killSpare();
    await this.#queue.catch(() => {});
    const dir = this.#dir;
    this.#dir = undefined;
    if (dir) {
      liveDirs.delete(dir);
      await rm(dir, { recursive: true, force: true });
    }
    this.output.close();
  }

  /** Runs operations one at a time, so a write never lands in the middle of a check run. */
  #serial<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#disposed) return Promise.reject(new Error("This sandbox was disposed."));
    const next = this.#queue.then(operation, operation);
    this.#queue = next.catch(() => {});
    return next;
  }

  #loadedDir(): string {
    if (!this.#dir) throw new Error("Call load() before using the sandbox.");
    return this.#dir;
  }

  /**
   * Starts the next spare once the caller has its report: spawning is synchronous and costs
   * milliseconds that the report should not wait for.
   */
  #prepareSpare(): void {
    const dir = this.#dir;
    setImmediate(() => {
      if (this.#disposed || this.#spare || !dir || this.#dir !== dir) return;
      this.#spare = spawnHost(dir, this.#limits.memoryMb, true, this.#database);
    });
  }

  #takeSpare(): ChildProcessWithoutNullStreams | undefined {
    const spare = this.#spare;
    this.#spare = undefined;
    return spare && isAlive(spare) ? spare : undefined;
  }

  #killSpare(): void {
    const spare = this.#takeSpare();
    if (spare?.pid !== undefined) killGroup(spare.pid);
  }

  #stopPreview(): void {
    this.#preview?.stop();
    this.#preview = undefined;
  }

  #removeDir(): void {
    this.#killSpare();
    if (!this.#dir) return;
    liveDirs.delete(this.#dir);
    rmSync(this.#dir, { recursive: true, force: true });
    this.#dir = undefined;
  }
}

/** Temp folders still in use, removed if the process exits without disposing its sandboxes. */
const liveDirs = new Set<string>();
process.once("exit", () => {
  for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
});
