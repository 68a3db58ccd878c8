import { OutputStream } from "../../output";
import { buildPayload, NODE_HOST_PATH, safeLearnerPath } from "../../payload/index";
import type { PayloadAssets } from "../../payload/index";
import type { HostConfig } from "../../payload/hosts/host-config";
import type { GradeReport } from "../../report";
import type { Sandbox, SandboxLimits, Workspace } from "../../sandbox";
import { fetchPayloadAssets, PAYLOAD_ASSET_BASE } from "../browser-assets";
import { reportFromOutcome } from "../node/outcome-report";
import { bootWebContainer } from "./boot";
import { parentOf, toFileSystemTree } from "./file-tree";
import { watchHostProcess } from "./host-process";
import type { HostProcessRun } from "./host-process";
import { startAppProcess } from "./start-app";
import type { ProcessLike, WebContainerLike } from "./types";

export interface WebContainerSandboxOptions extends SandboxLimits {
  /** The container to use; default the page's, booted with {@link bootWebContainer}. */
  webcontainer?: WebContainerLike | Promise<WebContainerLike>;
  /** How long booting may take (default 20 000 ms). */
  bootTimeoutMs?: number;
  /** The payload's bundles; by default fetched from `assetBaseUrl` (default "/sandbox/"). */
  assets?: PayloadAssets;
  assetBaseUrl?: string;
  /** Longest the app may take to start listening for the preview (default 15 000 ms). */
  startTimeoutMs?: number;
  /** First port the preview app listens on; each start() takes the next one (default 3000). */
  port?: number;
  /** Where the app listens inside the container (default "127.0.0.1"). */
  hostname?: string;
}

/** An interactive shell in the container, for a terminal panel (e.g. xterm.js). */
export interface WebContainerShell {
  /** Keystrokes go here. */
  input: WritableStream<string>;
  /** What the shell prints, with terminal escapes. */
  output: ReadableStream<string>;
  resize(cols: number, rows: number): void;
  exit: Promise<number>;
  kill(): void;
}

/** Time kept back from the run's limit so the grader can report before the process is killed. */
const REPORT_MARGIN_MS = 1500;
/** No colours from node's console: the output panel shows plain text. */
const PLAIN_OUTPUT = { NO_COLOR: "1", NODE_DISABLE_COLORS: "1" };

function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * The WebContainer engine (DESIGN.md section 3): StackBlitz's in-browser Node runs the same
 * node-mode payload as the node engine. load() mounts it, write() writes one file, check() runs
 * `node .vial/grader-host.mjs` with a time limit, start() runs the app and resolves with the
 * container's preview URL, and openShell() gives a real shell for the terminal panel.
 *
 * @example
 * const sandbox = createWebContainerSandbox({ webcontainer: await bootWebContainer() });
 * await sandbox.load({ files: { "app.ts": source }, checks });
 * const report = await sandbox.check();
 */
export class WebContainerSandbox implements Sandbox {
  readonly output = new OutputStream();
  #container: Promise<WebContainerLike>;
  #loaded = false;
  #entry: string | undefined;
  #preview: HostProcessRun | undefined;
  #runs = new Set<HostProcessRun>();
  #shells = new Set<ProcessLike>();
  #starts = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #disposed = false;
  readonly #limits: { timeoutMs: number; checkTimeoutMs: number; outputLimitBytes: number; startTimeoutMs: number };

  constructor(private readonly options: WebContainerSandboxOptions = {}) {
    this.#container = Promise.resolve(options.webcontainer ?? bootWebContainer({ timeoutMs: options.bootTimeoutMs }));
    this.#container.catch(() => {});
    this.#limits = {
      timeoutMs: options.timeoutMs ?? 10_000,
      checkTimeoutMs: options.checkTimeoutMs ?? 5_000,
      outputLimitBytes: options.outputLimitBytes ?? 1_000_000,
      startTimeoutMs: options.startTimeoutMs ?? 15_000,
    };
  }

  load(workspace: Workspace): Promise<void> {
    return this.#serial(async () => {
      const container = await this.#container;
      const assets = this.options.assets ?? (await fetchPayloadAssets("node", this.options.assetBaseUrl ?? PAYLOAD_ASSET_BASE));
      const tree = buildPayload({ files: workspace.files, checks: workspace.checks, mode: "node", assets });
      this.#stopPreview();
      // A fresh workdir for each lesson: remove what the last load left, then mount once.
      for (const name of await container.fs.readdir(".")) await container.fs.rm(name, { recursive: true, force: true });
      await container.mount(toFileSystemTree(tree));
      this.#entry = workspace.entry;
      this.#loaded = true;
    });
  }

  write(path: string, contents: string): Promise<void> {
    return this.#serial(async () => {
      this.#assertLoaded();
      const target = safeLearnerPath(path);
      const container = await this.#container;
      if (parentOf(target)) await container.fs.mkdir(parentOf(target), { recursive: true });
      await container.fs.writeFile(target, contents);
    });
  }

  check(): Promise<GradeReport> {
    return this.#serial(async () => {
      this.#assertLoaded();
      const limits = this.#limits;
      const config: HostConfig = {
        nonce: nonce(), mode: "check", entry: this.#entry, checkTimeoutMs: limits.checkTimeoutMs,
        budgetMs: Math.max(limits.timeoutMs - REPORT_MARGIN_MS, limits.timeoutMs / 2),
      };
      const child = await (await this.#container).spawn("node", [NODE_HOST_PATH], { env: { VIAL_HOST_CONFIG: JSON.stringify(config), ...PLAIN_OUTPUT } });
      const run = watchHostProcess(child, {
        nonce: config.nonce, timeoutMs: limits.timeoutMs, outputLimitBytes: limits.outputLimitBytes,
        onOutput: (text) => this.output.push(text),
      });
      this.#runs.add(run);
      try {
        return reportFromOutcome(await run.outcome, { ...limits, memoryMb: 0 });
      } finally {
        this.#runs.delete(run);
      }
    });
  }

  start(): Promise<{ url: string }> {
    return this.#serial(async () => {
      this.#assertLoaded();
      this.#stopPreview();
      const port = (this.options.port ?? 3000) + (this.#starts++ % 100);
      const { url, run } = await startAppProcess({
        container: await this.#container, port, hostname: this.options.hostname ?? "127.0.0.1", entry: this.#entry,
        nonce: nonce(), env: PLAIN_OUTPUT, startTimeoutMs: this.#limits.startTimeoutMs,
        outputLimitBytes: this.#limits.outputLimitBytes * 10, onOutput: (text) => this.output.push(text),
      });
      this.#preview = run;
      return { url };
    });
  }

  /** Stops the preview app started by {@link start}, if any. */
  stop(): Promise<void> {
    return this.#serial(async () => this.#stopPreview());
  }

  /**
   * Starts an interactive shell (`jsh`) in the container, for the terminal panel.
   *
   * @example
   * const shell = await sandbox.openShell({ cols: 80, rows: 24 });
   * shell.output.pipeTo(new WritableStream({ write: (data) => terminal.write(data) }));
   * const keys = shell.input.getWriter();
   * terminal.onData((data) => keys.write(data));
   */
  async openShell(size: { cols: number; rows: number } = { cols: 80, rows: 24 }): Promise<WebContainerShell> {
    if (this.#disposed) throw new Error("This sandbox was disposed.");
    const shell = await (await this.#container).spawn("/bin/jsh", ["--osc"], { terminal: size });
    this.#shells.add(shell);
    void shell.exit.finally(() => this.#shells.delete(shell));
    return {
      input: shell.input, output: shell.output, exit: shell.exit,
      resize: (cols, rows) => shell.resize({ cols, rows }),
      kill: () => shell.kill(),
    };
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const run of this.#runs) run.stop();
    for (const shell of this.#shells) shell.kill();
    this.#stopPreview();
    await this.#queue.catch(() => {});
    this.output.close();
  }

  #stopPreview(): void {
    this.#preview?.stop();
    this.#preview = undefined;
  }

  #assertLoaded(): void {
    if (!this.#loaded) throw new Error("Call load() before using the sandbox.");
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
 * const sandbox = createWebContainerSandbox({ bootTimeoutMs: 20_000 });
 */
export function createWebContainerSandbox(options: WebContainerSandboxOptions = {}): WebContainerSandbox {
  return new WebContainerSandbox(options);
}
