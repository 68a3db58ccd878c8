import { NODE_HOST_PATH } from "../../payload/index";
import type { HostConfig } from "../../payload/hosts/host-config";
import type { HostEvent } from "../../payload/protocol";
import { watchHostProcess } from "./host-process";
import type { HostProcessRun } from "./host-process";
import type { ProcessLike, WebContainerLike } from "./types";

export interface StartAppOptions {
  container: WebContainerLike;
  port: number;
  hostname: string;
  entry?: string;
  nonce: string;
  env: Record<string, string>;
  /** The folder the payload is mounted in, relative to the workdir. */
  cwd?: string;
  /** The grader host's launch arguments (how it starts the learner's process). */
  hostArgs?: string[];
  startTimeoutMs: number;
  outputLimitBytes: number;
  onOutput(text: string): void;
  /** Called once if the app stops serving after it started: it ended, or its port closed. */
  onStopped?(reason: string): void;
}

/** The app did not start; `process` is the one that was spawned, which may still be running. */
export class AppStartFailure extends Error {
  override name = "AppStartFailure";
  constructor(message: string, readonly process?: ProcessLike) {
    super(message);
  }
}

type Started = { url: string } | { error: string };

/** How long after its port closed a process may take to end, to count as having ended. */
const EXIT_AFTER_CLOSE_MS = 1000;

function describe(event: HostEvent): string | undefined {
  if (event.type === "serve-error") return `Your app could not start: ${event.message}`;
  if (event.type === "exit") return `Your code called process.exit(${event.code})${event.at ? ` at ${event.at}` : ""} while starting.`;
  return undefined;
}

function withOutput(message: string, tail: string): string {
  return tail ? `${message}\n\nOutput:\n${tail.slice(-2000)}` : message;
}

/**
 * Runs the learner's app in the container (`node .vial/grader-host.mjs` in serve mode) and
 * resolves with the URL the container gives its port (the `server-ready` or `port` event),
 * which the preview iframe loads. Rejects with an {@link AppStartFailure} giving the reason, in
 * learner words, when the app does not load or does not listen in time. After the start,
 * `onStopped` says when the app stops serving: its process ended, or the container reported its
 * port closed (a preview left on a closed port shows nothing but an error page).
 *
 * @example
 * const { url, run } = await startAppProcess({ container, port: 3000, hostname: "0.0.0.0", nonce, env: {}, startTimeoutMs: 15_000, outputLimitBytes: 1e7, onOutput });
 * iframe.src = url;
 */
export async function startAppProcess(options: StartAppOptions): Promise<{ url: string; run: HostProcessRun; process: ProcessLike }> {
  const { container, port } = options;
  let settle: (started: Started) => void = () => {};
  const started = new Promise<Started>((resolve) => (settle = resolve));
  let serving = false;
  let stoppedOnce = false;
  const stopped = (reason: string) => {
    if (!serving || stoppedOnce) return;
    stoppedOnce = true;
    options.onStopped?.(reason);
  };
  const unsubscribe = [
    container.on("server-ready", (readyPort, url) => readyPort === port && settle({ url })),
    container.on("port", (openPort, type, url) => {
      if (openPort !== port) return;
      if (type === "open") settle({ url });
      else void closedWithoutExit().then((closed) => closed && stopped("Your app stopped listening, so the preview has nothing to show. Reload the preview to start it again."));
    }),
  ];
  let run: HostProcessRun | undefined;
  /** A port closes just before its process ends: the ending, with the output, says more. */
  const closedWithoutExit = () => Promise.race([
    run ? run.outcome.then(() => false) : Promise.resolve(true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), EXIT_AFTER_CLOSE_MS)),
  ]);
  const config: HostConfig = { nonce: options.nonce, mode: "serve", entry: options.entry, port, hostname: options.hostname };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let child: ProcessLike | undefined;
  try {
    child = await container.spawn("node", [NODE_HOST_PATH, ...(options.hostArgs ?? [])], {
      cwd: options.cwd, env: { VIAL_HOST_CONFIG: JSON.stringify(config), ...options.env },
    });
    run = watchHostProcess(child, {
      nonce: options.nonce,
      outputLimitBytes: options.outputLimitBytes,
      onOutput: options.onOutput,
      onEvent: (event) => {
        const problem = describe(event);
        if (problem) settle({ error: problem });
      },
    });
    void run.outcome.then((outcome) => {
      const how = `exit code ${outcome.code ?? "unknown"}`;
      settle({ error: withOutput(`Your app stopped while starting (${how}).`, outcome.tail) });
      stopped(withOutput(`Your app stopped (${how}), so the preview has nothing to show. Reload the preview to start it again.`, outcome.tail));
      for (const stop of unsubscribe) stop();
    });
    timer = setTimeout(() => settle({
      error: `Your app did not start within ${options.startTimeoutMs / 1000} s. Is there a loop that never ends at the top level of a file?`,
    }), options.startTimeoutMs);
    const result = await started;
    if ("error" in result) {
      run.stop();
      throw new AppStartFailure(result.error, child);
    }
    serving = true;
    return { url: result.url, run, process: child };
  } catch (error) {
    for (const stop of unsubscribe) stop();
    throw error instanceof AppStartFailure ? error : new AppStartFailure(error instanceof Error ? error.message : String(error), child);
  } finally {
    clearTimeout(timer);
  }
}
