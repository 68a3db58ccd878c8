import type { HostEvent } from "../../payload/protocol";
import { freePort } from "./free-port";
import type { DatabaseSource } from "../../payload/hosts/host-config";
import { runHost } from "./run-host";
import type { HostRun } from "./run-host";

export interface PreviewOptions {
  dir: string;
  entry?: string;
  memoryMb: number;
  database?: DatabaseSource;
  outputLimitBytes: number;
  startTimeoutMs: number;
  onOutput(text: string): void;
}

/**
 * Serves the learner's app with vial/node's `serve` on a free 127.0.0.1 port, and resolves
 * with its URL once it answers. Rejects, with the reason in learner words, when the app fails
 * to load or start in time.
 *
 * @example
 * const preview = await startPreview({ dir, memoryMb: 256, outputLimitBytes: 1e6, startTimeoutMs: 10_000, onOutput });
 * await fetch(preview.url);
 * preview.run.stop();
 */
export async function startPreview(options: PreviewOptions): Promise<{ url: string; run: HostRun }> {
  const port = await freePort();
  let settle: ((event: HostEvent) => void) | undefined;
  const announced = new Promise<HostEvent>((resolve) => (settle = resolve));
  const run = runHost({
    dir: options.dir,
    config: { mode: "serve", entry: options.entry, port, hostname: "127.0.0.1" },
    // The browser reaches the grader host, which listens; the learner process needs no network.
    memoryMb: options.memoryMb,
    ...(options.database ? { database: options.database } : {}),
    // A server logs for as long as it runs; the limit guards against a runaway loop of logs.
    outputLimitBytes: options.outputLimitBytes * 10,
    onOutput: options.onOutput,
    onEvent: (event) => (event.type === "ready" || event.type === "serve-error" || event.type === "exit") && settle?.(event),
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), options.startTimeoutMs)));
  const result = await Promise.race([announced, run.outcome, timeout]);
  clearTimeout(timer);
  if (typeof result === "object" && "type" in result && result.type === "ready") return { url: result.url, run };
  run.stop();
  if (result === "timeout") throw new Error(`Your app did not start within ${options.startTimeoutMs / 1000} s. Is there a loop that never ends at the top level of a file?`);
  if ("type" in result && result.type === "serve-error") throw new Error(`Your app could not start: ${result.message}`);
  if ("type" in result && result.type === "exit") throw new Error(`Your code called process.exit(${result.code})${result.at ? ` at ${result.at}` : ""} while starting.`);
  const outcome = await run.outcome;
  throw new Error(`Your app stopped while starting (exit code ${outcome.code ?? outcome.signal}).${outcome.tail ? `\n\nOutput:\n${outcome.tail.slice(-2000)}` : ""}`);
}
