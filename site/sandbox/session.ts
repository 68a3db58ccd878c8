/**
 * One lesson's sandbox, driven by the workspace: starts the worker engine at once, boots a
 * WebContainer in the background when wanted and hands it the workspace when it runs, keeps the
 * engine fed with the learner's files, restarts the preview after edits, runs checks, and reports
 * everything through the engine, output, preview and report stores. Operations run one at a
 * time, in order.
 */
import "../zod-without-eval";
import type { GradeReport } from "../../sandbox/report";
import { errorReport } from "../../sandbox/error-report";
import { engineStore, type EngineKind } from "../state/engine-store";
import { appendOutput, outputStore } from "../state/output-store";
import { previewStore } from "../state/preview-store";
import { reportStore } from "../state/report-store";
import type { FileMap } from "../state/files-store";
import type { OpenedSandbox, SessionEngines } from "./opener";

/** Longest the site waits for a check run before calling it broken (engines stop hung checks sooner). */
const CHECK_DEADLINE_MS = 45_000;
/** Quiet time after the last edit before the preview restarts. */
const RESTART_DELAY_MS = 600;

/** Words for the learner about what a check waits for. */
const ENGINE_NAME: Record<EngineKind, string> = { webcontainer: "WebContainer", worker: "Web Worker" };

export interface SessionOptions {
  /** The lesson needs a real terminal, which only WebContainers have: boot one even unasked. */
  needsTerminal?: boolean;
}

export class WorkspaceSession {
  #opened: OpenedSandbox | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #restartTimer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;
  #files: FileMap = {};
  /** Bumped whenever a WebContainer boot under way stops being wanted. */
  #upgradeToken = 0;
  #starting: EngineKind | null = null;

  constructor(
    private readonly engines: SessionEngines,
    private readonly checks: string,
    private readonly options: SessionOptions = {},
  ) {}

  /** The running engine, if any (for the terminal). */
  get opened(): OpenedSandbox | null {
    return this.#opened;
  }

  /**
   * Starts the sandbox with `files` on the worker engine, which is ready in a moment, and, when
   * the learner prefers WebContainers (or the lesson needs a terminal), boots one in the
   * background to take over once it is ready.
   *
   * @example
   * await session.start(files, readEnginePreference(localStorage));
   */
  start(files: FileMap, preferred: EngineKind | null): Promise<void> {
    this.#files = { ...files };
    // Starting from the call, so a check pressed at once knows it waits.
    if (!this.#opened) engineStore.update((state) => ({ ...state, phase: "starting", error: null }));
    engineStore.update((state) => ({ ...state, preferred, upgrade: { status: "none" } }));
    const started = this.#enqueue(() => this.#switchTo("worker"));
    if (this.#wantsWebContainer(preferred)) void this.#upgrade(false);
    return started;
  }

  /**
   * The learner's choice of engine, which can always be changed back: "worker" moves the files
   * to a worker engine at once (and forgets a WebContainer still booting); "webcontainer" boots
   * one (again, even after a failure) while the worker engine keeps running.
   */
  choose(kind: EngineKind): Promise<void> {
    engineStore.update((state) => ({ ...state, preferred: kind }));
    if (kind === "webcontainer") return this.#opened?.kind === "webcontainer" ? Promise.resolve() : this.#upgrade(true);
    this.#upgradeToken++;
    engineStore.update((state) => ({ ...state, upgrade: { status: "none" } }));
    return this.#enqueue(() => this.#switchTo("worker")).catch((error) => this.#log(`Could not move to the worker engine: ${messageOf(error)}\n`));
  }

  /** Starts the worker engine again after it failed to start. */
  retry(): Promise<void> {
    return this.#enqueue(() => this.#switchTo("worker"));
  }

  /** Hands an edited file to the sandbox and restarts the preview shortly after edits stop. */
  write(path: string, contents: string): void {
    this.#files[path] = contents;
    void this.#enqueue(async () => {
      if (this.#opened) await this.#opened.sandbox.write(path, contents);
    }).catch((error) => this.#log(`Could not update ${path}: ${messageOf(error)}\n`));
    this.#scheduleRestart();
  }

  /** Replaces every file (reset, undo, solve): writes them all, then restarts the preview. */
  replaceAll(files: FileMap): void {
    this.#files = { ...files };
    void this.#enqueue(async () => {
      if (this.#opened) await this.#opened.sandbox.load({ files: this.#files, checks: this.checks });
    }).catch((error) => this.#log(`Could not reload the files: ${messageOf(error)}\n`));
    this.#scheduleRestart();
  }

  /** Restarts the learner's app and reloads the preview. */
  restartPreview(): Promise<void> {
    return this.#enqueue(() => this.#startApp(this.#opened));
  }

  /**
   * Runs the lesson's checks on the current files, as soon as an engine is ready when none is
   * yet (the report store says what the run waits for meanwhile). Never rejects: a broken engine
   * or a run that never ends becomes an `error` report.
   */
  check(): Promise<GradeReport> {
    const engine = engineStore.get();
    const waitingFor = engine.phase !== "starting" && engine.phase !== "idle" ? null : `the ${ENGINE_NAME[this.#starting ?? "worker"]} engine to start`;
    reportStore.update((state) => ({ ...state, running: true, waitingFor }));
    const run = this.#enqueue(async () => {
      reportStore.update((state) => ({ ...state, waitingFor: null }));
      if (!this.#opened) {
        const why = engineStore.get().error ?? "It has not started yet.";
        return errorReport(`The checks cannot run because the sandbox is not running: ${why} Use “Retry” above the editor, then check again.`);
      }
      return withDeadline(this.#opened.sandbox.check(), CHECK_DEADLINE_MS);
    }).catch((error) => errorReport(`The checks could not run: ${messageOf(error)}`));
    return run.then((report) => {
      reportStore.update((state) => ({ running: false, waitingFor: null, report, runs: state.runs + 1 }));
      return report;
    });
  }

  /** Stops the engine; the session cannot be used afterwards. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    this.#upgradeToken++;
    clearTimeout(this.#restartTimer);
    const opened = this.#opened;
    this.#opened = null;
    await opened?.sandbox.dispose().catch(() => undefined);
  }

  #wantsWebContainer(preferred: EngineKind | null): boolean {
    return preferred === "webcontainer" || (preferred === null && this.options.needsTerminal === true);
  }

  /**
   * Opens `kind` (or takes `ready`, already open), hands it the files, starts the app, and only
   * then retires the engine it replaces, so checks and the preview never lack one. When an engine
   * was running already, a failure leaves it running and rejects.
   */
  async #switchTo(kind: EngineKind, ready?: OpenedSandbox): Promise<void> {
    if (this.#disposed || (!ready && this.#opened?.kind === kind)) return;
    const fresh = !this.#opened;
    this.#starting = kind;
    if (fresh && engineStore.get().phase !== "starting") engineStore.update((state) => ({ ...state, phase: "starting", error: null }));
    let opened: OpenedSandbox | null = ready ?? null;
    try {
      opened ??= await this.engines.open(kind);
      if (this.#disposed) {
        await opened.sandbox.dispose();
        return;
      }
      await opened.sandbox.load({ files: this.#files, checks: this.checks });
      const previous = this.#opened;
      this.#opened = opened;
      this.#listen(opened);
      await this.#startApp(opened);
      engineStore.update((state) => ({ ...state, phase: "ready", kind: opened!.kind, reason: opened!.reason, error: null }));
      await previous?.sandbox.dispose().catch(() => undefined);
    } catch (error) {
      if (opened && opened !== this.#opened) await opened.sandbox.dispose().catch(() => undefined);
      if (!fresh) throw error;
      engineStore.update((state) => ({ ...state, phase: "error", error: messageOf(error) }));
    } finally {
      this.#starting = null;
    }
  }

  /** Boots a WebContainer in the background and, once it runs, moves the workspace onto it. */
  async #upgrade(explicit: boolean): Promise<void> {
    const token = ++this.#upgradeToken;
    const current = () => token === this.#upgradeToken && !this.#disposed;
    const blocked = await this.engines.webContainerBlocked(explicit);
    if (!current()) return;
    if (blocked) {
      engineStore.update((state) => ({ ...state, upgrade: { status: "unavailable", reason: blocked } }));
      return;
    }
    engineStore.update((state) => ({ ...state, upgrade: { status: "booting", since: Date.now(), timeoutMs: this.engines.webContainerTimeoutMs } }));
    let opened: OpenedSandbox;
    try {
      opened = await this.engines.open("webcontainer");
    } catch (error) {
      const reason = messageOf(error);
      if (!this.#disposed) this.engines.webContainerFailed(reason);
      if (current()) engineStore.update((state) => ({ ...state, upgrade: { status: "unavailable", reason } }));
      return;
    }
    if (!current()) {
      await opened.sandbox.dispose().catch(() => undefined);
      return;
    }
    try {
      await this.#enqueue(async () => {
        if (!current()) throw new Error("no longer wanted");
        await this.#switchTo("webcontainer", opened);
      });
      if (current()) engineStore.update((state) => ({ ...state, upgrade: { status: "none" } }));
    } catch (error) {
      await opened.sandbox.dispose().catch(() => undefined);
      if (current()) engineStore.update((state) => ({ ...state, upgrade: { status: "unavailable", reason: `WebContainers could not take over (${messageOf(error)}).` } }));
    }
  }

  async #startApp(opened: OpenedSandbox | null): Promise<void> {
    if (!opened || opened !== this.#opened) return;
    try {
      const { url } = await opened.sandbox.start();
      previewStore.update((state) => ({ ...state, baseUrl: url, reloads: state.reloads + 1 }));
    } catch (error) {
      // The learner's app failing to start is their code, not the engine: show it, keep going.
      this.#log(`The app did not start: ${messageOf(error)}\n`);
      previewStore.update((state) => ({ ...state, reloads: state.reloads + 1 }));
    }
  }

  #listen(opened: OpenedSandbox): void {
    void (async () => {
      try {
        for await (const chunk of opened.sandbox.output) {
          if (this.#opened !== opened) break;
          this.#log(chunk);
        }
      } catch {
        // The stream ends with the sandbox; nothing to report.
      }
    })();
    // A preview whose app stopped would show only an error page: clear it and say why.
    opened.onPreviewStopped?.((reason) => {
      if (this.#opened !== opened) return;
      this.#log(`${reason}\n`);
      previewStore.update((state) => ({ ...state, baseUrl: null }));
    });
  }

  #scheduleRestart(): void {
    clearTimeout(this.#restartTimer);
    this.#restartTimer = setTimeout(() => void this.restartPreview(), RESTART_DELAY_MS);
  }

  #log(text: string): void {
    outputStore.update((current) => appendOutput(current, text));
  }

  #enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(operation);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

function withDeadline(promise: Promise<GradeReport>, ms: number): Promise<GradeReport> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<GradeReport>((resolve) => {
    timer = setTimeout(() => resolve(errorReport(`The checks did not finish within ${ms / 1000} s. Does your code loop forever?`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** The message of an error, or the thing thrown in words. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
