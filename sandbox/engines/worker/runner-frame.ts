/**
 * The page's side of the runner page (runner-page.ts): a hidden sandboxed iframe that starts the
 * engine's Workers, so they run in an opaque origin under the runner's Content-Security-Policy
 * instead of on the site's origin. The page still owns each Worker's private port; the runner
 * only starts, ends and reports crashes of Workers.
 */
import { RUNNER_PATH } from "./runner-page";

/** The payload's bundles the runner turns into `blob:` URLs of its own origin. */
export interface RunnerBundles {
  host: Blob;
  vial: Blob;
  sucrase: Blob;
  runtime: Blob;
  zod: Blob;
}

/** One Worker started by the runner, as the page sees it. */
export interface StartedWorker {
  /** Called when the Worker's script fails (a crash, running out of memory). */
  onCrash: ((message: string) => void) | undefined;
  /** Called for every message the Worker posted on itself rather than on its private port. */
  onUntrusted: (() => void) | undefined;
  terminate(): void;
}

/** Starts sandbox Workers; the real one is {@link RunnerFrame}, tests may pass another. */
export interface WorkerStarter {
  /** Starts a Worker running the host; `port` becomes its private port. */
  start(options: { name: string; outputLimit: number; port: MessagePort }): StartedWorker;
}

type RunnerMessage =
  | { type: "vial-runner-ready" }
  | { type: "vial-runner-unconfined" }
  | { type: "crash"; id: number; message: string }
  | { type: "untrusted"; id: number };

/**
 * A hidden iframe on the runner page; Workers asked for before it loaded start once it has.
 *
 * @example
 * const runner = new RunnerFrame(bundles);
 * const worker = runner.start({ name: "vial check", outputLimit: 1e6, port: channel.port2 });
 */
export class RunnerFrame implements WorkerStarter {
  #frame: HTMLIFrameElement;
  #loaded = false;
  #queue: (() => void)[] = [];
  #workers = new Map<number, StartedWorker>();
  #nextId = 1;
  #disposed = false;
  #onMessage = (event: MessageEvent) => this.#receive(event);

  constructor(private readonly bundles: RunnerBundles, options: { url?: string; parent?: HTMLElement } = {}) {
    const frame = document.createElement("iframe");
    // No `sandbox` attribute: Chromium would then send the frame's navigation past the Service
    // Worker (no runner offline). The runner's own policy sandboxes it, and it checks it was.
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.title = "Sandbox runner";
    frame.style.display = "none";
    frame.src = options.url ?? RUNNER_PATH;
    this.#frame = frame;
    addEventListener("message", this.#onMessage);
    (options.parent ?? document.body).append(frame);
  }

  start(options: { name: string; outputLimit: number; port: MessagePort }): StartedWorker {
    const id = this.#nextId++;
    const worker: StartedWorker = {
      onCrash: undefined,
      onUntrusted: undefined,
      terminate: () => {
        if (!this.#workers.delete(id)) return;
        this.#whenLoaded(() => this.#post({ type: "terminate", id }));
      },
    };
    this.#workers.set(id, worker);
    const refusal = this.#refusal;
    if (refusal) queueMicrotask(() => worker.onCrash?.(refusal));
    else this.#whenLoaded(() => this.#post({ type: "spawn", id, name: options.name, outputLimit: options.outputLimit }, [options.port]));
    return worker;
  }

  /** Ends every Worker and removes the frame. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    removeEventListener("message", this.#onMessage);
    // Removing the frame ends its Workers too.
    this.#frame.remove();
    this.#workers.clear();
    this.#queue = [];
  }

  /**
   * The runner arrived without its policy (a server that does not send its headers, and no
   * Service Worker in control yet). Once a Service Worker controls the page it serves the runner
   * itself, so try once more then; until it works, every Worker "crashes" with the reason.
   */
  #refuse(): void {
    const container = globalThis.navigator?.serviceWorker;
    if (container && !container.controller && this.#refusal === undefined) {
      this.#refusal = "";
      container.addEventListener("controllerchange", () => this.#frame.contentWindow?.location.replace(this.#frame.src), { once: true });
      return;
    }
    this.#refusal = `the sandbox runner page (${this.#frame.src}) was served without its Content-Security-Policy, so learner code cannot be confined; the site's server must send the headers listed in site/README.md`;
    for (const worker of [...this.#workers.values()]) worker.onCrash?.(this.#refusal);
    this.#queue = [];
  }

  #whenLoaded(action: () => void): void {
    if (this.#disposed) return;
    if (this.#loaded) action();
    else this.#queue.push(action);
  }

  #post(message: unknown, transfer: Transferable[] = []): void {
    this.#frame.contentWindow?.postMessage(message, "*", transfer);
  }

  /** Why no Worker can start here (the runner came without its policy), once known. */
  #refusal: string | undefined;

  #receive(event: MessageEvent): void {
    // Only the runner document in our own frame speaks for the runner.
    if (event.source === null || event.source !== this.#frame.contentWindow) return;
    const data = event.data as RunnerMessage | null;
    if (typeof data !== "object" || data === null) return;
    if (data.type === "vial-runner-ready") {
      // A runner that loads again (it should not) has lost its Workers: their runs end now.
      if (this.#loaded) for (const worker of [...this.#workers.values()]) worker.onCrash?.("the sandbox runner reloaded");
      this.#loaded = true;
      this.#post({ type: "bundles", bundles: this.bundles });
      for (const action of this.#queue.splice(0)) action();
    } else if (data.type === "vial-runner-unconfined") {
      this.#refuse();
    } else if (data.type === "crash") {
      this.#workers.get(data.id)?.onCrash?.(String(data.message));
    } else if (data.type === "untrusted") {
      this.#workers.get(data.id)?.onUntrusted?.();
    }
  }
}

/**
 * The Blobs the runner needs, from the payload tree's bundles.
 *
 * @example
 * const bundles = runnerBundles((name) => tree[`.vial/${name}`]!);
 */
export function runnerBundles(source: (name: string) => string | Uint8Array): RunnerBundles {
  const blob = (name: string) => new Blob([source(name) as BlobPart], { type: "text/javascript" });
  return { host: blob("worker-host.mjs"), vial: blob("vial.mjs"), sucrase: blob("sucrase.mjs"), runtime: blob("runtime.mjs"), zod: blob("zod.mjs") };
}
