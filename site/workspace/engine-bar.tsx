"use client";
/**
 * Which engine runs the code and why, a switch to the other one, the start-up state, and a
 * clear error with a retry when the engine cannot start.
 */
import { useStore } from "../state/use-store";
import { engineStore, type EngineKind } from "../state/engine-store";

const ENGINE_NAME: Record<EngineKind, string> = { webcontainer: "WebContainer", worker: "Web Worker" };

/**
 * The reason without its "Using the worker engine:" lead, which the bar already says.
 *
 * @example
 * shortReason("Using the worker engine: you are offline."); // "you are offline."
 */
export function shortReason(reason: string): string {
  return reason.replace(/^Using (?:the \w+ engine|WebContainers):\s*/, "");
}

export interface EngineBarProps {
  onSwitch(kind: EngineKind): void;
  onRetry(): void;
}

/**
 * The engine indicator.
 *
 * @example
 * <EngineBar onSwitch={(kind) => session.start(files, kind)} onRetry={retry} />
 */
export function EngineBar({ onSwitch, onRetry }: EngineBarProps) {
  const engine = useStore(engineStore);
  const other: EngineKind = engine.kind === "webcontainer" ? "worker" : "webcontainer";
  return (
    <div className="engine-bar" data-phase={engine.phase} data-engine={engine.kind ?? "none"} data-testid="engine-bar">
      <div className="engine-bar__state" role="status">
        {engine.phase === "starting" ? (
          <span>
            <span className="spinner" aria-hidden="true" /> Starting the sandbox
            {engine.preferred ? ` (${ENGINE_NAME[engine.preferred]})` : ""}…
          </span>
        ) : engine.phase === "ready" && engine.kind ? (
          <span>
            Running in a <strong>{ENGINE_NAME[engine.kind]}</strong>
            <span className="engine-bar__reason">: {shortReason(engine.reason)}</span>
          </span>
        ) : engine.phase === "idle" ? (
          <span>Preparing the sandbox…</span>
        ) : null}
      </div>
      {engine.phase === "error" ? (
        <div className="engine-bar__error" role="alert">
          <strong>The sandbox could not start.</strong> {engine.error}
        </div>
      ) : null}
      <div className="engine-bar__actions">
        {engine.phase === "error" ? (
          <button type="button" className="button button--small" onClick={onRetry}>
            Retry
          </button>
        ) : null}
        {engine.phase === "ready" || engine.phase === "error" ? (
          <button type="button" className="button button--small button--quiet" onClick={() => onSwitch(other)}>
            Switch to {ENGINE_NAME[other]}
          </button>
        ) : null}
      </div>
    </div>
  );
}
