import { RunError } from "../../grader/failure";
import type { AppSignal, ArgValue, RemoteValue, WireRequest, WireResponse } from "../realm/messages";
import { LearnerLink } from "./learner-link";
import type { LearnerPort, LinkHandlers, ProcessEnd } from "./learner-link";
import type { GraderMessage, LearnerMessage } from "../realm/messages";

/** What the grader asks the learner's realm to load: the entry and the checks' relative imports. */
export interface LoadRequest {
  entry: string;
  modules: string[];
}

const CLOSED = "The checks are over.";

/** How long a learner that just missed a check's time limit gets to show it is not stuck. */
const PING_MS = 250;
/** Fresh learners started after one was stopped, at most, in one run. */
const MAX_RESTARTS = 3;

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function timeout<T>(work: Promise<T>, ms: number): Promise<T | "timeout"> {
  if (!Number.isFinite(ms)) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([work, new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * The grader's view of the learner's realm over a whole run: it loads the learner's modules,
 * carries calls and requests across, and when the realm dies or is stuck, kills it and starts a
 * fresh one (loading the same modules, so the checks' imports keep working) for the checks left.
 * Values handed out by a realm that was replaced fail with a clear error instead of reaching the
 * new one. `notes` collects what happened, for the report's message.
 *
 * @example
 * const session = new LearnerSession(startLearner);
 * const loaded = await session.open({ entry: "app.ts", modules: ["./app"] }, 5000);
 * const response = await session.fetch(handle, undefined, request);
 */
export class LearnerSession {
  readonly notes: string[] = [];
  #start: () => LearnerPort;
  #clockMs: () => number;
  #link: LearnerLink | undefined;
  #load: LoadRequest | undefined;
  #loadTimeoutMs = 5000;
  #generation = 0;
  #restarts = 0;
  #closed = false;
  /** A replacement realm, started as soon as the current one died or was stopped. */
  #next: LearnerPort | undefined;
  /** The port of the current realm (its `signal`, where the host has OS signals). */
  #port: LearnerPort | undefined;
  /** The realm the checks sent a signal: its end is what they asked for, not a crash to report. */
  #signalled: LearnerLink | undefined;

  #handlers: LinkHandlers;

  /**
   * `clockMs` reads how far the checks' fake clock is ahead, sent with every message that runs
   * learner code; `sql` answers the learner's statements for the lesson's database; `handlers`
   * adds the answers to its tests' requests for hosted apps.
   */
  constructor(start: () => LearnerPort, clockMs: () => number = () => 0, sql?: (message: Extract<LearnerMessage, { type: "sql" }>) => Promise<GraderMessage>, handlers: Omit<LinkHandlers, "sql"> = {}) {
    this.#start = start;
    this.#clockMs = clockMs;
    this.#handlers = sql ? { ...handlers, sql } : handlers;
  }

  /** Which realm is current: values from calls carry it, module exports do not need to. */
  get generation(): number {
    return this.#generation;
  }

  /**
   * Starts the learner's realm and loads the modules. Resolves with each module's exports, or
   * with the reason the learner's code did not load (in learner words).
   */
  async open(load: LoadRequest, loadTimeoutMs: number, withinMs = Infinity): Promise<{ modules: Record<string, RemoteValue> } | { error: string }> {
    this.#load = load;
    this.#loadTimeoutMs = loadTimeoutMs;
    return this.#connect(withinMs);
  }

  /** Calls a learner function; resolves with what it returned, rejects with what it threw. */
  async call(handle: number, generation: number | undefined, args: ArgValue[]): Promise<RemoteValue> {
    const answer = await this.#link_(generation).request({ type: "call", handle, args, clockMs: this.#clockMs() });
    if (answer.type === "returned") return answer.value;
    throw this.#unexpected(answer);
  }

  /** Sends a request to a learner app; resolves with its response. */
  async fetch(handle: number, generation: number | undefined, request: WireRequest): Promise<WireResponse> {
    const answer = await this.#link_(generation).request({ type: "fetch", handle, request, clockMs: this.#clockMs() });
    if (answer.type === "response") return answer.response;
    throw this.#unexpected(answer);
  }

  /**
   * Resolves once the learner's realm has answered a ping, so every message it sent before (what
   * the app printed while answering the check's last request) has arrived. A realm that is gone
   * or stopped has nothing more to send: that resolves too.
   */
  async flush(): Promise<void> {
    await this.#link?.request({ type: "ping" }).catch(() => {});
  }

  /**
   * Sends the current learner realm `signal`, as an orchestrator signals a server's process: a
   * real OS signal where the port has them (node engine), else the "signal" message, which the
   * learner's host dispatches to its `process.on(signal)` listeners. Resolves once it is sent (a
   * real signal) or queued (emulated); the listeners run after, as with `kill`. A realm the
   * checks signalled may end without that being reported as a crash; the next check gets a fresh one.
   */
  async signal(signal: AppSignal): Promise<{ delivered: "os" | "emulated" }> {
    const link = this.#link_(undefined);
    if (link.gone !== undefined) throw new RunError(`Your code's process is not running, so it cannot be sent ${signal}: ${link.gone}`);
    this.#signalled = link;
    const port = this.#port;
    if (port?.signal) {
      port.signal(signal);
      return { delivered: "os" };
    }
    // A realm that ends at once (no listener: the default action) may not answer: that is delivery too.
    await link.request({ type: "signal", signal }).catch((error: unknown) => {
      if (link.gone === undefined) throw error;
    });
    return { delivered: "emulated" };
  }

  /**
   * Resolves with how the current learner realm's process ended, once it has (its exit code, or
   * the signal that killed it), or with undefined if it is still running after `withinMs`.
   * `reason` is the grader's own words for an end it did not cause.
   */
  async exited(withinMs: number): Promise<(ProcessEnd & { reason: string }) | undefined> {
    const link = this.#link_(undefined);
    const gone = new Promise<string>((resolve) => link.onGone(resolve));
    const reason = await timeout(gone, withinMs);
    if (reason === "timeout") return undefined;
    return { ...(link.ended ?? { code: null, signal: null }), reason };
  }

  /**
   * After a check ran out of time: a learner that still answers keeps running (the check only
   * waited on something); one stuck in a loop is killed, and the next check gets a fresh one.
   */
  async afterTimeout(checkName: string, timeoutMs: number): Promise<void> {
    const link = this.#link;
    if (!link || link.gone !== undefined) return;
    const answered = await timeout(link.request({ type: "ping" }).then(() => true, () => false), PING_MS);
    if (answered === true) return;
    link.kill(`Your code was stopped: it was still busy when the check "${checkName}" ran out of time.`);
    this.notes.push(`The check "${checkName}" did not finish within ${seconds(timeoutMs)} and your code stopped answering, so it was stopped. Is there a loop that never ends (a while or for whose condition stays true)?`);
  }

  /**
   * Before each check: a realm that died during the last one is replaced by a fresh one, if
   * that fits in `remainingMs`. Resolves with the reason the check cannot run, if it cannot.
   */
  async beforeCheck(remainingMs: number): Promise<string | undefined> {
    // A realm the last check signalled and that is still running (shutting down, or ignoring
    // the signal) must not end in the middle of this check: this one gets a fresh realm.
    if (this.#link && this.#signalled === this.#link && this.#link.gone === undefined) this.#link.kill("Your code was stopped: the last check had sent it a signal.");
    if (!this.#link || this.#link.gone === undefined || !this.#load) return undefined;
    if (this.#restarts >= MAX_RESTARTS) return `Not run: your code was stopped ${MAX_RESTARTS + 1} times in this run.`;
    this.#restarts++;
    const reloaded = await this.#connect(remainingMs);
    if (!("error" in reloaded)) return undefined;
    this.#link.kill("Your code was stopped: it could not be started again.");
    return `Not run: your code could not be started again after it was stopped. ${reloaded.error}`;
  }

  /** Ends the learner's realm (and a replacement started ahead, if any). */
  close(): void {
    this.#closed = true;
    this.#link?.kill(CLOSED);
    this.#next?.kill();
    this.#next = undefined;
  }

  async #connect(withinMs = Infinity): Promise<{ modules: Record<string, RemoteValue> } | { error: string }> {
    const load = this.#load!;
    this.#generation++;
    const port = this.#next ?? this.#start();
    this.#next = undefined;
    const link = new LearnerLink(port, this.#handlers);
    this.#link = link;
    this.#port = port;
    link.onGone((reason) => {
      // Deaths the grader did not cause (process.exit, a crash, memory) go in the report; an
      // end after the checks' own signal is theirs to judge.
      if (!reason.startsWith("Your code was stopped") && reason !== CLOSED && this.#signalled !== link) this.notes.push(reason);
      // Ending as the checks asked is not a restart that counts against the run.
      if (this.#signalled === link) this.#restarts--;
      // The next check will want a fresh realm: start it now, while this check is reported.
      if (!this.#closed && this.#restarts < MAX_RESTARTS) this.#next ??= this.#start();
    });
    try {
      const ready = await timeout(link.ready.then(() => true), withinMs);
      if (ready === "timeout") {
        link.kill("Your code was stopped while starting.");
        return { error: `The sandbox could not start your code within ${seconds(withinMs)}: the machine may be busy. Try again.` };
      }
      const limitMs = Math.min(this.#loadTimeoutMs, withinMs);
      const answer = await timeout(link.request({ type: "load", entry: load.entry, modules: load.modules, clockMs: this.#clockMs() }), limitMs);
      if (answer === "timeout") {
        link.kill("Your code was stopped while loading.");
        return { error: `Your code did not finish loading within ${seconds(limitMs)}, so it was stopped. Is there a loop that never ends at the top level of a file?` };
      }
      if (answer.type === "loaded") return { modules: answer.modules };
      if (answer.type === "load-error") return { error: answer.message };
      if (answer.type === "threw") return { error: `${answer.error.name}: ${answer.error.message}` };
      return { error: "The sandbox got an unexpected answer while loading your code." };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  #link_(generation: number | undefined): LearnerLink {
    if (generation !== undefined && generation !== this.#generation) {
      throw new RunError("This value came from your code before it was stopped and started again, so the check cannot use it.");
    }
    if (!this.#link) throw new RunError("Your code is not loaded.");
    return this.#link;
  }

  #unexpected(answer: { type: string; error?: { name: string; message: string; at?: string } }): Error {
    if (answer.type === "threw" && answer.error) return learnerError(answer.error);
    return new RunError(`The sandbox got an unexpected answer (${answer.type}) from your code's realm.`);
  }
}

const BUILT_IN_ERRORS: Record<string, new (message: string) => Error> = { Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError };
const thrownAt = new WeakMap<Error, string | undefined>();

/**
 * What learner code threw, rebuilt in the grader's realm: a built-in error class stays itself
 * (so `toThrow(TypeError)` works), any other keeps its name on an Error.
 *
 * @example
 * learnerError({ name: "TypeError", message: "x is not a function", at: "app.ts:7:12" }) instanceof TypeError // true
 */
export function learnerError(remote: { name: string; message: string; at?: string }): Error {
  const Class = Object.hasOwn(BUILT_IN_ERRORS, remote.name) ? BUILT_IN_ERRORS[remote.name]! : Error;
  const error = new Class(remote.message);
  if (error.name !== remote.name) error.name = remote.name;
  thrownAt.set(error, remote.at);
  return error;
}

/**
 * For an error made by {@link learnerError}: where in the learner's files it was thrown.
 * Undefined for any other error; `{ at: undefined }` when the place is unknown.
 */
export function learnerErrorOrigin(error: unknown): { at: string | undefined } | undefined {
  return error instanceof Error && thrownAt.has(error) ? { at: thrownAt.get(error) } : undefined;
}
