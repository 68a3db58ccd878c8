"use client";
/**
 * Which engine runs the code and why, the learner's choice of engine (which can always be changed
 * back), the progress of a WebContainer booting in the background, why one is not available,
 * and a clear error with a retry when the engine cannot start.
 */
import { useEffect, useState } from "react";
import { useStore } from "../state/use-store";
import { engineStore, type EngineKind, type EngineState } from "../state/engine-store";

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

/**
 * The engine the choice shows: the learner's, else the one wanted for this lesson.
 *
 * @example
 * shownChoice({ ...state, preferred: null, kind: "worker", upgrade: { status: "none" } }); // "worker"
 */
export function shownChoice(engine: EngineState): EngineKind {
  if (engine.preferred) return engine.preferred;
  return engine.kind === "webcontainer" || engine.upgrade.status === "booting" ? "webcontainer" : "worker";
}

export interface EngineBarProps {
  onChoose(kind: EngineKind): void;
  onRetry(): void;
}

/**
 * The engine indicator and choice.
 *
 * @example
 * <EngineBar onChoose={(kind) => session.choose(kind)} onRetry={() => session.retry()} />
 */
export function EngineBar({ onChoose, onRetry }: EngineBarProps) {
  const engine = useStore(engineStore);
  const choice = shownChoice(engine);
  return (
    <div className="engine-bar" data-phase={engine.phase} data-engine={engine.kind ?? "none"} data-upgrade={engine.upgrade.status} data-testid="engine-bar">
      <div className="engine-bar__state" role="status">
        {engine.phase === "starting" ? (
          <span>
            <span className="spinner" aria-hidden="true" /> Starting the sandbox (Web Worker)…
          </span>
        ) : engine.phase === "ready" && engine.kind ? (
          <span>
            Running in a <strong>{ENGINE_NAME[engine.kind]}</strong>
            {engine.kind === "webcontainer" ? <span className="engine-bar__reason">: {shortReason(engine.reason)}</span> : null}
          </span>
        ) : engine.phase === "idle" ? (
          <span>Preparing the sandbox…</span>
        ) : null}
      </div>
      <label className="engine-bar__choice">
        Engine{" "}
        <select value={choice} onChange={(event) => onChoose(event.target.value as EngineKind)} data-testid="engine-choice">
          <option value="worker">Web Worker (starts at once, works offline)</option>
          <option value="webcontainer">WebContainer (real Node and a terminal)</option>
        </select>
      </label>
      {engine.phase === "error" ? (
        <div className="engine-bar__error" role="alert">
          <strong>The sandbox could not start.</strong> {engine.error}{" "}
          <button type="button" className="button button--small" onClick={onRetry}>
            Retry
          </button>
        </div>
      ) : null}
      <Upgrade engine={engine} onChoose={onChoose} />
    </div>
  );
}

function Upgrade({ engine, onChoose }: { engine: EngineState; onChoose(kind: EngineKind): void }) {
  const { upgrade } = engine;
  if (upgrade.status === "booting") return <BootProgress since={upgrade.since} timeoutMs={upgrade.timeoutMs} running={engine.kind} />;
  if (upgrade.status !== "unavailable" || shownChoice(engine) !== "webcontainer") return null;
  return (
    <p className="engine-bar__upgrade" data-testid="engine-upgrade" role="status">
      WebContainers are not available: {upgrade.reason} Your code runs in the Web Worker meanwhile.{" "}
      <button type="button" className="button button--small button--quiet" onClick={() => onChoose("webcontainer")}>
        Try WebContainer again
      </button>
    </p>
  );
}

function BootProgress({ since, timeoutMs, running }: { since: number; timeoutMs: number; running: EngineKind | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.min(timeoutMs, Math.max(0, now - since));
  return (
    <p className="engine-bar__upgrade" data-testid="engine-upgrade">
      <span role="status">Starting a WebContainer in the background; {running === "worker" ? "your code runs in the Web Worker until it is ready" : "it takes over when ready"}.</span>{" "}
      <progress max={timeoutMs} value={elapsed} aria-label="WebContainer start-up" />{" "}
      <span aria-hidden="true">
        {Math.round(elapsed / 1000)} s (gives up after {Math.round(timeoutMs / 1000)} s)
      </span>
    </p>
  );
}
