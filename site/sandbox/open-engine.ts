/**
 * The site's sandbox opener over the browser engines in sandbox/engines: WebContainers where the
 * page is cross-origin isolated and StackBlitz answers in time, else the worker engine (which
 * also runs offline). The learner's choice, from the engine switch, goes first.
 */
import "../zod-without-eval";
import { pickEngine } from "../../sandbox/engines/pick";
import { BOOT_TIMEOUT_MS, bootWebContainer, createWebContainerSandbox, type WebContainerSandbox } from "../../sandbox/engines/webcontainer";
import { createWorkerSandbox } from "../../sandbox/engines/worker";
import type { EngineKind } from "../state/engine-store";
import { reachesNetwork } from "./connectivity";
import type { OpenedSandbox, SandboxOpener, TerminalSession } from "./opener";

/** Remembers, for this tab's session, that WebContainers did not boot, so later pages do not wait again. */
const NO_WEBCONTAINER_KEY = "learn-vial:webcontainer-unavailable";

/**
 * Opens a sandbox for the workspace.
 *
 * @example
 * const { sandbox, kind, reason } = await openBrowserSandbox(null);
 */
export const openBrowserSandbox: SandboxOpener = async (preferred: EngineKind | null): Promise<OpenedSandbox> => {
  const skip = preferred === null ? await reasonToSkipWebContainers() : null;
  if (skip) return { kind: "worker", reason: skip, sandbox: createWorkerSandbox() };
  const choice = await pickEngine({
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    bootWebContainer: () => bootWebContainer({ timeoutMs: BOOT_TIMEOUT_MS }),
    timeoutMs: BOOT_TIMEOUT_MS,
    preferred,
  });
  if (choice.kind === "worker") {
    if (preferred !== "worker" && globalThis.crossOriginIsolated) rememberNoWebContainers(choice.reason);
    return { kind: "worker", reason: choice.reason, sandbox: createWorkerSandbox() };
  }
  const sandbox = createWebContainerSandbox({ webcontainer: choice.webcontainer });
  return {
    kind: "webcontainer", reason: choice.reason, sandbox,
    openTerminal: () => openShell(sandbox),
    onPreviewStopped: (listener) => sandbox.onPreviewStopped(listener),
  };
};

async function reasonToSkipWebContainers(): Promise<string | null> {
  // "Online" is confirmed by a request only where WebContainers could run at all (isolation):
  // elsewhere pickEngine chooses the worker engine at once, and the probe would be wasted.
  const offline = globalThis.navigator?.onLine === false || (globalThis.crossOriginIsolated === true && !(await reachesNetwork()));
  if (offline) {
    return "Using the worker engine: you are offline, and WebContainers need a connection to StackBlitz.";
  }
  try {
    const earlier = sessionStorage.getItem(NO_WEBCONTAINER_KEY);
    return earlier ? `${earlier.replace(/\.$/, "")} (earlier in this session).` : null;
  } catch {
    return null;
  }
}

function rememberNoWebContainers(reason: string): void {
  try {
    sessionStorage.setItem(NO_WEBCONTAINER_KEY, reason);
  } catch {
    // Without session storage each page simply tries again.
  }
}

async function openShell(sandbox: WebContainerSandbox): Promise<TerminalSession> {
  // A first size only: the terminal panel fits itself and sends the real one.
  const shell = await sandbox.openShell({ cols: 80, rows: 24 });
  const writer = shell.input.getWriter();
  return {
    write: (data) => void writer.write(data),
    resize: (columns, rows) => shell.resize(columns, rows),
    output: streamToIterable(shell.output),
    dispose: () => shell.kill(),
  };
}

async function* streamToIterable(stream: ReadableStream<string>): AsyncIterable<string> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
