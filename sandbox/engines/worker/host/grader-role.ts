/**
 * The grader's worker: the lesson's checks, the grader API and the report live here, and no
 * learner code ever runs here. The learner's modules are proxies over channels to learner
 * realms in other workers (learner-ports.ts), so whatever learner code patches, posts or kills
 * in its own worker, this worker's intrinsics, timers and report stay as they are. The page
 * reads the report from this worker's private port only.
 */
import { lazyDatabase, type SandboxDatabase } from "../../../payload/grader-side/database";
import type { RemoteApp } from "../../../payload/grader-side/remote-app";
import type { Transform } from "../../../payload/runtime/module-loader";
import type { HostEvent } from "../../../payload/protocol";
import type { PageMessage, SerializedRequest } from "../protocol";
import { formatLog } from "../../../payload/runtime/format-log";
import { openWorkerDatabase } from "./worker-database";
import { learnerPorts } from "./learner-ports";
import type { HostScope, LoadedBundles } from "./loaded-bundles";
import { importsModule } from "./loaded-bundles";
import type { ConfigParsers } from "../../../grader/config-files";
import { vialModules } from "../../../payload/vial-modules";

/**
 * Sucrase's transform, remembering its last results: the grader compiles checks.ts once to find
 * its imports and again to run it.
 */
function memoizeTransform(transform: Transform): Transform {
  const results = new Map<string, { code: string }>();
  return (code, options) => {
    const key = JSON.stringify([options.filePath, options.transforms, options.production, options.disableESTransforms]) + code;
    const known = results.get(key);
    if (known) return known;
    const result = transform(code, options);
    if (results.size > 16) results.clear();
    results.set(key, { code: result.code });
    return result;
  };
}

/** Imports a module the page handed over as a Blob, from a blob: URL made here (this Worker has no network). */
async function importBlob(module: Blob): Promise<unknown> {
  const url = URL.createObjectURL(module);
  try {
    return await import(/* @vite-ignore */ url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Longest the learner's app may take to load for the preview (the page has its own limit too). */
const SERVE_LOAD_TIMEOUT_MS = 30_000;

/**
 * Starts answering the page as the grader: one `check` per worker, or (for a lesson with a
 * database) the preview: the app loaded in a learner realm, its `initDb` run, requests proxied.
 *
 * @example
 * runGraderRole(scope, loaded);
 */
export function runGraderRole(scope: HostScope, loaded: LoadedBundles): void {
  const { post, sink } = scope;
  const learners = learnerPorts(post, loaded.runtime.parseLearnerMessage);
  const transform = memoizeTransform(loaded.transform);
  let running = false;
  const event = (payload: HostEvent) => {
    sink.flush();
    post({ type: "event", event: payload });
  };
  let zod: Promise<unknown> | undefined;
  /** The lesson's database, when the page handed over PGlite's files. */
  let database: (() => Promise<SandboxDatabase>) | undefined;
  let served: Promise<RemoteApp> | undefined;
  /** The grader's `parse`, when the page handed over the config parsers' bundle. */
  let parsers: Promise<ConfigParsers> | undefined;
  const needZod = (checks: string) => (importsModule([checks], "zod") ? (zod ??= import(loaded.zodUrl)) : undefined);
  scope.onPageMessage((message: PageMessage) => {
    if (message.type === "learner-gone") learners.gone(message.learner, message.reason);
    else if (message.type === "database" && !database) {
      database = lazyDatabase(() => openWorkerDatabase(message.files));
      database().catch(() => {});
    }
    else if (message.type === "config-parsers" && !parsers) {
      parsers = importBlob(message.module).then((module) => (module as { parse: ConfigParsers }).parse);
      parsers.catch(() => {});
    }
    else if (message.type === "serve" && !served && !running) {
      running = true;
      served = loaded.runtime.loadRemoteApp({ startLearner: learners.start, entry: message.entry, loadTimeoutMs: SERVE_LOAD_TIMEOUT_MS, ...(database ? { database } : {}) });
      // A learner realm that ends is seen by the page (it started it), which restarts the preview.
      served.then(() => post({ type: "serving" }), (error: unknown) => post({ type: "serve-error", message: error instanceof Error ? error.message : String(error) }));
    }
    else if (message.type === "request" && served) void answer(served, message.id, message.request);
    else if (message.type === "prepare") {
      // The checks do not change between edits: compiled now, the run finds them in the memo.
      try {
        transform(message.checks, { transforms: ["typescript", "imports"], filePath: "checks.ts", production: true, disableESTransforms: true });
      } catch {
        // A compile error is reported by the run itself, with a code frame.
      }
      needZod(message.checks)?.catch(() => {});
    }
    else if (message.type === "check" && !running) {
      running = true;
      void check(message);
    }
  });

  async function answer(remote: Promise<RemoteApp>, id: number, request: SerializedRequest): Promise<void> {
    try {
      const { app } = await remote;
      const hasBody = request.body !== undefined && request.method !== "GET" && request.method !== "HEAD";
      const response = await app.fetch(new Request(request.url, { method: request.method, headers: request.headers, ...(hasBody ? { body: request.body } : {}) }));
      const body = await response.arrayBuffer();
      post({ type: "response", id, response: { status: response.status, statusText: response.statusText, headers: [...response.headers], body } }, [body]);
    } catch (error) {
      post({ type: "response-error", id, message: error instanceof Error ? `${error.name}: ${error.message}` : formatLog([error]) });
    }
  }

  async function check(run: Extract<PageMessage, { type: "check" }>): Promise<void> {
    let report: unknown;
    try {
      const [zod, configParsers] = await Promise.all([needZod(run.checks), parsers]);
      report = await loaded.runtime.runGrader({
        host: {
          readFile: (path) => (path === loaded.runtime.CHECKS_PATH ? run.checks : undefined),
          modules: { ...vialModules(loaded.vial), ...(zod ? { zod } : {}) },
          transform,
          startLearner: learners.start,
          ...(database ? { database } : {}),
          ...(configParsers ? { parsers: configParsers } : {}),
        },
        entry: run.entry,
        checkTimeoutMs: run.checkTimeoutMs,
        budgetMs: run.budgetMs,
        events: {
          plan: (checks) => event({ type: "plan", checks }),
          checkStart: (name) => event({ type: "check-start", name }),
          checkEnd: (result) => event({ type: "check-end", result }),
        },
      });
    } catch (error) {
      // runGrader itself never throws; this is the sandbox failing (e.g. zod's bundle not loading).
      report = { status: "error", durationMs: 0, message: `The sandbox could not run the checks: ${error instanceof Error ? error.message : String(error)}`, checks: [] };
    }
    learners.killAll();
    sink.flush();
    post({ type: "report", report });
  }
}
