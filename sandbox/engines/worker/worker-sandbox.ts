import { CookieJar } from "../../grader/cookie-jar";
import { OutputStream } from "../../output";
import { buildPayload, CHECKS_PATH, CONFIG_PARSERS_ASSET, PAYLOAD_DIR, safeLearnerPath } from "../../payload/index";
import type { PayloadAssets } from "../../payload/index";
import type { GradeReport } from "../../report";
import type { Sandbox, SandboxLimits, Workspace } from "../../sandbox";
import { errorReport } from "../../error-report";
import { fetchDatabaseFiles, fetchPayloadAssets, PAYLOAD_ASSET_BASE, withLessonAssets } from "../browser-assets";
import { usesDatabase } from "../uses-database";
import { runCheckInWorkers } from "./check-run";
import { HostWorker } from "./host-worker";
import type { HostChannel } from "./host-worker";
import { PreviewApp } from "./preview-app";
import { previewServiceWorkerReady, registerPreview } from "./preview-bridge";
import { DEFAULT_PREVIEW_PREFIX, textResponse } from "./preview-protocol";
import { runFiles } from "./protocol";
import type { DatabaseFiles, SerializedRequest, SerializedResponse, WorkerRole } from "./protocol";
import { RunnerFrame, runnerBundles } from "./runner-frame";

export interface WorkerSandboxOptions extends SandboxLimits {
  /** The payload's bundles; by default fetched from `assetBaseUrl`. */
  assets?: PayloadAssets;
  /** Where the site serves the bundles (default "/sandbox/"). */
  assetBaseUrl?: string;
  /** Where the site serves the runner page (default "/sandbox/runner.html", see runner-page.ts). */
  runnerUrl?: string;
  /** Where previews live; must match the Service Worker's `handlePreviewFetch` (default "/preview/"). */
  previewPrefix?: string;
  /** This sandbox's preview id (default: random). */
  previewId?: string;
  /** Longest the app may take to load for the preview (default 10 000 ms). */
  startTimeoutMs?: number;
  /** Longest one preview request may take before the app is restarted (default `timeoutMs`). */
  requestTimeoutMs?: number;
  /** Longest start() waits for the site's Service Worker to be active (default 10 000 ms). */
  serviceWorkerTimeoutMs?: number;
}

/**
 * Added to a run's time limit when the lesson's checks use the database: PGlite's start in a
 * Worker (compiling 9 MB of WebAssembly, loading the snapshot) on a slow or busy machine.
 */
const DATABASE_START_MS = 60_000;

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return [...bytes].map((byte) => byte.toString(36).padStart(2, "0")).join("");
}

/**
 * The worker engine (DESIGN.md section 3): the learner's code and the checks run in Web
 * Workers started by a sandboxed runner frame (runner-frame.ts), so they have an opaque origin
 * and a policy that allows no network and no storage. The checks and the learner's code never
 * share a Worker (the realm split, check-run.ts): each check run gets a fresh grader Worker and
 * learner Workers as the grader asks for them (one of each made ahead of time, so they are ready
 * when asked), all ended afterwards; a learner that loops forever is stopped by the grader at
 * the check's time limit, and the run by `timeoutMs` whatever happens. The preview is served
 * under `/preview/<id>/` by the site's Service Worker (see preview-sw.ts), which hands each
 * request to the app running in its own Worker; cookies for it are kept here, per preview.
 *
 * @example
 * const sandbox = createWorkerSandbox();
 * await sandbox.load({ files: { "app.ts": source }, checks });
 * const report = await sandbox.check();
 * const { url } = await sandbox.start(); // e.g. https://learn.example/preview/k3j9x2/
 */
export class WorkerSandbox implements Sandbox {
  readonly output = new OutputStream();
  /** The id in this sandbox's preview URL. */
  readonly previewId: string;
  #runner: RunnerFrame | undefined;
  /** The learner's files (the checks are kept apart: learner Workers never get them). */
  #files: Record<string, string> | undefined;
  #checks = "";
  #entry: string | undefined;
  /** PGlite's files, fetched when the lesson's checks use the database (its grader Workers get them). */
  #database: Promise<DatabaseFiles> | undefined;
  /** The config parsers' bundle, when the lesson's checks use `parse` (its grader Workers get it). */
  #configParsers: Blob | undefined;
  /** The next check run's Workers, made ahead of time. */
  #warmGrader: HostChannel | undefined;
  #warmLearner: HostChannel | undefined;
  #running: HostChannel | undefined;
  #preview: PreviewApp | undefined;
  #unregister: (() => void) | undefined;
  #jar = new CookieJar();
  #queue: Promise<unknown> = Promise.resolve();
  #disposed = false;
  readonly #limits: { timeoutMs: number; checkTimeoutMs: number; outputLimitBytes: number; startTimeoutMs: number; requestTimeoutMs: number };

  constructor(private readonly options: WorkerSandboxOptions = {}) {
    this.previewId = options.previewId ?? randomId();
    const timeoutMs = options.timeoutMs ?? 10_000;
    this.#limits = {
      timeoutMs,
      checkTimeoutMs: options.checkTimeoutMs ?? 5_000,
      outputLimitBytes: options.outputLimitBytes ?? 1_000_000,
      startTimeoutMs: options.startTimeoutMs ?? 10_000,
      requestTimeoutMs: options.requestTimeoutMs ?? timeoutMs,
    };
  }

  load(workspace: Workspace): Promise<void> {
    return this.#serial(async () => {
      const base = this.options.assetBaseUrl ?? PAYLOAD_ASSET_BASE;
      const assets = await withLessonAssets(this.options.assets ?? (await fetchPayloadAssets("worker", base)), workspace.checks, base);
      const tree = buildPayload({ files: workspace.files, checks: workspace.checks, mode: "worker", assets });
      const parsers = tree[`${PAYLOAD_DIR}/${CONFIG_PARSERS_ASSET}`];
      this.#configParsers = parsers === undefined ? undefined : new Blob([parsers as BlobPart], { type: "text/javascript" });
      this.#stopPreview();
      this.#jar = new CookieJar();
      this.#runner ??= new RunnerFrame(runnerBundles((name) => tree[`${PAYLOAD_DIR}/${name}`]!), { url: this.options.runnerUrl });
      const files = runFiles(tree);
      const previousChecks = this.#checks;
      this.#checks = files[CHECKS_PATH] ?? "";
      delete files[CHECKS_PATH];
      this.#files = files;
      this.#entry = workspace.entry;
      this.#database = usesDatabase(this.#checks) ? fetchDatabaseFiles(base) : undefined;
      this.#database?.catch(() => {});
      if (this.#checks !== previousChecks) {
        // The warm grader was made for the last lesson's checks (and its database, or none).
        this.#warmGrader?.terminate();
        this.#warmGrader = undefined;
      }
      this.#prewarm();
    });
  }

  write(path: string, contents: string): Promise<void> {
    return this.#serial(async () => {
      const files = this.#loadedFiles();
      files[safeLearnerPath(path)] = contents;
    });
  }

  check(): Promise<GradeReport> {
    return this.#serial(async () => {
      const files = { ...this.#loadedFiles() };
      const grader = this.#warmGrader ?? this.#spawn("vial grader", "grader");
      this.#warmGrader = undefined;
      // The grader got PGlite's files when they arrived (#spawn); without them it cannot grade.
      const missing = await this.#database?.then(() => undefined, (error: unknown) => (error instanceof Error ? error.message : String(error)));
      if (missing !== undefined) {
        grader.terminate();
        this.#prewarm();
        return errorReport(`The lesson's database could not start: ${missing}`);
      }
      this.#running = grader;
      const learner = () => {
        const warm = this.#warmLearner;
        this.#warmLearner = undefined;
        return warm ?? this.#spawn("vial learner", "learner");
      };
      try {
        return await runCheckInWorkers({ grader, learner }, {
          files, checks: this.#checks, entry: this.#entry, ...this.#limits,
          ...(this.#database ? { timeoutMs: this.#limits.timeoutMs + DATABASE_START_MS } : {}),
          onOutput: (text) => this.output.push(text),
        });
      } finally {
        this.#running = undefined;
        grader.terminate();
        this.#prewarm();
      }
    });
  }

  start(): Promise<{ url: string }> {
    return this.#serial(async () => {
      const files = { ...this.#loadedFiles() };
      const prefix = this.options.previewPrefix ?? DEFAULT_PREVIEW_PREFIX;
      const root = new URL(`${prefix}${this.previewId}/`, location.href).href;
      await previewServiceWorkerReady(root, this.options.serviceWorkerTimeoutMs ?? 10_000);
      // The preview's grader must hold PGlite before it loads the app (its initDb runs then).
      await this.#database?.catch((error: unknown) => {
        throw new Error(`The lesson's database could not start: ${error instanceof Error ? error.message : String(error)}`);
      });
      this.#stopPreview();
      // A lesson with a database is served as the node engine serves every lesson: by a grader
      // Worker holding PGlite, from learner realms it asks for (the learner's Worker never holds it).
      const database = this.#database !== undefined;
      const preview = new PreviewApp({
        spawn: () => this.#spawn(database ? "vial preview database" : "vial preview", database ? "grader" : "learner", this.#limits.outputLimitBytes * 10),
        ...(database ? { learner: () => this.#spawn("vial preview", "learner", this.#limits.outputLimitBytes * 10) } : {}),
        files, entry: this.#entry,
        startTimeoutMs: this.#limits.startTimeoutMs + (database ? DATABASE_START_MS : 0),
        requestTimeoutMs: this.#limits.requestTimeoutMs,
        onOutput: (text) => this.output.push(text),
      });
      await preview.start();
      this.#preview = preview;
      this.#unregister = registerPreview(this.previewId, (request) => this.#answer(request));
      return { url: root };
    });
  }

  /** Stops the preview app started by {@link start}, if any. */
  stop(): Promise<void> {
    return this.#serial(async () => this.#stopPreview());
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#running?.terminate("the sandbox was disposed");
    this.#stopPreview();
    await this.#queue.catch(() => {});
    this.#warmGrader?.terminate();
    this.#warmGrader = undefined;
    this.#warmLearner?.terminate();
    this.#warmLearner = undefined;
    this.#runner?.dispose();
    this.output.close();
  }

  /** One preview request: cookies from this preview's jar in, its Set-Cookie answers back to the jar. */
  async #answer(request: SerializedRequest): Promise<SerializedResponse> {
    const preview = this.#preview;
    if (!preview) return textResponse(503, "The app is not running. Run it again from the lesson page.");
    const headers = request.headers.filter(([name]) => name.toLowerCase() !== "cookie");
    const cookie = this.#jar.header();
    if (cookie) headers.push(["cookie", cookie]);
    const response = await preview.handle({ ...request, url: new URL(request.url, location.origin).href, headers });
    this.#jar.store(new Headers(response.headers));
    return response;
  }

  #spawn(name: string, role: WorkerRole, outputLimit = this.#limits.outputLimitBytes): HostChannel {
    if (!this.#runner) throw new Error("Call load() before using the sandbox.");
    const worker = new HostWorker(this.#runner, { outputLimit, name, role });
    // Posted before any check or serve message (those wait for the same files), so PGlite starts
    // as soon as it can; a learner Worker never gets them.
    if (role === "grader") this.#database?.then((files) => worker.post({ type: "database", files }), () => {});
    // Before the checks, which call `parse` as they load.
    if (role === "grader" && this.#configParsers) worker.post({ type: "config-parsers", module: this.#configParsers });
    return worker;
  }

  /** Starts the next check run's Workers now, so they have loaded the bundles when needed. */
  #prewarm(): void {
    if (this.#disposed || !this.#runner) return;
    if (!this.#warmGrader) {
      this.#warmGrader = this.#spawn("vial grader", "grader");
      this.#warmGrader.post({ type: "prepare", checks: this.#checks });
    }
    this.#warmLearner ??= this.#spawn("vial learner", "learner");
  }

  #stopPreview(): void {
    this.#unregister?.();
    this.#unregister = undefined;
    this.#preview?.stop();
    this.#preview = undefined;
  }

  #loadedFiles(): Record<string, string> {
    if (!this.#files) throw new Error("Call load() before using the sandbox.");
    return this.#files;
  }

  /** Runs operations one at a time, so a write never lands in the middle of a check run. */
  #serial<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#disposed) return Promise.reject(new Error("This sandbox was disposed."));
    const next = this.#queue.then(operation, operation);
    this.#queue = next.catch(() => {});
    return next;
  }
}

/**
 * Makes a worker-engine sandbox.
 *
 * @example
 * const sandbox = createWorkerSandbox({ timeoutMs: 10_000 });
 */
export function createWorkerSandbox(options: WorkerSandboxOptions = {}): WorkerSandbox {
  return new WorkerSandbox(options);
}
