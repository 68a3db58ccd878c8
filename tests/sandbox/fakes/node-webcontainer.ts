/**
 * A stand-in for a booted WebContainer that runs on Node (Linux): a temp folder for its file
 * system and child processes for `spawn`, because the real runtime needs StackBlitz's servers,
 * which CI lacks. It reproduces each documented quirk the engine must cope with:
 *
 * - signals act only when the process's event loop turns, so a busy loop ignores `kill()`
 *   (stackblitz/webcontainer-core#1121); only `teardown()` ends it (signals-via-event-loop.cjs);
 * - output is a terminal's: stdout and stderr merged (webcontainer-core#971), "\r\n" line
 *   endings, NUL dropped, chunks split anywhere, even inside a character (terminal-output.ts);
 *   and the stream never closes (@webcontainer/test's process.ts awaits `exit` instead);
 * - a port is announced (`port` open/close, `server-ready`) only when a server listens on every
 *   address, as the docs' servers do (listening-ports.ts);
 * - `jsh` loses keystrokes sent before its "interactive" signal (fake-jsh.cjs);
 * - after `teardown()` the instance is unusable (index.d.ts: "turning it unusable").
 *
 * Settings reach processes only through `env`, as in the engine.
 */
import { spawn as spawnChild } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { fileURLToPath } from "node:url";
import type { FileSystemTree, PreviewMessage, ProcessLike, SpawnOptions, WebContainerLike } from "../../../sandbox/engines/webcontainer/types";
import { listeningPorts } from "./listening-ports";
import { processesInGroups } from "./process-groups";
import { terminalChunks } from "./terminal-output";

type Listener = (...args: never[]) => void;

const HERE = dirname(fileURLToPath(import.meta.url));
const SIGNALS_VIA_EVENT_LOOP = join(HERE, "signals-via-event-loop.cjs");
const FAKE_JSH = join(HERE, "fake-jsh.cjs");
/** How often the stand-in looks for ports opened or closed. */
const PORT_POLL_MS = 25;

/** What one spawn was asked for, and its size changes; for tests. */
export interface SpawnRecord {
  command: string;
  args: string[];
  options?: SpawnOptions;
  resizes: { cols: number; rows: number }[];
  pid: number;
}

/** A Node-backed WebContainer stand-in; call `teardown()` to end its processes and remove its folder. */
export class NodeWebContainer implements WebContainerLike {
  readonly workdir = mkdtempSync(join(tmpdir(), "vial-fake-webcontainer-"));
  readonly spawned: SpawnRecord[] = [];
  readonly mounts: number[] = [];
  #listeners = new Map<string, Set<Listener>>();
  #children = new Set<ChildProcess>();
  /** Ports announced as open, by the pid of the spawned process that listens. */
  #openPorts = new Map<number, number>();
  #portPoll: ReturnType<typeof setInterval> | undefined;
  #tornDown = false;

  readonly fs = {
    readdir: (path: string) => this.#usable(() => readdir(this.#path(path))),
    readFile: ((path: string, encoding?: "utf-8") => this.#usable(async () => (encoding ? readFile(this.#path(path), encoding) : new Uint8Array(await readFile(this.#path(path)))))) as WebContainerLike["fs"]["readFile"],
    writeFile: (path: string, data: string | Uint8Array) => this.#usable(() => writeFile(this.#path(path), data)),
    mkdir: (path: string, options: { recursive: true }) => this.#usable(() => mkdir(this.#path(path), options)),
    rm: (path: string, options?: { force?: boolean; recursive?: boolean }) => this.#usable(() => rm(this.#path(path), options)),
  };

  /** Whether `teardown()` was called. */
  get tornDown(): boolean {
    return this.#tornDown;
  }

  /** The processes of this container still running, what they started included. */
  get running(): number {
    return processesInGroups(new Set([...this.#children].map((child) => child.pid!))).length;
  }

  /**
   * Waits until every spawned process has ended, then says how many processes they left
   * behind. Never resolves while a spawned process runs (a busy loop nobody tore down).
   */
  async settled(): Promise<number> {
    await Promise.all([...this.#children].map((child) =>
      child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((resolve) => child.once("exit", resolve))));
    // A process killed with its group may not have run its exit yet when the group's leader is
    // reaped (seen on a loaded machine): give the kernel a moment, so only a process that really
    // kept running is counted.
    for (let waited = 0; this.running > 0 && waited < 5_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    return this.running;
  }

  async mount(tree: FileSystemTree, options?: { mountPoint?: string }): Promise<void> {
    if (this.#tornDown) throw new Error("This WebContainer was torn down.");
    this.mounts.push(Date.now());
    await this.#write(tree, options?.mountPoint ?? "");
  }

  on(event: "server-ready", listener: (port: number, url: string) => void): () => void;
  on(event: "port", listener: (port: number, type: "open" | "close", url: string) => void): () => void;
  on(event: "error", listener: (error: { message: string }) => void): () => void;
  on(event: "preview-message", listener: (message: PreviewMessage) => void): () => void;
  on(event: string, listener: Listener): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    this.#listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Fires an `error` event, as the real container does when, say, a cookie blocker breaks it. */
  reportError(message: string): void {
    this.#emit("error", { message });
  }

  /** Fires a `preview-message`, as the real container does for a preview's uncaught error. */
  reportPreviewMessage(message: PreviewMessage): void {
    this.#emit("preview-message", message);
  }

  async spawn(command: string, args: string[], options?: SpawnOptions): Promise<ProcessLike> {
    if (this.#tornDown) throw new Error("This WebContainer was torn down.");
    const shell = command === "/bin/jsh";
    if (!shell && command !== "node") throw new Error(`The stand-in only runs node and jsh, not ${command}.`);
    const env = Object.fromEntries(Object.entries(options?.env ?? {}).map(([key, value]) => [key, String(value)]));
    const child = spawnChild(process.execPath, shell ? [FAKE_JSH] : args, {
      cwd: this.#path(options?.cwd ?? ""),
      env: {
        PATH: process.env.PATH ?? "", NODE_OPTIONS: `--require ${SIGNALS_VIA_EVENT_LOOP}`,
        ...env,
      },
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.#children.add(child);
    const record: SpawnRecord = { command, args, options, resizes: [], pid: child.pid! };
    this.spawned.push(record);
    const output = new ReadableStream<string>({
      start(controller) {
        for (const stream of [child.stdout!, child.stderr!]) {
          const decoder = new StringDecoder("utf8");
          stream.on("data", (bytes: Buffer) => {
            for (const chunk of terminalChunks(decoder.write(bytes))) controller.enqueue(chunk);
          });
        }
      },
    });
    const exit = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal === "SIGKILL" ? 137 : 1))));
    this.#watchPorts();
    return {
      output,
      exit,
      input: new WritableStream<string>({ write: (chunk) => void child.stdin!.write(chunk) }),
      // Delivered like a WebContainer's: handled by the process's event loop, if it ever turns.
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      },
      resize: (dimensions) => void record.resizes.push(dimensions),
    };
  }

  /** Ends every process (busy loops too) and removes the folder; the instance is unusable after. */
  teardown(): void {
    this.#tornDown = true;
    clearInterval(this.#portPoll);
    for (const child of this.#children) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    rmSync(this.workdir, { recursive: true, force: true });
  }

  /** Announces ports as the processes open and close them, while any process runs. */
  #watchPorts(): void {
    if (this.#portPoll) return;
    this.#portPoll = setInterval(() => {
      const live = [...this.#children].filter((child) => child.exitCode === null && child.signalCode === null);
      const listening = new Map<number, number>();
      for (const child of live) {
        for (const { port, everyAddress } of listeningPorts(child.pid!)) if (everyAddress) listening.set(port, child.pid!);
      }
      for (const [port] of this.#openPorts) {
        if (listening.has(port)) continue;
        this.#openPorts.delete(port);
        this.#emit("port", port, "close", this.#url(port));
      }
      for (const [port, pid] of listening) {
        const before = this.#openPorts.get(port);
        if (before === pid) continue;
        // Another process on the same port between two looks: the old one closed it first.
        if (before !== undefined) this.#emit("port", port, "close", this.#url(port));
        this.#openPorts.set(port, pid);
        this.#emit("port", port, "open", this.#url(port));
        this.#emit("server-ready", port, this.#url(port));
      }
      if (live.length === 0 && this.#openPorts.size === 0) {
        clearInterval(this.#portPoll);
        this.#portPoll = undefined;
      }
    }, PORT_POLL_MS);
  }

  #url(port: number): string {
    return `http://127.0.0.1:${port}/`;
  }

  #path(path: string): string {
    return join(this.workdir, path);
  }

  async #usable<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#tornDown) throw new Error("This WebContainer was torn down.");
    return operation();
  }

  async #write(tree: FileSystemTree, base: string): Promise<void> {
    for (const [name, node] of Object.entries(tree)) {
      const path = join(base, name);
      if ("directory" in node) {
        await mkdir(this.#path(path), { recursive: true });
        await this.#write(node.directory, path);
      } else if ("file" in node && "contents" in node.file) {
        await mkdir(dirname(this.#path(path)), { recursive: true });
        await writeFile(this.#path(path), node.file.contents);
      }
    }
  }

  #emit(event: string, ...args: unknown[]): void {
    for (const listener of this.#listeners.get(event) ?? []) (listener as (...values: unknown[]) => void)(...args);
  }
}
