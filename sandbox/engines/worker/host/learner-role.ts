/**
 * A learner realm's worker: the learner's code runs here, and nothing the grade depends on.
 * For a check run the page attaches it to a grader's channel (`attach`), and it answers the
 * grader's messages there with the payload's learner side (payload/learner-side/learner.ts);
 * for the preview it serves the learner's app over the private port (`serve`, `request`).
 * Whatever the learner's code patches, posts or ends here, the grader validates every message
 * and keeps its own time in its own worker.
 */
import { warmUpLearnerSide } from "../../../payload/hosts/warm-up";
import type { GraderMessage, LearnerMessage } from "../../../payload/realm/messages";
import type { RuntimeHost } from "../../../payload/runtime/module-loader";
import type { HostEvent } from "../../../payload/protocol";
import type { PageMessage, SerializedRequest } from "../protocol";
import { formatLog } from "../../../payload/runtime/format-log";
import type { HostScope, LoadedBundles } from "./loaded-bundles";
import { importsModule } from "./loaded-bundles";
import { installProcessShim } from "./process-shim";
import { vialModules } from "../../../payload/vial-modules";

type App = { fetch(request: Request): Promise<Response> };

/**
 * Installs the learner's `process` and starts answering the page; returns the function the host
 * calls once the bundles are loaded (messages that come sooner wait for them).
 *
 * @example
 * const learner = runLearnerRole(scope);
 * learner.loaded(await importBundles());
 */
export function runLearnerRole(scope: HostScope): { loaded(bundles: LoadedBundles): void } {
  const { post, sink } = scope;
  /** The grader's channel, once attached: process.exit() is announced there too. */
  let toGrader: ((message: LearnerMessage) => void) | undefined;
  const event = (payload: HostEvent) => {
    sink.flush();
    post({ type: "event", event: payload });
  };
  // A Worker gets no OS signal: a check's appProcess.signal() arrives as a message, and this
  // dispatches it to the learner's process.on(signal) listeners (process-shim.ts).
  const deliverSignal = installProcessShim(globalThis as unknown as Record<string, unknown>, {
    print: (text) => sink.write(text),
    onExit: (code, at) => {
      toGrader?.({ type: "exit", code, ...(at ? { at } : {}) });
      event({ type: "exit", code, ...(at ? { at } : {}) });
    },
  });

  let markLoaded: (bundles: LoadedBundles) => void = () => {};
  const bundles = new Promise<LoadedBundles>((resolve) => (markLoaded = resolve));
  let app: App | undefined;
  scope.onPageMessage((message: PageMessage) => {
    if (message.type === "attach") {
      // Bound before the learner's code loads; what it patches later does not matter here anyway.
      const send = message.port.postMessage.bind(message.port) as (message: LearnerMessage) => void;
      toGrader = send;
      void bundles.then((loaded) => attach(loaded, message.files, message.port, send, deliverSignal));
    } else if (message.type === "serve") {
      void bundles.then((loaded) => serve(loaded, message.files, message.entry)).then((served) => {
        app = served.app;
        post(served.app ? { type: "serving" } : { type: "serve-error", message: served.error });
      });
    } else if (message.type === "request") void answer(app, message.id, message.request, post);
  });
  return {
    // A tiny app of ours through the same paths first (sucrase, vial, the learner side), so the
    // learner's run finds them compiled; messages that come meanwhile wait for it.
    loaded: (loaded) => void warmUpLearnerSide(loaded.runtime as unknown as Parameters<typeof warmUpLearnerSide>[0], loaded.transform, loaded.vial.core).catch(() => {}).then(() => markLoaded(loaded)),
  };
}

/** The runtime's host over the learner's files; zod is imported only when a file mentions it. */
function learnerHost(loaded: LoadedBundles, files: Record<string, string>): { host: Omit<RuntimeHost, "modules">; modules(): Promise<Record<string, unknown>> } {
  let zod: Promise<unknown> | undefined;
  return {
    host: { readFile: (path) => (Object.hasOwn(files, path) && !path.startsWith(".vial/") ? files[path] : undefined), transform: loaded.transform },
    async modules() {
      if (importsModule(Object.values(files), "zod")) zod ??= import(loaded.zodUrl);
      return { ...vialModules(loaded.vial), "vial/db": loaded.runtime.vialDb, ...(zod ? { zod: await zod } : {}) };
    },
  };
}

/** Answers the grader on `port` with the payload's learner side, and tells it so. */
function attach(loaded: LoadedBundles, files: Record<string, string>, port: MessagePort, send: (message: LearnerMessage) => void, signal: (name: "SIGTERM" | "SIGINT") => void): void {
  const { host, modules } = learnerHost(loaded, files);
  const learner = loaded.runtime.createLearnerSide({ host, modules, send, console, signal });
  port.onmessage = (event: MessageEvent<GraderMessage>) => learner.receive(event.data);
  send({ type: "ready" });
}

async function serve(loaded: LoadedBundles, files: Record<string, string>, entry: string | undefined): Promise<{ app?: App; error: string }> {
  try {
    const { host, modules } = learnerHost(loaded, files);
    return { app: loaded.runtime.loadApp({ host: { ...host, modules: await modules() }, entry }), error: "" };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function answer(app: App | undefined, id: number, request: SerializedRequest, post: HostScope["post"]): Promise<void> {
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
