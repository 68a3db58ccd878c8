/**
 * The worker engine's host: the code a sandbox Web Worker runs (bundled to the payload's
 * `.vial/worker-host.mjs`, the Worker counterpart of `grader-host.mjs`). It waits for the page's
 * init message and private port, prepares the scope (cookie-keeping Request/Response, console
 * capture, a small `process`), imports the payload's bundles, then runs one check run or serves
 * the learner's app, as the page asks. The runner page (../runner-page.ts) starts it, in an
 * opaque origin under a policy that allows no network and no storage.
 */
import type * as Runtime from "../../../payload/runtime/index";
import type { Transform } from "../../../payload/runtime/module-loader";
import type { HostEvent } from "../../../payload/protocol";
import type { HostMessage, InitMessage, PageMessage, SerializedRequest } from "../protocol";
import { captureConsole, createOutputSink } from "./console-capture";
import type { OutputSink } from "./console-capture";
import { installCookieSafeFetch } from "./cookie-safe-fetch";
import { formatLog } from "./format-log";
import { installProcessShim } from "./process-shim";
import { installSubtleProxy } from "./subtle-proxy";

type App = { fetch(request: Request): Promise<Response> };

interface Loaded {
  runtime: typeof Runtime;
  transform: Transform;
  vial: unknown;
  zodUrl: string;
}

let started = false;

addEventListener("message", (event: MessageEvent) => {
  const data = event.data as Partial<InitMessage> | null;
  if (started || data?.type !== "vial-worker-init" || !event.ports[0]) return;
  started = true;
  void start(data as InitMessage, event.ports[0], event.ports[1]);
});

/** `port` is the page's private port; `subtlePort` the runner's Web Crypto (see subtle-proxy.ts). */
async function start(init: InitMessage, port: MessagePort, subtlePort: MessagePort | undefined): Promise<void> {
  // Bound now, before learner code runs, so patching MessagePort.prototype cannot forge messages.
  const post = port.postMessage.bind(port) as (message: HostMessage, transfer?: Transferable[]) => void;
  const sink = createOutputSink({ send: (text) => post({ type: "output", text }), onExceeded: () => post({ type: "output-exceeded" }), limit: init.outputLimit });
  const event = (payload: HostEvent) => {
    sink.flush();
    post({ type: "event", event: payload });
  };
  captureConsole(console, sink);
  installCookieSafeFetch();
  installSubtleProxy(globalThis, subtlePort);
  installProcessShim(globalThis as unknown as Record<string, unknown>, { print: (text) => sink.write(text), onExit: (code, at) => event({ type: "exit", code, ...(at ? { at } : {}) }) });
  // Stray async errors in learner code go to the output panel instead of ending the run.
  addEventListener("error", (error: ErrorEvent) => {
    error.preventDefault();
    sink.write(`Uncaught error: ${formatLog([error.error ?? error.message])}\n`);
  });
  addEventListener("unhandledrejection", (rejection: PromiseRejectionEvent) => {
    rejection.preventDefault();
    sink.write(`Unhandled promise rejection: ${formatLog([rejection.reason])}\n`);
  });

  let loaded: Loaded;
  try {
    const [runtime, sucrase, vial] = await Promise.all([import(init.modules.runtime), import(init.modules.sucrase), import(init.modules.vial)]);
    loaded = { runtime: runtime as typeof Runtime, transform: (sucrase as { transform: Transform }).transform, vial, zodUrl: init.modules.zod };
  } catch (error) {
    post({ type: "init-error", message: error instanceof Error ? error.message : String(error) });
    return;
  }
  // The bundles are loaded; from here on only learner code and the runtime run in this scope.
  // Nothing is deleted from it: the runner's policy and opaque origin keep it from the network
  // and from storage, whatever learner code finds or restores (tests/e2e/sandbox/worker-confinement).
  let app: App | undefined;
  port.onmessage = (message: MessageEvent<PageMessage>) => {
    const data = message.data;
    if (data.type === "check") void check(loaded, data, sink, post, event);
    else if (data.type === "serve") {
      void serve(loaded, data).then((served) => {
        app = served.app;
        post(served.app ? { type: "serving" } : { type: "serve-error", message: served.error });
      });
    } else if (data.type === "request") void answer(app, data.id, data.request, post);
  };
  post({ type: "ready" });
}

/** The runtime's host for one run: the files, the modules learner code may import, sucrase. */
async function runtimeHost(loaded: Loaded, files: Record<string, string>): Promise<Runtime.RuntimeHost> {
  // zod is large: imported only when a file mentions it, as the node host does.
  const wantsZod = Object.values(files).some((source) => /["']zod["']/.test(source));
  const zod = wantsZod ? await import(loaded.zodUrl) : undefined;
  return {
    readFile: (path) => (Object.hasOwn(files, path) ? files[path] : undefined),
    modules: { vial: loaded.vial, ...(zod ? { zod } : {}) },
    transform: loaded.transform,
  };
}

async function check(
  loaded: Loaded,
  run: Extract<PageMessage, { type: "check" }>,
  sink: OutputSink,
  post: (message: HostMessage) => void,
  event: (payload: HostEvent) => void,
): Promise<void> {
  let report: unknown;
  try {
    report = await loaded.runtime.runChecks({
      host: await runtimeHost(loaded, run.files),
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
    // runChecks itself never throws; this is the sandbox failing (e.g. zod's bundle not loading).
    report = { status: "error", durationMs: 0, message: `The sandbox could not run the checks: ${error instanceof Error ? error.message : String(error)}`, checks: [] };
  }
  sink.flush();
  post({ type: "report", report });
}

async function serve(loaded: Loaded, run: Extract<PageMessage, { type: "serve" }>): Promise<{ app?: App; error: string }> {
  try {
    const host = await runtimeHost(loaded, run.files);
    return { app: loaded.runtime.loadApp({ host, entry: run.entry }), error: "" };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function answer(app: App | undefined, id: number, request: SerializedRequest, post: (message: HostMessage, transfer?: Transferable[]) => void): Promise<void> {
  try {
    if (!app) throw new Error("The app is not running.");
    const hasBody = request.body !== undefined && request.method !== "GET" && request.method !== "HEAD";
    const response: unknown = await app.fetch(new Request(request.url, { method: request.method, headers: request.headers, ...(hasBody ? { body: request.body } : {}) }));
    if (!(response instanceof Response)) throw new Error(`The app's fetch handler gave ${formatLog([response])} instead of a Response.`);
    const body = await response.arrayBuffer();
    post({ type: "response", id, response: { status: response.status, statusText: response.statusText, headers: [...response.headers], body } }, [body]);
  } catch (error) {
    post({ type: "response-error", id, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
}
