import type { HostChannel } from "./host-worker";
import { textResponse } from "./preview-protocol";
import type { SerializedRequest, SerializedResponse } from "./protocol";

export interface PreviewAppOptions {
  /** Makes a fresh sandbox Worker (for the first start and after the app was stopped). */
  spawn(): HostChannel;
  /**
   * For a lesson with a database, `spawn` makes a grader Worker (it holds PGlite and serves the
   * app from learner realms, sandbox/README.md) and this makes each learner Worker it asks for.
   */
  learner?(): HostChannel;
  files: Record<string, string>;
  entry?: string;
  startTimeoutMs: number;
  /** Longest one request may take before the app is stopped (it restarts on the next request). */
  requestTimeoutMs: number;
  onOutput(text: string): void;
}

interface Pending {
  resolve(response: SerializedResponse): void;
  timer: ReturnType<typeof setTimeout>;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/**
 * The learner's app running in its own Worker for the preview. A request that hangs (an
 * infinite loop in a handler) ends the Worker and answers 504; the next request starts the app
 * again from the same files, like a dev server restarting.
 *
 * @example
 * const app = new PreviewApp({ spawn, files, startTimeoutMs: 10_000, requestTimeoutMs: 10_000, onOutput });
 * await app.start();
 * const response = await app.handle({ method: "GET", url: "http://x.test/", headers: [] });
 */
export class PreviewApp {
  #worker: HostChannel | undefined;
  /** The learner realms a grader Worker asked for (database lessons), by the grader's number. */
  #learners = new Map<number, HostChannel>();
  #starting: Promise<void> | undefined;
  #pending = new Map<number, Pending>();
  #nextId = 1;
  #stopped = false;
  /** Why the app was stopped, told to the next request if restarting fails too. */
  #stopReason = "";

  constructor(private readonly options: PreviewAppOptions) {}

  /** Starts the app; rejects with the reason (file:line for code that does not load). */
  start(): Promise<void> {
    this.#starting ??= this.#start().finally(() => (this.#starting = undefined));
    return this.#starting;
  }

  /** Answers one request (never rejects: failures are 5xx responses in words). */
  async handle(request: SerializedRequest): Promise<SerializedResponse> {
    if (this.#stopped) return textResponse(503, "The app was stopped. Run it again from the lesson page.");
    if (!this.#worker) {
      try {
        await this.start();
      } catch (error) {
        return textResponse(500, `${this.#stopReason}Your app could not start again: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const worker = this.#worker!;
    const id = this.#nextId++;
    return new Promise<SerializedResponse>((resolve) => {
      const timer = setTimeout(() => {
        this.#kill(`The app did not answer ${request.method} ${new URL(request.url).pathname} within ${seconds(this.options.requestTimeoutMs)}, so it was stopped; it starts again with the next request. Is there a loop that never ends in that handler?`, 504);
      }, this.options.requestTimeoutMs);
      this.#pending.set(id, { resolve, timer });
      worker.post({ type: "request", id, request });
    });
  }

  /** Ends the app for good. */
  stop(): void {
    this.#stopped = true;
    this.#kill("The app was stopped.", 503);
  }

  async #start(): Promise<void> {
    this.#kill("The app restarted.", 503);
    const worker = this.options.spawn();
    this.#worker = worker;
    worker.onMessage((message) => {
      if (message.type === "output") this.options.onOutput(message.text);
      else if (message.type === "output-exceeded") this.#kill("The app printed too much output, so it was stopped; it starts again with the next request. Is there a console.log inside a loop?", 500);
      else if (message.type === "event" && message.event.type === "exit") {
        this.#kill(`The app called process.exit(${message.event.code})${message.event.at ? ` at ${message.event.at}` : ""}, so it stopped; it starts again with the next request.`, 500);
      } else if (message.type === "learner-start") this.#startLearner(worker, message.learner, message.port);
      else if (message.type === "learner-kill") this.#learners.get(message.learner)?.terminate();
      else if (message.type === "response") this.#settle(message.id, message.response);
      else if (message.type === "response-error") this.#settle(message.id, textResponse(500, `Your app failed while answering: ${message.message}`));
    });
    worker.onCrash((reason) => this.#worker === worker && this.#kill(`The app's worker stopped: ${reason}.`, 500));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const outcome = await Promise.race([
      worker.ready.then(() => {
        const served = new Promise<{ error?: string }>((resolve) => {
          const stop = worker.onMessage((message) => {
            if (message.type === "serving") resolve({});
            else if (message.type === "serve-error") resolve({ error: `Your app could not start: ${message.message}` });
            else if (message.type === "event" && message.event.type === "exit") {
              resolve({ error: `Your code called process.exit(${message.event.code})${message.event.at ? ` at ${message.event.at}` : ""} while starting.` });
            } else return;
            stop();
          });
        });
        worker.post({ type: "serve", files: this.options.files, entry: this.options.entry });
        return served;
      }, (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) })),
      new Promise<{ error: string }>((resolve) => {
        timer = setTimeout(() => resolve({ error: `Your app did not start within ${seconds(this.options.startTimeoutMs)}. Is there a loop that never ends at the top level of a file?` }), this.options.startTimeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    if (outcome.error !== undefined) {
      if (this.#worker === worker) this.#kill("", 503);
      throw new Error(outcome.error);
    }
    this.#stopReason = "";
  }

  /** A learner realm for the preview's grader: its output is shown, its end of the channel goes to it. */
  #startLearner(grader: HostChannel, id: number, port: MessagePort): void {
    if (this.#worker !== grader || !this.options.learner) return port.close();
    const learner = this.options.learner();
    this.#learners.set(id, learner);
    learner.onMessage((message) => {
      if (message.type === "output") this.options.onOutput(message.text);
      else if (message.type === "output-exceeded") this.#kill("The app printed too much output, so it was stopped; it starts again with the next request. Is there a console.log inside a loop?", 500);
      else if (message.type === "event" && message.event.type === "exit") {
        this.#kill(`The app called process.exit(${message.event.code})${message.event.at ? ` at ${message.event.at}` : ""}, so it stopped; it starts again with the next request.`, 500);
      }
    });
    learner.onCrash((reason) => this.#worker === grader && this.#kill(`The app's worker stopped: ${reason}.`, 500));
    learner.post({ type: "attach", files: this.options.files, port }, [port]);
  }

  #settle(id: number, response: SerializedResponse): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#pending.delete(id);
    pending.resolve(response);
  }

  /** Ends the Worker; every request still waiting gets `message`. */
  #kill(message: string, status: number): void {
    const worker = this.#worker;
    this.#worker = undefined;
    worker?.terminate();
    for (const learner of this.#learners.values()) learner.terminate();
    this.#learners.clear();
    if (message) this.#stopReason = message + "\n\n";
    for (const id of [...this.#pending.keys()]) this.#settle(id, textResponse(status, message));
  }
}
