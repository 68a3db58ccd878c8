import { RunError } from "../../grader/failure";
import type { AppSignal, GraderMessage, GraderRequest, LearnerMessage } from "../realm/messages";
import { parseLearnerMessage } from "../realm/validate";

const LIMITS = "texts of at most 1,000,000 characters, at most 10,000 parameters, values nested at most 32 deep";
const REFUSED_SQL = `The sandbox refused this statement: it or one of its parameters is malformed or too large to pass to the database (${LIMITS}).`;
const REFUSED_REQUEST = "The sandbox refused this request: it is malformed or too large (an http or https URL, a method name, at most 1,000 headers, at most 1 MB of body, a config of plain data).";
const REFUSED_ANSWER = `Your code's answer could not be passed to the checks: it is malformed or too large (${LIMITS}).`;

/**
 * The grader's end of a channel to one learner realm, as a host provides it: a child process's
 * pipe, a Worker's MessagePort. Messages from the learner arrive raw; the link validates them.
 */
export interface LearnerPort {
  send(message: GraderMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /**
   * Called once when the realm is gone; `reason` says how, in learner words ("ran out of memory …"),
   * and `ended`, where the host knows it, the process's exit code or the signal that ended it.
   */
  onGone(listener: (reason: string, ended?: ProcessEnd) => void): void;
  /** Ends the realm now (kills the process, terminates the Worker). */
  kill(): void;
  /**
   * Sends the realm's own process a real OS signal, where the host has them (the node engine).
   * Only ever this port's process: nothing a learner sends names a process. Without it the
   * grader asks the learner realm to emulate the signal (the "signal" message).
   */
  signal?(signal: AppSignal): void;
}

/** How a learner process ended: its exit code, or the signal that killed it. */
export interface ProcessEnd {
  code: number | null;
  signal: string | null;
}

/** What answers the learner's own requests: its database statements and its tests' requests. */
export interface LinkHandlers {
  sql?: (message: Extract<LearnerMessage, { type: "sql" }>) => Promise<GraderMessage>;
  appFetch?: (message: Extract<LearnerMessage, { type: "app-fetch" }>) => Promise<GraderMessage>;
  /** What the learner's code printed (grader/app-log.ts); dropped when not given. */
  log?: (message: Extract<LearnerMessage, { type: "log" }>) => void;
}

/** Learner messages that answer a request (everything with an id). */
type Answer = Extract<LearnerMessage, { id: number }>;

/**
 * Requests and answers over a {@link LearnerPort}: ids, validation, and what happens when the
 * learner's realm dies or is killed (every pending request fails with a {@link RunError} that
 * says why, naming a `process.exit()` call when the learner announced one).
 *
 * @example
 * const link = new LearnerLink(port);
 * await link.ready;
 * const answer = await link.request({ type: "ping" });
 */
export class LearnerLink {
  readonly ready: Promise<void>;
  #port: LearnerPort;
  #nextId = 1;
  #pending = new Map<number, { resolve(answer: Answer): void; reject(error: Error): void }>();
  #gone: string | undefined;
  #exit: Extract<LearnerMessage, { type: "exit" }> | undefined;
  #ended: ProcessEnd | undefined;
  #badMessages = 0;
  #goneListeners: ((reason: string) => void)[] = [];

  /**
   * `sql` answers the learner's statements for the lesson's database (see database.ts);
   * `appFetch` the requests of the learner's tests for hosted apps (grader/hosted-apps.ts);
   * `log` takes what the learner's code printed.
   */
  constructor(port: LearnerPort, options: LinkHandlers = {}) {
    this.#port = port;
    let markReady: () => void = () => {};
    let markFailed: (error: Error) => void = () => {};
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    this.ready.catch(() => {});
    port.onMessage((raw) => {
      const message = parseLearnerMessage(raw);
      if (!message) {
        this.#badMessages++;
        this.#refuse(raw);
        return;
      }
      if (message.type === "ready") markReady();
      else if (message.type === "sql") {
        const answer = options.sql ? options.sql(message) : Promise.resolve<GraderMessage>({ type: "sql-error", sqlId: message.sqlId, error: { message: "This lesson has no database." } });
        void answer.then((reply) => {
          if (this.#gone === undefined) port.send(reply);
        });
      }
      else if (message.type === "app-fetch") {
        const answer = options.appFetch ? options.appFetch(message) : Promise.resolve<GraderMessage>({ type: "app-error", fetchId: message.fetchId, message: "This lesson has no app for tests to call." });
        void answer.then((reply) => {
          if (this.#gone === undefined) port.send(reply);
        });
      }
      else if (message.type === "log") {
        if (this.#gone === undefined) options.log?.(message);
      }
      else if (message.type === "exit") {
        // The learner's code is ending its realm: nothing it answers from now on counts.
        this.#exit ??= message;
        this.#markGone("exited");
        port.kill();
      }
      else this.#answer(message);
    });
    this.#markFailed = markFailed;
    port.onGone((reason, ended) => {
      this.#ended ??= ended;
      this.#markGone(reason);
    });
  }

  #markFailed: (error: Error) => void;

  #markGone(reason: string): void {
    if (this.#gone !== undefined) return;
    this.#gone = this.#describeGone(reason);
    const error = new RunError(this.#gone);
    this.#markFailed(error);
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
    for (const listener of this.#goneListeners) listener(this.#gone);
  }

  /** Why the realm is gone, or undefined while it lives. */
  get gone(): string | undefined {
    return this.#gone;
  }

  /**
   * How the realm's process ended, once it did: `process.exit(code)` as learner code announced
   * it, else the exit code or signal its host saw. Undefined while it runs, or when the grader
   * killed it.
   */
  get ended(): ProcessEnd | undefined {
    if (this.#exit) return { code: this.#exit.code, signal: null };
    return this.#ended;
  }

  /** Messages that failed validation (the learner's code wrote to the channel, or it broke). */
  get badMessages(): number {
    return this.#badMessages;
  }

  onGone(listener: (reason: string) => void): void {
    if (this.#gone !== undefined) listener(this.#gone);
    else this.#goneListeners.push(listener);
  }

  /** Sends a request; resolves with its answer, rejects with a RunError when the realm is gone. */
  request(message: GraderRequest): Promise<Answer> {
    if (this.#gone !== undefined) return Promise.reject(new RunError(this.#gone));
    const id = this.#nextId++;
    return new Promise<Answer>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      try {
        this.#port.send({ ...message, id } as GraderMessage);
      } catch (error) {
        this.#pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Kills the realm; pending requests fail with `reason`. */
  kill(reason: string): void {
    if (this.#gone === undefined) {
      this.#gone = reason;
      const error = new RunError(reason);
      this.#markFailed(error);
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
      for (const listener of this.#goneListeners) listener(reason);
    }
    this.#port.kill();
  }

  #answer(message: Answer): void {
    const pending = this.#pending.get(message.id);
    if (!pending) return; // an answer to nothing: a stale id, or the learner's code talking
    this.#pending.delete(message.id);
    pending.resolve(message);
  }

  /**
   * A message that failed validation but names what it answers (a request's `id`, a statement's
   * `sqlId`) gets a refusal, so the check or the learner's query fails at once and says why
   * instead of waiting for its time limit. A refusal gives learner code nothing it could not
   * already do: it may answer any pending id with "threw".
   */
  #refuse(raw: unknown): void {
    const number = (key: string): number | undefined => {
      try {
        const value: unknown = typeof raw === "object" && raw !== null && Object.hasOwn(raw, key) ? (raw as Record<string, unknown>)[key] : undefined;
        return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : undefined;
      } catch {
        return undefined; // a getter that throws: nothing to answer
      }
    };
    const fetchId = number("fetchId");
    if (fetchId !== undefined) {
      if (this.#gone === undefined) this.#port.send({ type: "app-error", fetchId, message: REFUSED_REQUEST });
      return;
    }
    const sqlId = number("sqlId");
    if (sqlId !== undefined) {
      if (this.#gone === undefined) this.#port.send({ type: "sql-error", sqlId, error: { message: REFUSED_SQL } });
      return;
    }
    const id = number("id");
    const pending = id === undefined ? undefined : this.#pending.get(id);
    if (id === undefined || !pending) return;
    this.#pending.delete(id);
    pending.reject(new RunError(REFUSED_ANSWER));
  }

  #describeGone(reason: string): string {
    const exit = this.#exit;
    if (exit) return `Your code called process.exit(${exit.code})${exit.at ? ` at ${exit.at}` : ""}. Lesson code must not end the process: return a response instead.`;
    return `Your code's process ${reason}.`;
  }
}
