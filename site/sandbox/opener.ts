/**
 * How the site gets a sandbox: an opener picks (or is told) an engine and hands back a running
 * Sandbox with the reason it was chosen. The site only ever sees this shape, so engines can be
 * swapped or faked in tests.
 */
import type { Sandbox } from "../../sandbox/sandbox";
import type { EngineKind } from "../state/engine-store";

/** A real terminal, offered only by engines that have a shell (webcontainer). */
export interface TerminalSession {
  write(data: string): void;
  resize?(columns: number, rows: number): void;
  output: AsyncIterable<string>;
  dispose(): Promise<void> | void;
}

export interface OpenedSandbox {
  kind: EngineKind;
  /** Why this engine, in words for the learner. */
  reason: string;
  sandbox: Sandbox;
  /** Starts an interactive shell when the engine has one. */
  openTerminal?: () => Promise<TerminalSession>;
  /** Says why, when the preview app stops serving on its own (engines that can tell); returns the unsubscribe. */
  onPreviewStopped?: (listener: (reason: string) => void) => () => void;
}

/**
 * Opens a sandbox, on `preferred` when the learner chose one, else on whichever engine fits this
 * browser. Rejects with a message the learner can act on when no engine can start.
 */
export type SandboxOpener = (preferred: EngineKind | null) => Promise<OpenedSandbox>;
