/**
 * Which engine runs the learner's code, why it was chosen, where it is in starting up, and the
 * WebContainer that may be booting in the background to take over from the worker engine.
 */
import { createStore } from "./store";

/** The browser engines (DESIGN.md section 3). */
export type EngineKind = "webcontainer" | "worker";

export type EnginePhase = "idle" | "starting" | "ready" | "error";

/**
 * The WebContainer behind the running engine: not wanted, booting (since when, and for at most
 * how long), or not available (with the reason, for the learner).
 */
export type WebContainerUpgrade =
  | { status: "none" }
  | { status: "booting"; since: number; timeoutMs: number }
  | { status: "unavailable"; reason: string };

export interface EngineState {
  phase: EnginePhase;
  kind: EngineKind | null;
  /** Why this engine runs, in words for the learner ("This page is not cross-origin isolated"). */
  reason: string;
  /** What went wrong when phase is "error". */
  error: string | null;
  /** What the learner asked for with the engine choice, if anything. */
  preferred: EngineKind | null;
  /** The WebContainer boot in the background, when WebContainers are wanted. */
  upgrade: WebContainerUpgrade;
}

export const engineStore = createStore<EngineState>({ phase: "idle", kind: null, reason: "", error: null, preferred: null, upgrade: { status: "none" } });

const PREFERENCE_KEY = "learn-vial:engine";

/**
 * The engine the learner chose last time, if any.
 *
 * @example
 * readEnginePreference(localStorage); // "worker"
 */
export function readEnginePreference(storage: Pick<Storage, "getItem"> | undefined): EngineKind | null {
  const value = storage?.getItem(PREFERENCE_KEY);
  return value === "webcontainer" || value === "worker" ? value : null;
}

/**
 * Remembers the learner's choice of engine (or forgets it with `null`).
 *
 * @example
 * writeEnginePreference(localStorage, "worker");
 */
export function writeEnginePreference(storage: Pick<Storage, "setItem" | "removeItem"> | undefined, kind: EngineKind | null): void {
  if (!storage) return;
  if (kind) storage.setItem(PREFERENCE_KEY, kind);
  else storage.removeItem(PREFERENCE_KEY);
}
