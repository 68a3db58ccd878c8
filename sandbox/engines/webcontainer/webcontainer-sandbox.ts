import { OutputStream } from "../../output";
import { buildPayload, NODE_HOST_PATH, PAYLOAD_DIR, safeLearnerPath } from "../../payload/index";
import type { PayloadAssets, PayloadTree } from "../../payload/index";
import { launchArgs } from "../../payload/hosts/host-config";
import type { HostConfig } from "../../payload/hosts/host-config";
import type { GradeReport } from "../../report";
import { errorReport } from "../../error-report";
import type { Sandbox, SandboxLimits, Workspace } from "../../sandbox";
import { fetchPayloadAssets, PAYLOAD_ASSET_BASE, withLessonAssets } from "../browser-assets";
import { usesDatabase } from "../uses-database";
import { CONTAINER_DATABASE_SOURCE, databaseMount, fetchDatabaseBytes } from "./database-mount";
import type { DatabaseFileBytes } from "./database-mount";
import { reportFromOutcome } from "../node/outcome-report";
import { BOOT_TIMEOUT_MS, bootWebContainer, tearDownWebContainer } from "./boot";
import { parentOf, toFileSystemTree } from "./file-tree";
import { watchHostProcess } from "./host-process";
import type { HostProcessRun } from "./host-process";
import { describeContainerError, describePreviewMessage } from "./messages";
import { openJsh } from "./shell";
import type { WebContainerShell } from "./shell";
import { AppStartFailure, startAppProcess } from "./start-app";
import type { ProcessLike, WebContainerLike } from "./types";

export type { WebContainerShell };

export interface WebContainerSandboxOptions extends SandboxLimits {
  /** The container to use first; default the page's, booted with {@link bootWebContainer}. */
  webcontainer?: WebContainerLike | Promise<WebContainerLike>;
  /**
   * Boots a new container after the engine tore the last one down (a run that would not die);
   * default the page's, with {@link bootWebContainer}.
   */
  boot?: () => Promise<WebContainerLike>;
  /** How long booting may take (default 30 000 ms). */
  bootTimeoutMs?: number;
  /** The payload's bundles; by default fetched from `assetBaseUrl` (default "/sandbox/"). */
  assets?: PayloadAssets;
  /**
   * PGlite's files and PostgreSQL's parser, asked for only when a lesson's checks use the
   * database, once per sandbox; by default fetched from `assetBaseUrl` (the Service Worker keeps them).
   */
  databaseFiles?: () => Promise<DatabaseFileBytes>;
  assetBaseUrl?: string;
  /** Longest the app may take to start listening for the preview (default 15 000 ms). */
  startTimeoutMs?: number;
  /** The port the preview app listens on, the same for every start() (default 3000). */
  port?: number;
  /** Where the app listens inside the container (default every address, "0.0.0.0", as the docs' servers do). */
  hostname?: string;
  /** node's heap limit (`--max-old-space-size`), named when a run runs out of it (default 256 MB). */
  memoryMb?: number;
  /** How long a stopped process may take to end before the container is torn down (default 1000 ms). */
  killGraceMs?: number;
}

/** Why the preview stopped serving, in words for the learner. */
export type PreviewStoppedListener = (reason: string) => void;

/** Time kept back from the run's limit so the grader can report before the process is killed. */
const REPORT_MARGIN_MS = 1500;
/**
 * Added to a database lesson's run (and its preview's start), as in the other engines: each run's
 * grader host starts PGlite (WebAssembly compiled, the data folder unpacked) before the checks.
 */
const DATABASE_START_MS = 60_000;
/** No colours from node's console: the output panel shows plain text. */
const PLAIN_OUTPUT = { NO_COLOR: "1", NODE_DISABLE_COLORS: "1" };
/** Where the graded copy (the payload: learner files, runtime, checks) lives in the workdir. */
const GRADED_DIR = "grade";
/** Where the terminal's shell starts: a copy of the learner's files, outside the graded one. */
const SHELL_DIR = "shell";
/** The payload's own files (runtime, host, checks) inside the graded copy. */
const GRADED_PAYLOAD_DIR = `${GRADED_DIR}/${PAYLOAD_DIR}`;

/**
 * What the grader says when it stopped learner code that no longer answered (a loop that never
 * ends) or never finished loading. It stops it with a kill, which a busy loop in a WebContainer
 * ignores; so the engine restarts the container after such a run. (Wording shared with
 * payload/grader-side/learner-session.ts and the engine's own start time-out.)
 */
const STUCK_LEARNER = /stopped answering|did not finish loading|did not start within/;

function learnerWasStuck(messages: (string | undefined)[]): boolean {
  return messages.some((message) => message !== undefined && STUCK_LEARNER.test(message));
}

function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function sameBytes(a: Uint8Array | null, b: Uint8Array): boolean {
  if (a === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** PGlite's files could not be had (offline before any database lesson was opened, a server error). */
class DatabaseUnavailable extends Error {}

/**
 * The WebContainer engine (DESIGN.md section 3): StackBlitz's in-browser Node runs the same
 * node-mode payload as the node engine. The engine keeps its own copy of the learner's files
 * and mounts the payload afresh into `grade/` before every run, so nothing a process in the
 * container changed there (the terminal, the learner's app) is graded or runs as the checks;
 * the terminal's shell works in `shell/`, a copy of the learner's files. A run that will not
 * end when killed (a busy loop ignores signals in a WebContainer) gets the container torn down
 * and a new one booted.
 *
 * @example
 * const sandbox = createWebContainerSandbox({ webcontainer: await bootWebContainer() });
 * await sandbox.load({ files: { "app.ts": source }, checks });
 * const report = await sandbox.check();
 */
export class WebContainerSandbox implements Sandbox {
  readonly output = new OutputStream();
  #container: Promise<WebContainerLike>;
  #unsubscribe: (() => void)[] = [];
  #workspace: Workspace | undefined;
  #assets: PayloadAssets | undefined;
  /** PGlite's files, fetched at the first database lesson and kept. */
  #databaseFiles: Promise<DatabaseFileBytes> | undefined;
  /** The loaded lesson's checks use the database: its runs mount PGlite and get time to start it. */
  #usesDatabase = false;
  #preview: { run: HostProcessRun; process: ProcessLike } | undefined;
  #previewStopped = new Set<PreviewStoppedListener>();
  #runs = new Set<HostProcessRun>();
  #shells = new Set<WebContainerShell>();
  /** Resolve the open shells' `exit` when their container is torn down. */
  #shellEnders = new Set<(code: number) => void>();
  #queue: Promise<unknown> = Promise.resolve();
  #disposed = false;
  readonly #limits: { timeoutMs: number; checkTimeoutMs: number; outputLimitBytes: number; startTimeoutMs: number; memoryMb: number; killGraceMs: number };

  constructor(private readonly options: WebContainerSandboxOptions = {}) {
    this.#limits = {
      timeoutMs: options.timeoutMs ?? 10_000,
      checkTimeoutMs: options.checkTimeoutMs ?? 5_000,
      outputLimitBytes: options.outputLimitBytes ?? 1_000_000,
      startTimeoutMs: options.startTimeoutMs ?? 15_000,
      memoryMb: options.memoryMb ?? 256,
      killGraceMs: options.killGraceMs ?? 1000,
    };
    this.#container = this.#adopt(Promise.resolve(options.webcontainer ?? this.#bootNew()));
  }

  load(workspace: Workspace): Promise<void> {
    return this.#serial(async () => {
      const container = await this.#container;
      this.#assets ??= this.options.assets ?? (await fetchPayloadAssets("node", this.options.assetBaseUrl ?? PAYLOAD_ASSET_BASE));
      this.#assets = await withLessonAssets(this.#assets, workspace.checks, this.options.assetBaseUrl ?? PAYLOAD_ASSET_BASE);
      // Refuses paths outside the workspace before anything changes.
      buildPayload({ files: workspace.files, checks: workspace.checks, mode: "node", assets: this.#assets });
      await this.#stopPreview();
      this.#workspace = { ...workspace, files: { ...workspace.files } };
      this.#usesDatabase = usesDatabase(workspace.checks);
      // Downloads while the learner reads; a failure is reported by the run that needs the files.
      if (this.#usesDatabase) this.#loadDatabaseFiles().catch(() => {});
      // A fresh workdir for each lesson: remove what the last load left.
      for (const name of await container.fs.readdir(".")) await container.fs.rm(name, { recursive: true, force: true });
      await this.#mountShellCopy(container);
    });
  }

  write(path: string, contents: string): Promise<void> {
    return this.#serial(async () => {
      const workspace = this.#loaded();
      const target = safeLearnerPath(path);
      workspace.files[target] = contents;
      // The graded copy is mounted from these files at the next run; the shell's copy follows edits.
      const container = await this.#container;
      const shellPath = `${SHELL_DIR}/${target}`;
      await container.fs.mkdir(parentOf(shellPath), { recursive: true });
      await container.fs.writeFile(shellPath, contents);
    });
  }

  check(): Promise<GradeReport> {
    return this.#serial(async () => {
      const limits = this.#usesDatabase ? { ...this.#limits, timeoutMs: this.#limits.timeoutMs + DATABASE_START_MS } : this.#limits;
      let tree: PayloadTree;
      try {
        tree = await this.#payload();
      } catch (error) {
        if (error instanceof DatabaseUnavailable) return errorReport(error.message);
        throw error;
      }
      const booted = this.#container;
      const container = await booted;
      await this.#mountGraded(container, tree);
      const config: HostConfig = {
        nonce: nonce(), mode: "check", entry: this.#workspace!.entry, checkTimeoutMs: limits.checkTimeoutMs,
        budgetMs: Math.max(limits.timeoutMs - REPORT_MARGIN_MS, limits.timeoutMs / 2),
      };
      const child = await container.spawn("node", [NODE_HOST_PATH, ...this.#launchArgs()], {
        cwd: GRADED_DIR, env: { VIAL_HOST_CONFIG: JSON.stringify(config), ...PLAIN_OUTPUT },
      });
      const run = watchHostProcess(child, {
        nonce: config.nonce, timeoutMs: limits.timeoutMs, outputLimitBytes: limits.outputLimitBytes,
        onOutput: (text) => this.output.push(text),
      });
      this.#runs.add(run);
      try {
        const outcome = await run.outcome;
        if (outcome.timedOut || outcome.outputExceeded) await this.#ensureEnded(child, "A check run");
        const report = reportFromOutcome(outcome, limits);
        if (this.#container === booted && learnerWasStuck([report.message, ...report.checks.map((check) => check.message)])) {
          await this.#restartContainer("Your code was stuck in a loop");
        }
        // A container torn down meanwhile took its files with it; there is nothing to compare.
        const tampered = this.#container === booted ? await this.#changedPayloadFiles(container, tree) : [];
        if (tampered.length > 0) {
          return errorReport(`${tampered.join(", ")} changed while the checks ran (a process in the terminal, or your app, wrote there), so this result cannot be trusted. Stop that process and check again.`);
        }
        return report;
      } finally {
        this.#runs.delete(run);
      }
    });
  }

  start(): Promise<{ url: string }> {
    return this.#serial(async () => {
      const tree = await this.#payload();
      await this.#stopPreview();
      const container = await this.#container;
      await this.#mountGraded(container, tree);
      const { url, run, process } = await startAppProcess({
        container, port: this.options.port ?? 3000, hostname: this.options.hostname ?? "0.0.0.0", entry: this.#workspace!.entry,
        nonce: nonce(), env: PLAIN_OUTPUT, cwd: GRADED_DIR, hostArgs: this.#launchArgs(),
        startTimeoutMs: this.#limits.startTimeoutMs + (this.#usesDatabase ? DATABASE_START_MS : 0), outputLimitBytes: this.#limits.outputLimitBytes * 10,
        onOutput: (text) => this.output.push(text),
        onStopped: (reason) => {
          if (this.#preview?.run !== run) return;
          this.#preview = undefined;
          for (const listener of this.#previewStopped) listener(reason);
        },
      }).catch(async (error: unknown) => {
        // An app that did not start may be one that never stops (a loop at the top of a file).
        if (error instanceof AppStartFailure && learnerWasStuck([error.message])) await this.#restartContainer("Your app was stuck while starting");
        else if (error instanceof AppStartFailure && error.process) await this.#ensureEnded(error.process, "Your app");
        throw error;
      });
      this.#preview = { run, process };
      return { url };
    });
  }

  /** Stops the preview app started by {@link start}, if any. */
  stop(): Promise<void> {
    return this.#serial(() => this.#stopPreview());
  }

  /**
   * Calls `listener` with the reason whenever the preview app stops serving on its own (it
   * crashed, exited or closed its port), so the page does not keep showing a dead preview.
   * Returns the unsubscribe function.
   *
   * @example
   * sandbox.onPreviewStopped((reason) => showNotice(reason));
   */
  onPreviewStopped(listener: PreviewStoppedListener): () => void {
    this.#previewStopped.add(listener);
    return () => this.#previewStopped.delete(listener);
  }

  /**
   * Starts an interactive shell (`jsh`) in `shell/`, a copy of the learner's files outside the
   * graded copy, for the terminal panel. Keystrokes wait until jsh is interactive.
   *
   * @example
   * const shell = await sandbox.openShell({ cols: 80, rows: 24 });
   * shell.output.pipeTo(new WritableStream({ write: (data) => terminal.write(data) }));
   * const keys = shell.input.getWriter();
   * terminal.onData((data) => keys.write(data));
   */
  async openShell(size: { cols: number; rows: number } = { cols: 80, rows: 24 }): Promise<WebContainerShell> {
    if (this.#disposed) throw new Error("This sandbox was disposed.");
    await this.#queue;
    let end: (code: number) => void = () => {};
    const ended = new Promise<number>((resolve) => (end = resolve));
    this.#shellEnders.add(end);
    const shell = await openJsh(await this.#container, { cwd: SHELL_DIR, size, ended });
    this.#shells.add(shell);
    void shell.exit.finally(() => {
      this.#shells.delete(shell);
      this.#shellEnders.delete(end);
    });
    return shell;
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const run of this.#runs) run.stop();
    for (const shell of this.#shells) shell.kill();
    await this.#queue.catch(() => {});
    await this.#stopPreview().catch(() => {});
    for (const stop of this.#unsubscribe) stop();
    this.output.close();
  }

  /**
   * The grader host starts learner processes with node's heap limit, and names it when they run
   * out; for a database lesson it opens PGlite from the files mounted with the payload.
   */
  #launchArgs(): string[] {
    const memoryMb = this.#limits.memoryMb;
    return launchArgs({
      learnerCommand: ["node", `--max-old-space-size=${memoryMb}`], memoryMb, warm: false,
      ...(this.#usesDatabase ? { database: CONTAINER_DATABASE_SOURCE } : {}),
    });
  }

  /** PGlite's files, asked for once (a failure is asked again at the next need). */
  #loadDatabaseFiles(): Promise<DatabaseFileBytes> {
    if (!this.#databaseFiles) {
      const loading = this.options.databaseFiles?.() ?? fetchDatabaseBytes(this.options.assetBaseUrl ?? PAYLOAD_ASSET_BASE);
      this.#databaseFiles = loading;
      loading.catch(() => {
        if (this.#databaseFiles === loading) this.#databaseFiles = undefined;
      });
    }
    return this.#databaseFiles;
  }

  #loaded(): Workspace {
    if (!this.#workspace) throw new Error("Call load() before using the sandbox.");
    return this.#workspace;
  }

  /** The graded copy: the node-mode payload, and PGlite's files in `.vial/` for a database lesson only. */
  async #payload(): Promise<PayloadTree> {
    const workspace = this.#loaded();
    const tree = buildPayload({ files: workspace.files, checks: workspace.checks, mode: "node", assets: this.#assets ?? {} });
    if (!this.#usesDatabase) return tree;
    const files = await this.#loadDatabaseFiles().catch((error: unknown) => {
      throw new DatabaseUnavailable(`The lesson's database could not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
    return { ...tree, ...databaseMount(files) };
  }

  /** Mounts the payload afresh over the graded copy (undoing any change a process made there). */
  async #mountGraded(container: WebContainerLike, tree: PayloadTree): Promise<void> {
    await container.fs.rm(GRADED_PAYLOAD_DIR, { recursive: true, force: true });
    await container.fs.mkdir(GRADED_DIR, { recursive: true });
    await container.mount(toFileSystemTree(tree), { mountPoint: GRADED_DIR });
  }

  async #mountShellCopy(container: WebContainerLike): Promise<void> {
    await container.fs.mkdir(SHELL_DIR, { recursive: true });
    await container.mount(toFileSystemTree(this.#loaded().files), { mountPoint: SHELL_DIR });
  }

  /** The payload's own files (runtime, host, checks, PGlite's) that no longer hold what was mounted. */
  async #changedPayloadFiles(container: WebContainerLike, tree: PayloadTree): Promise<string[]> {
    const changed: string[] = [];
    for (const [path, contents] of Object.entries(tree)) {
      if (!path.startsWith(`${PAYLOAD_DIR}/`)) continue;
      const where = `${GRADED_DIR}/${path}`;
      // Binary files byte for byte: decoding would make different invalid UTF-8 look the same.
      const same = typeof contents === "string"
        ? (await container.fs.readFile(where, "utf-8").catch(() => null)) === contents
        : sameBytes(await container.fs.readFile(where).catch(() => null), contents);
      if (!same) changed.push(path);
    }
    return changed;
  }

  /** Stops the preview app and waits for it to end (tearing the container down if it will not). */
  async #stopPreview(): Promise<void> {
    const preview = this.#preview;
    this.#preview = undefined;
    if (!preview) return;
    preview.run.stop();
    await this.#ensureEnded(preview.process, "Your app");
  }

  /**
   * Waits for a killed process to end. In a WebContainer a process in a busy loop ignores every
   * signal (stackblitz/webcontainer-core#1121), so one still running after the grace time is
   * ended the only way there is: tearing the container down. A new one is booted and the
   * learner's files mounted in it; the next run mounts the payload as always.
   */
  async #ensureEnded(process: ProcessLike, what: string): Promise<void> {
    const ended = await Promise.race([process.exit.then(() => true, () => true), delay(this.#limits.killGraceMs).then(() => false)]);
    if (!ended) await this.#restartContainer(`${what} did not stop when told to`);
  }

  /** Tears the container down (a stop signal cannot end a busy loop there) and boots a new one. */
  async #restartContainer(why: string): Promise<void> {
    this.output.push(`\n[${why}, and a loop that never ends ignores stop signals in a WebContainer, so the container was restarted. Your files are kept.]\n`);
    const old = await this.#container;
    for (const stop of this.#unsubscribe) stop();
    this.#unsubscribe = [];
    if (this.#preview) {
      const reason = "The container was restarted, which stopped your app.";
      this.#preview = undefined;
      for (const listener of this.#previewStopped) listener(reason);
    }
    if (this.options.boot) old.teardown();
    else tearDownWebContainer(old);
    for (const end of this.#shellEnders) end(137);
    this.#container = this.#adopt(this.#bootNew());
    await this.#mountShellCopy(await this.#container);
  }

  #bootNew(): Promise<WebContainerLike> {
    return this.options.boot?.() ?? bootWebContainer({ timeoutMs: this.options.bootTimeoutMs ?? BOOT_TIMEOUT_MS });
  }

  /** Listens to a container's own reports: its errors and the preview's browser errors. */
  #adopt(booting: Promise<WebContainerLike>): Promise<WebContainerLike> {
    const adopted = booting.then((container) => {
      this.#unsubscribe.push(
        container.on("error", ({ message }) => this.output.push(`\n${describeContainerError(message)}\n`)),
        container.on("preview-message", (message) => this.output.push(describePreviewMessage(message))),
      );
      return container;
    });
    adopted.catch(() => {});
    return adopted;
  }

  /** Runs operations one at a time, so a write never lands in the middle of a check run. */
  #serial<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#disposed) return Promise.reject(new Error("This sandbox was disposed."));
    const next = this.#queue.then(operation, operation);
    this.#queue = next.catch(() => {});
    return next;
  }
}

/**
 * Makes a WebContainer-engine sandbox (booting the page's container unless one is given).
 *
 * @example
 * const sandbox = createWebContainerSandbox({ bootTimeoutMs: 30_000 });
 */
export function createWebContainerSandbox(options: WebContainerSandboxOptions = {}): WebContainerSandbox {
  return new WebContainerSandbox(options);
}
