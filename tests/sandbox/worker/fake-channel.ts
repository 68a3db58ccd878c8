/**
 * A stand-in for a sandbox Worker (HostChannel) whose answers a test scripts: the page-side
 * logic (check runs, the preview app) is tested without a browser.
 */
import type { HostChannel } from "../../../sandbox/engines/worker/host-worker";
import type { HostMessage, PageMessage } from "../../../sandbox/engines/worker/protocol";

export class FakeChannel implements HostChannel {
  readonly ready: Promise<void>;
  readonly posted: PageMessage[] = [];
  terminated = false;
  untrustedMessages = 0;
  #listeners = new Set<(message: HostMessage) => void>();
  #crashListeners = new Set<(reason: string) => void>();

  /** `script` answers each message the page posts, by calling `emit`. */
  constructor(private readonly script: (message: PageMessage, channel: FakeChannel) => void = () => {}, ready: "ready" | "fails" | "never" = "ready") {
    this.ready = ready === "ready" ? Promise.resolve() : ready === "fails" ? Promise.reject(new Error("could not load")) : new Promise(() => {});
    this.ready.catch(() => {});
  }

  post(message: PageMessage, _transfer?: Transferable[]): void {
    this.posted.push(message);
    queueMicrotask(() => this.script(message, this));
  }

  onMessage(listener: (message: HostMessage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onCrash(listener: (reason: string) => void): () => void {
    this.#crashListeners.add(listener);
    return () => this.#crashListeners.delete(listener);
  }

  emit(...messages: HostMessage[]): void {
    if (this.terminated) return;
    for (const message of messages) for (const listener of [...this.#listeners]) listener(message);
  }

  crash(reason: string): void {
    for (const listener of [...this.#crashListeners]) listener(reason);
  }

  terminate(reason?: string): void {
    if (this.terminated) return;
    if (reason !== undefined) this.crash(reason);
    this.terminated = true;
  }
}
