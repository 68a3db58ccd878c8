/**
 * How the site gets a sandbox: engines open one kind of engine and hand back a running Sandbox
 * with the reason it runs, and say whether WebContainers are worth booting now. The site only
 * ever sees this shape, so engines can be swapped or faked in tests.
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
 * Opens a sandbox on engine `kind`. Rejects with a message the learner can act on when it cannot
 * start (for WebContainers: not isolated, no answer from StackBlitz in time).
 */
export type SandboxOpener = (kind: EngineKind) => Promise<OpenedSandbox>;

/** What the session needs from the browser to run engines. */
export interface SessionEngines {
  open: SandboxOpener;
  /**
   * Why WebContainers should not be booted now (not isolated, offline, failed a short while ago
   * unless `explicit`: the learner just asked), in words for the learner; null when they may.
   */
  webContainerBlocked(explicit: boolean): Promise<string | null>;
  /** Records a failed WebContainer boot, so other tabs do not wait for one again for a while. */
  webContainerFailed(reason: string): void;
  /** How long a WebContainer boot may take, for the progress shown meanwhile. */
  webContainerTimeoutMs: number;
}
