import { preview } from "../../grader/format";
import { describeLoadError } from "../runtime/describe";
import { locate, where } from "../runtime/locate";
import { createModuleLoader } from "../runtime/module-loader";
import type { ModuleLoader, RuntimeHost } from "../runtime/module-loader";
import type { AppSignal, GraderMessage, LearnerMessage, RemoteError, WireRequest } from "../realm/messages";
import { followGraderClock } from "./clock";
import { createHandleTable } from "./handles";
import { createRemoteDatabase } from "./remote-database";
import { createHostedAppClient } from "./hosted-apps";
import { forwardConsole } from "./console-forward";

/** What the learner realm's host (a node process, a Worker) provides. */
export interface LearnerSideOptions {
  /** Reads the learner's files, and transforms them; `modules` is resolved per load below. */
  host: Omit<RuntimeHost, "modules">;
  /** The modules learner code may import ({ vial, zod? }), asked for at each load. */
  modules(): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Posts a message to the grader (bound before any learner code runs). */
  send(message: LearnerMessage): void;
  /**
   * The realm's console, when this learner side is the realm's own (a learner process or
   * Worker): what learner code prints with it also goes to the grader, for the checks' `appLog`.
   * Left out where the console is not the learner's (warm-ups, tests in one process).
   */
  console?: Console;
  /**
   * Delivers a signal to the learner's code where the engine has no OS signal (a Worker, a
   * WebContainer): the host's `process` dispatches it to the listeners learner code registered
   * with `process.on(signal)`, or ends the realm as the signal's default action would. Left out
   * where nothing may be signalled (warm-ups, tests in one process): "signal" then throws.
   */
  signal?(signal: AppSignal): void;
}

const NULL_BODY_METHODS = new Set(["GET", "HEAD"]);

/**
 * The learner's realm: loads the learner's files with the module loader, holds what they
 * export, and answers the grader's messages (load, call, fetch, ping). Nothing of the grader
 * lives here, so whatever learner code patches in this realm, the grade is decided elsewhere.
 *
 * @example
 * const learner = createLearnerSide({ host: { readFile, transform }, modules: () => ({ vial }), send: post });
 * port.onmessage = (event) => learner.receive(event.data);
 */
export function createLearnerSide(options: LearnerSideOptions): { receive(message: GraderMessage): void } {
  const handles = createHandleTable();
  // Before any learner code loads, so the framework's time source reads the followed clock.
  const setClock = followGraderClock();
  let loader: ModuleLoader | undefined;
  const { send } = options;
  if (options.console) forwardConsole(options.console, send);
  const database = createRemoteDatabase(send);
  let testing: { TestClient?: unknown } | undefined;
  const hosted = createHostedAppClient(send, () => testing?.TestClient);

  function remoteError(error: unknown): RemoteError {
    const location = loader && locate(error, loader.isLearnerFile);
    const at = location ? where(location) : undefined;
    if (error instanceof Error) return { name: String(error.name), message: String(error.message), ...(at ? { at } : {}) };
    return { name: "Error", message: `the value ${preview(error)} was thrown`, ...(at ? { at } : {}) };
  }

  async function load(message: Extract<GraderMessage, { type: "load" }>): Promise<void> {
    const host = { ...options.host, modules: await options.modules() };
    testing = host.modules["vial/testing"] as { TestClient?: unknown } | undefined;
    // `connect()` of vial/db reaches the lesson's database, in the grader's realm.
    const db = host.modules["vial/db"] as { useDriver?: (scheme: string, open: () => unknown) => void } | undefined;
    db?.useDriver?.("sandbox:", () => database.connect());
    const current = createModuleLoader(host);
    loader = current;
    const modules: Record<string, unknown> = {};
    try {
      // The entry first, so that its errors are the ones named.
      if (host.readFile(message.entry) !== undefined) current.load(message.entry);
      for (const specifier of message.modules) modules[specifier] = current.require(specifier, "", "checks.ts");
    } catch (error) {
      send({ type: "load-error", id: message.id, message: describeLoadError(error, current) });
      return;
    }
    const described: Record<string, ReturnType<typeof handles.toRemote>> = {};
    for (const [specifier, exports] of Object.entries(modules)) described[specifier] = handles.toRemote(exports);
    send({ type: "loaded", id: message.id, modules: described });
  }

  async function call(message: Extract<GraderMessage, { type: "call" }>): Promise<void> {
    const fn = handles.get(message.handle);
    if (typeof fn !== "function") throw new TypeError("The checks called something that is not a function.");
    // The lesson's app factory, when the checks run one of the learner's tests (hosted-apps.ts).
    const args = message.args.map((arg) => (arg.kind === "hosted-apps" ? hosted.factory() : handles.fromRemote(arg)));
    const value: unknown = await fn(...args);
    send({ type: "returned", id: message.id, value: handles.toRemote(value) });
  }

  async function fetchFrom(message: Extract<GraderMessage, { type: "fetch" }>): Promise<void> {
    const app = handles.get(message.handle) as { fetch?: (request: Request) => unknown } | undefined;
    if (typeof app?.fetch !== "function") throw new TypeError("The checks sent a request to something that is not an app.");
    const response: unknown = await app.fetch(toRequest(message.request));
    if (!(response instanceof Response)) throw new TypeError(`The app's fetch handler gave ${preview(response)} instead of a Response.`);
    const body = new Uint8Array(await response.arrayBuffer());
    send({ type: "response", id: message.id, response: { status: response.status, statusText: response.statusText, headers: [...response.headers], body } });
  }

  /** Answers first, then delivers on a later task: an OS signal too reaches its listeners after kill() returned. */
  async function deliver(message: Extract<GraderMessage, { type: "signal" }>): Promise<void> {
    const signal = options.signal;
    if (!signal) throw new Error("This sandbox cannot send your code a signal.");
    send({ type: "signalled", id: message.id });
    setTimeout(() => signal(message.signal), 0);
  }

  function receive(message: GraderMessage): void {
    if (message.type === "sql-result" || message.type === "sql-error") return void database.receive(message);
    if (message.type === "app-response" || message.type === "app-error") return void hosted.receive(message);
    if ("clockMs" in message) setClock(message.clockMs);
    const work = message.type === "load" ? load(message)
      : message.type === "call" ? call(message)
      : message.type === "fetch" ? fetchFrom(message)
      : message.type === "signal" ? deliver(message)
      : Promise.resolve(send({ type: "pong", id: message.id }));
    work.catch((error: unknown) => {
      try {
        send({ type: "threw", id: message.id, error: remoteError(error) });
      } catch {
        send({ type: "threw", id: message.id, error: { name: "Error", message: "Your code threw something that could not be described." } });
      }
    });
  }

  return { receive };
}

/** A request as the learner's app sees it, rebuilt in the learner's realm. */
export function toRequest(request: WireRequest): Request {
  const hasBody = request.body !== undefined && !NULL_BODY_METHODS.has(request.method.toUpperCase());
  return new Request(request.url, { method: request.method, headers: request.headers, ...(hasBody ? { body: request.body as BodyInit } : {}) });
}
