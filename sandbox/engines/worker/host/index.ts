/**
 * The worker engine's host: the code every sandbox Web Worker runs (bundled to the payload's
 * `.vial/worker-host.mjs`). It waits for the runner's init message with the page's private port,
 * reads its role from the page's first message on that port, prepares the scope, imports the
 * payload's bundles, and then plays its role:
 *
 * - "grader" (grader-role.ts): runs the lesson's checks against learner realms in other workers
 *   and posts the report. No learner code runs in this worker.
 * - "learner" (learner-role.ts): loads the learner's files and answers a grader over a channel,
 *   or serves the learner's app for the preview.
 *
 * The runner page (../runner-page.ts) starts it, in an opaque origin under a policy that allows
 * no network and no storage.
 */
import type { HostMessage, InitMessage, PageMessage, WorkerRole } from "../protocol";
import { captureConsole, createOutputSink } from "./console-capture";
import { installCookieSafeFetch } from "./cookie-safe-fetch";
import { formatLog } from "../../../payload/runtime/format-log";
import { runGraderRole } from "./grader-role";
import { runLearnerRole } from "./learner-role";
import type { HostScope, LoadedBundles } from "./loaded-bundles";
import { installSubtleProxy } from "./subtle-proxy";

let started = false;

addEventListener("message", (event: MessageEvent) => {
  const data = event.data as Partial<InitMessage> | null;
  if (started || data?.type !== "vial-worker-init" || !event.ports[0]) return;
  started = true;
  void start(data as InitMessage, event.ports[0], event.ports[1]);
});

/**
 * The page's messages: the first (the role) is awaited, the rest go to the role's handler,
 * those arriving before it is set kept in order.
 */
function pageInbox(port: MessagePort): { role: Promise<WorkerRole>; handle(handler: (message: PageMessage) => void): void } {
  let handler: ((message: PageMessage) => void) | undefined;
  const early: PageMessage[] = [];
  let gotRole: (role: WorkerRole) => void = () => {};
  const role = new Promise<WorkerRole>((resolve) => (gotRole = resolve));
  let first = true;
  port.onmessage = (event: MessageEvent<PageMessage>) => {
    const message = event.data;
    if (first) {
      first = false;
      gotRole(message.type === "role" && message.role === "grader" ? "grader" : "learner");
    } else if (handler) handler(message);
    else early.push(message);
  };
  return {
    role,
    handle(next) {
      handler = next;
      for (const message of early.splice(0)) next(message);
    },
  };
}

/** `port` is the page's private port; `subtlePort` the runner's Web Crypto (see subtle-proxy.ts). */
async function start(init: InitMessage, port: MessagePort, subtlePort: MessagePort | undefined): Promise<void> {
  // Bound now, before any other code runs here.
  const post = port.postMessage.bind(port) as (message: HostMessage, transfer?: Transferable[]) => void;
  const inbox = pageInbox(port);
  const role = await inbox.role;
  const sink = createOutputSink({ send: (text) => post({ type: "output", text }), onExceeded: () => post({ type: "output-exceeded" }), limit: init.outputLimit });
  captureConsole(console, sink);
  // Both realms build Requests and Responses that carry cookies; the classes are in place before vial loads.
  installCookieSafeFetch();
  installSubtleProxy(globalThis, subtlePort);
  // Stray async errors go to the output panel instead of ending the worker.
  addEventListener("error", (error: ErrorEvent) => {
    error.preventDefault();
    sink.write(`Uncaught error: ${formatLog([error.error ?? error.message])}\n`);
  });
  addEventListener("unhandledrejection", (rejection: PromiseRejectionEvent) => {
    rejection.preventDefault();
    sink.write(`Unhandled promise rejection: ${formatLog([rejection.reason])}\n`);
  });
  const scope: HostScope = { post, sink, onPageMessage: inbox.handle };
  // The learner's role installs its `process` before the bundles load, the grader has none.
  const learner = role === "learner" ? runLearnerRole(scope) : undefined;

  let loaded: LoadedBundles;
  try {
    const [runtime, sucrase, vial] = await Promise.all([import(init.modules.runtime), import(init.modules.sucrase), import(init.modules.vial)]);
    loaded = { runtime: runtime as LoadedBundles["runtime"], transform: (sucrase as { transform: LoadedBundles["transform"] }).transform, vial, zodUrl: init.modules.zod };
  } catch (error) {
    post({ type: "init-error", message: error instanceof Error ? error.message : String(error) });
    return;
  }
  // Nothing is deleted from the scope: the runner's policy and opaque origin keep it from the
  // network and from storage, whatever learner code finds or restores (tests/e2e/sandbox/worker-confinement).
  if (learner) learner.loaded(loaded);
  else runGraderRole(scope, loaded);
  post({ type: "ready" });
}
