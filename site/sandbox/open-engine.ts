/**
 * The site's engines over the browser engines in sandbox/engines. The worker engine opens at
 * once, everywhere and offline; WebContainers boot only when wanted, need a cross-origin
 * isolated page and StackBlitz, and are loaded (with their API) only then.
 */
import "../zod-without-eval";
import { fetchPayloadAssets } from "../../sandbox/engines/browser-assets";
import { createWorkerSandbox } from "../../sandbox/engines/worker";
import type { WebContainerSandbox } from "../../sandbox/engines/webcontainer";
import { reachesNetwork } from "./connectivity";
import type { OpenedSandbox, SessionEngines, TerminalSession } from "./opener";
import { forgetWebContainerFailure, recentWebContainerFailure, rememberWebContainerFailure } from "./webcontainer-memory";

/** How long a WebContainer boot may take (sandbox/engines/webcontainer's BOOT_TIMEOUT_MS, kept here so the page need not load that module to say it). */
const WEBCONTAINER_TIMEOUT_MS = 30_000;

function storage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The browser's engines for the workspace session.
 *
 * @example
 * const session = new WorkspaceSession(browserEngines, lesson.checks);
 */
export const browserEngines: SessionEngines = {
  open: (kind) => (kind === "worker" ? openWorker() : openWebContainer()),
  webContainerBlocked,
  webContainerFailed: (reason) => rememberWebContainerFailure(storage(), reason),
  webContainerTimeoutMs: WEBCONTAINER_TIMEOUT_MS,
};

/**
 * Starts fetching the worker engine's bundles now (the engine takes them from the same per-page
 * fetch when it opens), so they download while the saved files are still being read.
 *
 * @example
 * prefetchWorkerEngine();
 * const files = await readSavedFiles();
 * await session.start(files, preference);
 */
export function prefetchWorkerEngine(): void {
  // A failure is the engine's to report when it opens (and fetches again).
  fetchPayloadAssets("worker").catch(() => undefined);
}

async function openWorker(): Promise<OpenedSandbox> {
  return { kind: "worker", reason: "Using the worker engine: it starts at once and runs offline.", sandbox: createWorkerSandbox() };
}

async function openWebContainer(): Promise<OpenedSandbox> {
  const { bootWebContainer, createWebContainerSandbox } = await import("../../sandbox/engines/webcontainer");
  const { pickEngine } = await import("../../sandbox/engines/pick");
  const choice = await pickEngine({
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    bootWebContainer: () => bootWebContainer({ timeoutMs: WEBCONTAINER_TIMEOUT_MS }),
    timeoutMs: WEBCONTAINER_TIMEOUT_MS,
    preferred: "webcontainer",
  });
  if (choice.kind !== "webcontainer") throw new Error(choice.reason.replace(/^Using the worker engine:\s*/, ""));
  const sandbox = createWebContainerSandbox({ webcontainer: choice.webcontainer });
  return {
    kind: "webcontainer",
    reason: choice.reason,
    sandbox,
    openTerminal: () => openShell(sandbox),
    onPreviewStopped: (listener) => sandbox.onPreviewStopped(listener),
  };
}

async function webContainerBlocked(explicit: boolean): Promise<string | null> {
  if (globalThis.crossOriginIsolated !== true) return "WebContainers need cross-origin isolation, which this page does not have.";
  if (explicit) forgetWebContainerFailure(storage());
  else {
    const failed = recentWebContainerFailure(storage());
    if (failed) return `${failed.reason.replace(/\.$/, "")} ${minutesAgo(failed.at)}, so they are not tried again for a while.`;
  }
  if (!(await reachesNetwork())) return "you are offline, and WebContainers need a connection to StackBlitz.";
  return null;
}

function minutesAgo(at: number): string {
  const minutes = Math.round((Date.now() - at) / 60_000);
  return minutes < 1 ? "less than a minute ago" : minutes === 1 ? "a minute ago" : `${minutes} minutes ago`;
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
