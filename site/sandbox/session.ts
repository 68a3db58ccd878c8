/**
 * One lesson's sandbox, driven by the workspace: starts the engine, keeps it fed with the
 * learner's files, restarts the preview after edits, runs checks, and reports everything through
 * the engine, output, preview and report stores. Operations run one at a time, in order.
 */
import "../zod-without-eval";
import type { GradeReport } from "../../sandbox/report";
import { errorReport } from "../../sandbox/error-report";
import { engineStore, type EngineKind } from "../state/engine-store";
import { appendOutput, outputStore } from "../state/output-store";
import { previewStore } from "../state/preview-store";
import { reportStore } from "../state/report-store";
import type { FileMap } from "../state/files-store";
import type { OpenedSandbox, SandboxOpener } from "./opener";

/** Longest the site waits for a check run before calling it broken (engines stop hung checks sooner). */
const CHECK_DEADLINE_MS = 45_000;
/** Quiet time after the last edit before the preview restarts. */
const RESTART_DELAY_MS = 600;

export class WorkspaceSession {
  #opened: OpenedSandbox | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #restartTimer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;
  #files: FileMap = {};

  constructor(
    private readonly opener: SandboxOpener,
    private readonly checks: string,
  ) {}

  /** The running engine, if any (for the terminal). */
  get opened(): OpenedSandbox | null {
    return this.#opened;
  }

  /**
   * Starts (or restarts) the sandbox with `files`, on `preferred` when given.
   *
   * @example
   * await session.start(files, null);
   */
  start(files: FileMap, preferred: EngineKind | null): Promise<void> {
    this.#files = { ...files };
    return this.#enqueue(() => this.#boot(preferred));
  }

  /** Hands an edited file to the sandbox and restarts the preview shortly after edits stop. */
  write(path: string, contents: string): void {
    this.#files[path] = contents;
    void this.#enqueue(async () => {
      if (this.#opened) await this.#opened.sandbox.write(path, contents);
    }).catch((error) => this.#log(`Could not update ${path}: ${messageOf(error)}\n`));
    this.#scheduleRestart();
  }

  /** Replaces every file (reset, undo): writes them all, then restarts the preview. */
  replaceAll(files: FileMap): void {
    this.#files = { ...files };
    void this.#enqueue(async () => {
      if (this.#opened) await this.#opened.sandbox.load({ files: this.#files, checks: this.checks });
    }).catch((error) => this.#log(`Could not reload the files: ${messageOf(error)}\n`));
    this.#scheduleRestart();
  }

  /** Restarts the learner's app and reloads the preview. */
  restartPreview(): Promise<void> {
    return this.#enqueue(() => this.#startApp());
  }

  /**
   * Runs the lesson's checks on the current files. Never rejects: a broken engine or a run that
   * never ends becomes an `error` report.
   */
  check(): Promise<GradeReport> {
    reportStore.update((state) => ({ ...state, running: true }));
    const run = this.#enqueue(async () => {
      if (!this.#opened) {
        const why = engineStore.get().error ?? "It has not started yet.";
        return errorReport(`The checks cannot run because the sandbox is not running: ${why} Use “Retry” above the editor, then check again.`);
      }
      return withDeadline(this.#opened.sandbox.check(), CHECK_DEADLINE_MS);
    }).catch((error) => errorReport(`The checks could not run: ${messageOf(error)}`));
    return run.then((report) => {
      reportStore.update((state) => ({ running: false, report, runs: state.runs + 1 }));
      return report;
    });
  }

  /** Stops the engine; the session cannot be used afterwards. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    clearTimeout(this.#restartTimer);
    const opened = this.#opened;
    this.#opened = null;
    await opened?.sandbox.dispose().catch(() => undefined);
  }

  async #boot(preferred: EngineKind | null): Promise<void> {
    const previous = this.#opened;
    this.#opened = null;
    await previous?.sandbox.dispose().catch(() => undefined);
    engineStore.update((state) => ({ ...state, phase: "starting", error: null, preferred }));
    previewStore.update((state) => ({ ...state, baseUrl: null }));
    try {
      const opened = await this.opener(preferred);
      if (this.#disposed) {
        await opened.sandbox.dispose();
        return;
      }
      this.#opened = opened;
      this.#pipeOutput(opened);
      // A preview whose app stopped would show only an error page: clear it and say why.
      opened.onPreviewStopped?.((reason) => {
        if (this.#opened !== opened) return;
        this.#log(`${reason}\n`);
        previewStore.update((state) => ({ ...state, baseUrl: null }));
      });
      engineStore.update((state) => ({ ...state, kind: opened.kind, reason: opened.reason }));
      await opened.sandbox.load({ files: this.#files, checks: this.checks });
      await this.#startApp();
      engineStore.update((state) => ({ ...state, phase: "ready" }));
    } catch (error) {
      engineStore.update((state) => ({ ...state, phase: "error", error: messageOf(error) }));
    }
  }

  async #startApp(): Promise<void> {
    if (!this.#opened) return;
    try {
      const { url } = await this.#opened.sandbox.start();
      previewStore.update((state) => ({ ...state, baseUrl: url, reloads: state.reloads + 1 }));
    } catch (error) {
      // The learner's app failing to start is their code, not the engine: show it, keep going.
      this.#log(`The app did not start: ${messageOf(error)}\n`);
      previewStore.update((state) => ({ ...state, reloads: state.reloads + 1 }));
    }
  }

  #pipeOutput(opened: OpenedSandbox): void {
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
