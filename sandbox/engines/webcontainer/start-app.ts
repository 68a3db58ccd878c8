import { NODE_HOST_PATH } from "../../payload/index";
import type { HostConfig } from "../../payload/hosts/host-config";
import type { HostEvent } from "../../payload/protocol";
import { watchHostProcess } from "./host-process";
import type { HostProcessRun } from "./host-process";
import type { WebContainerLike } from "./types";

export interface StartAppOptions {
  container: WebContainerLike;
  port: number;
  hostname: string;
  entry?: string;
  nonce: string;
  env: Record<string, string>;
  startTimeoutMs: number;
  outputLimitBytes: number;
  onOutput(text: string): void;
}

type Started = { url: string } | { error: string };

function describe(event: HostEvent): string | undefined {
  if (event.type === "serve-error") return `Your app could not start: ${event.message}`;
  if (event.type === "exit") return `Your code called process.exit(${event.code})${event.at ? ` at ${event.at}` : ""} while starting.`;
  return undefined;
}

/**
 * Runs the learner's app in the container (`node .vial/grader-host.mjs` in serve mode) and
 * resolves with the URL the container gives its port (the `server-ready` or `port` event),
 * which the preview iframe loads. Rejects with the reason, in learner words, when the app does
 * not load or does not listen in time.
 *
 * @example
 * const { url, run } = await startAppProcess({ container, port: 3000, hostname: "127.0.0.1", nonce, env: {}, startTimeoutMs: 15_000, outputLimitBytes: 1e7, onOutput });
 * iframe.src = url;
 */
export async function startAppProcess(options: StartAppOptions): Promise<{ url: string; run: HostProcessRun }> {
  const { container, port } = options;
  let settle: (started: Started) => void = () => {};
  const started = new Promise<Started>((resolve) => (settle = resolve));
  const unsubscribe = [
    container.on("server-ready", (readyPort, url) => readyPort === port && settle({ url })),
    container.on("port", (openPort, type, url) => openPort === port && type === "open" && settle({ url })),
  ];
  const config: HostConfig = { nonce: options.nonce, mode: "serve", entry: options.entry, port, hostname: options.hostname };
  let run: HostProcessRun | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const child = await container.spawn("node", [NODE_HOST_PATH], { env: { VIAL_HOST_CONFIG: JSON.stringify(config), ...options.env } });
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
      const output = outcome.tail ? `\n\nOutput:\n${outcome.tail.slice(-2000)}` : "";
      settle({ error: `Your app stopped while starting (exit code ${outcome.code ?? "unknown"}).${output}` });
    });
    timer = setTimeout(() => settle({
      error: `Your app did not start within ${options.startTimeoutMs / 1000} s. Is there a loop that never ends at the top level of a file?`,
    }), options.startTimeoutMs);
    const result = await started;
    if ("url" in result) return { url: result.url, run };
    run.stop();
    throw new Error(result.error);
  } finally {
    clearTimeout(timer);
    for (const stop of unsubscribe) stop();
  }
}
