/**
 * The part of `@webcontainer/api` the engine uses, as interfaces: the real `WebContainer`
 * satisfies them, and tests hand the engine a stand-in (tests/sandbox/fakes/node-webcontainer.ts
 * runs the same calls on Node) because the real runtime needs StackBlitz's servers.
 */
import type { FileSystemTree, PreviewMessage, SpawnOptions } from "@webcontainer/api";

export type { FileSystemTree, PreviewMessage, SpawnOptions };

/** A running process: output is stdout and stderr merged, from a terminal, and may never close. */
export interface ProcessLike {
  exit: Promise<number>;
  input: WritableStream<string>;
  output: ReadableStream<string>;
  kill(): void;
  resize(dimensions: { cols: number; rows: number }): void;
}

export interface FileSystemLike {
  readdir(path: string): Promise<string[]>;
  readFile(path: string, encoding: "utf-8"): Promise<string>;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void>;
}

export interface WebContainerLike {
  fs: FileSystemLike;
  /** Binary contents are transferred (the buffers are detached afterwards): mount copies. */
  mount(tree: FileSystemTree, options?: { mountPoint?: string }): Promise<void>;
  spawn(command: string, args: string[], options?: SpawnOptions): Promise<ProcessLike>;
  on(event: "server-ready", listener: (port: number, url: string) => void): () => void;
  on(event: "port", listener: (port: number, type: "open" | "close", url: string) => void): () => void;
  /** Internal failures; the README names cookie and storage blockers as the usual cause. */
  on(event: "error", listener: (error: { message: string }) => void): () => void;
  /** The preview's uncaught errors, rejections and console.error (boot with `forwardPreviewErrors`). */
  on(event: "preview-message", listener: (message: PreviewMessage) => void): () => void;
  /** Ends every process and frees the container; a new one may be booted afterwards. */
  teardown(): void;
}
