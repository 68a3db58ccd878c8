import { isHostMessage } from "./protocol";
import type { HostMessage, PageMessage, WorkerRole } from "./protocol";
import type { StartedWorker, WorkerStarter } from "./runner-frame";

/**
 * The page's side of one sandbox Worker: what check runs and the preview use, so tests can
 * hand them a fake.
 */
export interface HostChannel {
  /** Settles once the worker imported the payload's bundles (rejects if it cannot). */
  readonly ready: Promise<void>;
  /** Posts over the private port; `transfer` moves ports (an `attach`'s channel end) along. */
  post(message: PageMessage, transfer?: Transferable[]): void;
  /** Calls `listener` for every message from the host; returns the function that stops it. */
  onMessage(listener: (message: HostMessage) => void): () => void;
  /** Calls `listener` if the worker dies on its own (its script failed, it ran out of memory). */
  onCrash(listener: (reason: string) => void): () => void;
  /** Messages that arrived outside the private port: posted by learner code, never trusted. */
  readonly untrustedMessages: number;
  /** Ends the worker; with a reason, whoever waits on it hears it as a crash (so a run ends now). */
  terminate(reason?: string): void;
}

/**
 * A real sandbox Worker (started by the runner frame, running the payload's worker host),
 * talking over a private MessagePort. Its role is the first message on that port, so it is
 * known before the worker loads anything.
 *
 * @example
 * const grader = new HostWorker(runnerFrame, { outputLimit: 1_000_000, name: "vial grader", role: "grader" });
 * await grader.ready;
 * grader.post({ type: "check", checks, checkTimeoutMs: 5000, budgetMs: 8500 });
 */
export class HostWorker implements HostChannel {
  readonly ready: Promise<void>;
  #worker: StartedWorker;
  #port: MessagePort;
  #listeners = new Set<(message: HostMessage) => void>();
  #crashListeners = new Set<(reason: string) => void>();
  #untrusted = 0;
  #ended = false;

  constructor(starter: WorkerStarter, options: { outputLimit: number; name: string; role: WorkerRole }) {
    const channel = new MessageChannel();
    this.#port = channel.port1;
    // Queued on the port before the worker exists: the first thing its host reads.
    this.#port.postMessage({ type: "role", role: options.role } satisfies PageMessage);
    this.#port.onmessage = (event: MessageEvent) => {
      if (!isHostMessage(event.data)) return;
      for (const listener of [...this.#listeners]) listener(event.data);
    };
    this.#worker = starter.start({ name: options.name, outputLimit: options.outputLimit, port: channel.port2 });
    this.#worker.onUntrusted = () => this.#untrusted++;
    this.#worker.onCrash = (message) => this.#crash(`${message || "its script could not run"} (did the code use too much memory?)`);
    this.ready = new Promise<void>((resolve, reject) => {
      const stop = this.onMessage((message) => {
        if (message.type === "ready") resolve();
        if (message.type === "init-error") reject(new Error(`The sandbox worker could not load the payload: ${message.message}`));
        if (message.type === "ready" || message.type === "init-error") stop();
      });
      this.onCrash((reason) => reject(new Error(`The sandbox worker stopped while starting: ${reason}`)));
    });
    // A worker made ahead of time may fail before anyone waits for it; its user sees the error then.
    this.ready.catch(() => {});
  }

  get untrustedMessages(): number {
    return this.#untrusted;
  }

  post(message: PageMessage, transfer: Transferable[] = []): void {
    if (!this.#ended) this.#port.postMessage(message, transfer);
  }

  onMessage(listener: (message: HostMessage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onCrash(listener: (reason: string) => void): () => void {
    this.#crashListeners.add(listener);
    return () => this.#crashListeners.delete(listener);
  }

  terminate(reason?: string): void {
    if (this.#ended) return;
    if (reason !== undefined) this.#crash(reason);
    this.#ended = true;
    this.#worker.terminate();
    this.#port.close();
    this.#listeners.clear();
    this.#crashListeners.clear();
  }

  #crash(reason: string): void {
    if (this.#ended) return;
    for (const listener of [...this.#crashListeners]) listener(reason);
  }
}
