/**
 * Messages between the page and the worker engine's sandbox Web Workers (the payload's
 * `worker-host.mjs`).
 *
 * The runner frame (runner-page.ts) starts each worker and sends it one {@link InitMessage} on
 * the worker itself with the page's private MessagePort; everything after that goes between the
 * page and the worker over that port, starting with the page's {@link RoleMessage}. A message
 * the code posts with `self.postMessage` arrives on the worker object instead, where the page
 * ignores it.
 *
 * A check run uses two kinds of worker (sandbox/README.md, "The realm split"):
 *
 * - the **grader** (role "grader"): runs the lesson's checks and makes the report. No learner
 *   code ever runs in it; the page trusts its report, and only its report.
 * - **learner realms** (role "learner"): each loads the learner's files and answers the grader
 *   over a MessageChannel of its own (payload/realm/messages.ts). The grader asks the page for
 *   one with `learner-start`, handing over the learner's end of a channel it made; the page
 *   passes that end on to a learner worker (`attach`) and keeps nothing. The grader's end never
 *   leaves the grader. The page reads only output from a learner worker.
 *
 * The preview's app runs in a learner worker too, served over the private port (`serve`).
 */
import type { HostEvent } from "../../payload/protocol";

/** Where the worker imports the payload's bundles from (the runner's blob: URLs of the payload's bundles). */
export interface HostModuleUrls {
  vial: string;
  sucrase: string;
  runtime: string;
  zod: string;
}

/**
 * PGlite's files for a lesson whose checks use the database (scripts/build-pglite-assets.mjs),
 * fetched by the page and handed to the grader, which has no network.
 */
export interface DatabaseFiles {
  /** pglite.mjs: PGlite's code. */
  module: Blob;
  pgliteWasm: Blob;
  initdbWasm: Blob;
  /** pglite.data: PostgreSQL's share/ files. */
  fsBundle: Blob;
  /** The initdb snapshot (gzipped tarball). */
  dataDir: Blob;
  /** sql-parser.mjs and .wasm: libpg-query, PostgreSQL's parser, which reads the app's SQL first. */
  sqlParserModule: Blob;
  sqlParserWasm: Blob;
}

/** A request handed to the learner's app: its URL is absolute, as the app should see it. */
export interface SerializedRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body?: ArrayBuffer;
}

/** The app's answer, with every header (each `Set-Cookie` separately) and the whole body. */
export interface SerializedResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer;
}

/** First message, posted on the worker by the runner with the private port transferred alongside. */
export interface InitMessage {
  type: "vial-worker-init";
  modules: HostModuleUrls;
  /** Output beyond this many characters stops the run (the worker tells the page, which ends it). */
  outputLimit: number;
}

/** What a sandbox worker is for: grading (trusted code only) or running the learner's code. */
export type WorkerRole = "grader" | "learner";

/** The page's first message on the private port: the worker's role, before it loads anything. */
export interface RoleMessage {
  type: "role";
  role: WorkerRole;
}

/** Page → worker, over the private port. */
export type PageMessage =
  | RoleMessage
  /** Grader, ahead of time: compile these checks (and load zod if they need it) while waiting. */
  | { type: "prepare"; checks: string }
  /** Grader: the lesson's database, started now (before any check or preview asks for it). */
  | { type: "database"; files: DatabaseFiles }
  /** Grader: `.vial/config-parsers.mjs`, for checks that use `parse` (posted before the checks). */
  | { type: "config-parsers"; module: Blob }
  /** Grader: run the lesson's checks (`.vial/checks.ts`) against learner realms it asks for. */
  | { type: "check"; checks: string; entry?: string; checkTimeoutMs: number; budgetMs: number }
  /** Grader: a learner realm it started is gone (crashed, could not start); `reason` in words. */
  | { type: "learner-gone"; learner: number; reason: string }
  /** Learner: load these files and answer the grader on `port` (the learner's end of its channel). */
  | { type: "attach"; files: Record<string, string>; port: MessagePort }
  /** Learner: serve the app for the preview; requests come as `request`. Grader (database lessons):
   * serve it from learner realms it asks for, as the node engine's grader host does. */
  | { type: "serve"; files: Record<string, string>; entry?: string }
  | { type: "request"; id: number; request: SerializedRequest };

/** Worker → page, over the private port. */
export type HostMessage =
  | { type: "ready" }
  | { type: "init-error"; message: string }
  | { type: "output"; text: string }
  | { type: "output-exceeded" }
  | { type: "event"; event: HostEvent }
  /** Grader: the grade report (the only one the page reads). */
  | { type: "report"; report: unknown }
  /** Grader: start a learner realm and attach it to `port`, the learner's end of the grader's channel. */
  | { type: "learner-start"; learner: number; port: MessagePort }
  /** Grader: end that learner realm now. */
  | { type: "learner-kill"; learner: number }
  | { type: "serving" }
  | { type: "serve-error"; message: string }
  | { type: "response"; id: number; response: SerializedResponse }
  | { type: "response-error"; id: number; message: string };

const HOST_MESSAGE_TYPES = new Set<string>([
  "ready", "init-error", "output", "output-exceeded", "event", "report", "learner-start", "learner-kill",
  "serving", "serve-error", "response", "response-error",
]);

/**
 * True for a message shaped like a {@link HostMessage} (the page checks before trusting a type).
 *
 * @example
 * port.onmessage = (event) => isHostMessage(event.data) && handle(event.data);
 */
export function isHostMessage(value: unknown): value is HostMessage {
  return typeof value === "object" && value !== null && HOST_MESSAGE_TYPES.has((value as { type?: unknown }).type as string);
}

/**
 * The payload files a run reads: the learner's files and `.vial/checks.ts`, without the bundles
 * (which the worker imports from their URLs instead).
 *
 * @example
 * runFiles({ "app.ts": "…", ".vial/vial.mjs": "…", ".vial/checks.ts": "…" })
 * // { "app.ts": "…", ".vial/checks.ts": "…" }
 */
export function runFiles(tree: Record<string, string | Uint8Array>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, contents] of Object.entries(tree)) {
    if (path.endsWith(".mjs") && path.startsWith(".vial/")) continue;
    files[path] = typeof contents === "string" ? contents : new TextDecoder().decode(contents);
  }
  return files;
}
