/**
 * A stand-in for a booted WebContainer that runs on Node: a temp folder for its file system
 * and child processes for `spawn`. It behaves like the real one where the engine depends on it:
 * stdout and stderr merged into one output stream with terminal line endings ("\r\n"), an output
 * stream that never closes, settings passed only through `env`, and `server-ready` fired once
 * something listens on a port. The real runtime needs StackBlitz's servers, which CI lacks.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { FileSystemTree, ProcessLike, SpawnOptions, WebContainerLike } from "../../../sandbox/engines/webcontainer/types";

type Listener = (...args: never[]) => void;

function waitForPort(port: number, deadline: number, stopped: () => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const attempt = () => {
      if (stopped()) return resolve(false);
      const socket = connect(port, "127.0.0.1", () => {
        socket.destroy();
        resolve(true);
      });
      socket.on("error", () => {
        socket.destroy();
        if (Date.now() > deadline) resolve(false);
        else setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

/** A Node-backed WebContainer stand-in; call `teardown()` to kill its processes and remove its folder. */
export class NodeWebContainer implements WebContainerLike {
  readonly workdir = mkdtempSync(join(tmpdir(), "vial-fake-webcontainer-"));
  readonly spawned: { command: string; args: string[]; options?: SpawnOptions }[] = [];
  readonly mounts: number[] = [];
  #listeners = new Map<string, Set<Listener>>();
  #pids = new Set<number>();

  readonly fs = {
    readdir: (path: string) => readdir(join(this.workdir, path)),
    writeFile: async (path: string, data: string | Uint8Array) => writeFile(join(this.workdir, path), data),
    mkdir: (path: string, options: { recursive: true }) => mkdir(join(this.workdir, path), options),
    rm: (path: string, options?: { force?: boolean; recursive?: boolean }) => rm(join(this.workdir, path), options),
  };

  async mount(tree: FileSystemTree, base = ""): Promise<void> {
    if (base === "") this.mounts.push(Date.now());
    for (const [name, node] of Object.entries(tree)) {
      const path = join(base, name);
      if ("directory" in node) {
        await mkdir(join(this.workdir, path), { recursive: true });
        await this.mount(node.directory, path);
      } else if ("file" in node && "contents" in node.file) {
        await mkdir(dirname(join(this.workdir, path)), { recursive: true });
        await writeFile(join(this.workdir, path), node.file.contents);
      }
    }
  }

  on(event: "server-ready", listener: (port: number, url: string) => void): () => void;
  on(event: "port", listener: (port: number, type: "open" | "close", url: string) => void): () => void;
  on(event: string, listener: Listener): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    this.#listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  async spawn(command: string, args: string[], options?: SpawnOptions): Promise<ProcessLike> {
    this.spawned.push({ command, args, options });
    // The shell is an echo here: enough to test the plumbing of openShell().
    if (command === "/bin/jsh") args = ["-e", "process.stdin.pipe(process.stdout)"];
    else if (command !== "node") throw new Error(`The fake container only runs node and jsh, not ${command}.`);
    const env = Object.fromEntries(Object.entries(options?.env ?? {}).map(([key, value]) => [key, String(value)]));
    const child = spawn(process.execPath, args, { cwd: join(this.workdir, options?.cwd ?? ""), env: { PATH: process.env.PATH ?? "", ...env }, detached: true, stdio: ["pipe", "pipe", "pipe"] });
    const pid = child.pid!;
    this.#pids.add(pid);
    const kill = () => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    };
    // Like the real one: one merged stream with terminal line endings, and it never closes.
    const output = new ReadableStream<string>({
      start(controller) {
        const forward = (chunk: Buffer) => controller.enqueue(chunk.toString("utf8").replace(/\n/g, "\r\n"));
        child.stdout.on("data", forward);
        child.stderr.on("data", forward);
      },
    });
    const exit = new Promise<number>((resolve) => child.on("exit", (code) => {
      this.#pids.delete(pid);
      kill();
      resolve(code ?? 1);
    }));
    const config = env.VIAL_HOST_CONFIG ? (JSON.parse(env.VIAL_HOST_CONFIG) as { mode?: string; port?: number }) : {};
    if (config.mode === "serve" && config.port) {
      let ended = false;
      void exit.then(() => (ended = true));
      void waitForPort(config.port, Date.now() + 20_000, () => ended).then((open) => {
        if (open) this.#emit("server-ready", config.port, `http://127.0.0.1:${config.port}/`);
      });
    }
    const input = new WritableStream<string>({ write: (chunk) => void child.stdin.write(chunk) });
    return { output, exit, input, kill, resize: () => {} };
  }

  /** Kills what it started and removes its folder. */
  teardown(): void {
    for (const pid of this.#pids) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    rmSync(this.workdir, { recursive: true, force: true });
  }

  #emit(event: string, ...args: unknown[]): void {
    for (const listener of this.#listeners.get(event) ?? []) (listener as (...values: unknown[]) => void)(...args);
  }
}
