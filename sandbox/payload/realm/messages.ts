/**
 * The messages between the grader's realm and the learner's realm (see sandbox/README.md, "The
 * realm split"). Everything here is plain data: it survives JSON (a pipe, WebContainer stdio,
 * with wire.ts for the bytes) and structured clone (a Worker's MessagePort) alike.
 *
 * The grader sends {@link GraderMessage}s and trusts nothing it gets back: every
 * {@link LearnerMessage} goes through parseLearnerMessage (validate.ts) first.
 */

/** A value that lives in the learner's realm, as the grader sees it. */
export type RemoteValue =
  /**
   * Something with a `fetch` method: requests go across, responses come back. `routes` is its URL
   * map's rules when it has one (a Vial app), read when it crossed, so probes can enumerate routes.
   */
  | { kind: "app"; handle: number; routes?: RemoteRoute[] }
  /** A function: calls go across and return a promise. */
  | { kind: "function"; handle: number; name: string }
  | { kind: "primitive"; value: string | number | boolean | null }
  /** Values JSON has no word for. */
  | { kind: "special"; value: "undefined" | "NaN" | "Infinity" | "-Infinity" | "-0" }
  | { kind: "bigint"; value: string }
  | { kind: "date"; time: number }
  | { kind: "array"; items: RemoteValue[] }
  | { kind: "object"; entries: [string, RemoteValue][] }
  /** Anything else (a Map, a class instance, a symbol), described in words. */
  | { kind: "opaque"; description: string };

/**
 * What the grader passes to learner code: a {@link RemoteValue}, or the app factory of a lesson
 * that grades the learner's tests (sandbox/README.md, "Grading the learner's tests"). The learner
 * realm turns `hosted-apps` into a `createApp(config?)` whose apps live in the grader's realm and
 * answer over `app-fetch`. It only ever travels grader → learner: a learner message holding it is
 * invalid.
 */
export type ArgValue = RemoteValue | { kind: "hosted-apps" };

/** One rule of an app's URL map: the rule as written and its upper-case methods. */
export interface RemoteRoute {
  rule: string;
  methods: string[];
}

/** A request for the learner's app: its URL is absolute, as the app should see it. */
export interface WireRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body?: Uint8Array;
}

/** The app's answer, with every header (each `Set-Cookie` separately) and the whole body. */
export interface WireResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Uint8Array;
}

/** An error thrown in the learner's realm: its name, message and where in their files. */
export interface RemoteError {
  name: string;
  message: string;
  /** "app.ts:7:12", when the stack pointed into a learner file. */
  at?: string;
}

/**
 * Grader → learner. Every request carries an id that its answer repeats. Those that run learner
 * code carry `clockMs`, how far the checks' fake clock is ahead: the learner realm's `Date.now`
 * follows it, so rate-limit windows and session ages move when a check calls `clock.advance()`.
 */
export type GraderMessage =
  /** Load the entry (if it exists), then each module, relative to the workspace root ("./app"). */
  | { type: "load"; id: number; entry: string; modules: string[]; clockMs: number }
  | { type: "call"; id: number; handle: number; args: ArgValue[]; clockMs: number }
  | { type: "fetch"; id: number; handle: number; request: WireRequest; clockMs: number }
  /** Answered with "pong" by a learner whose event loop is free (not stuck in a loop). */
  | { type: "ping"; id: number }
  /**
   * Deliver `signal` to the learner's code as its host's `process` would get it from the OS, where
   * the engine has no OS signal to send (a Worker, a WebContainer): the host dispatches it to the
   * `process.on(signal)` listeners the learner's code registered, or ends the realm the way the
   * signal's default action ends a process. Answered with "signalled" once it is queued. The node
   * engine never sends it: there the grader host sends a real signal (learner-process.ts).
   */
  | { type: "signal"; id: number; signal: AppSignal }
  /** The answer to the learner's `sql` message with the same `sqlId`: the rows, as data. */
  | { type: "sql-result"; sqlId: number; rows: RemoteValue; rowCount: number }
  /** PostgreSQL refused the statement: its message and SQLSTATE code (`42P01`, ...). */
  | { type: "sql-error"; sqlId: number; error: SqlError }
  /** The answer to the learner's `app-fetch` with the same `fetchId`: the hosted app's response. */
  | { type: "app-response"; fetchId: number; response: WireResponse }
  /** The hosted app could not answer (no test is running, the config was refused): why, in words. */
  | { type: "app-error"; fetchId: number; message: string };

/** The signals checks may send the learner's process: an orchestrator's stop, and Ctrl-C. */
export type AppSignal = "SIGTERM" | "SIGINT";

/** A database error as the learner's code sees it (pg's `DatabaseError` has the same fields). */
export interface SqlError {
  message: string;
  code?: string;
}

/** Learner → grader. */
export type LearnerMessage =
  /** The learner's realm has its bundles and waits for work. */
  | { type: "ready" }
  /** Each requested module's exports, by the specifier asked for. */
  | { type: "loaded"; id: number; modules: Record<string, RemoteValue> }
  /** The learner's files did not load: where and why, in learner words. */
  | { type: "load-error"; id: number; message: string }
  | { type: "returned"; id: number; value: RemoteValue }
  | { type: "threw"; id: number; error: RemoteError }
  | { type: "response"; id: number; response: WireResponse }
  | { type: "pong"; id: number }
  /** The answer to "signal": it is queued for the learner's listeners (they run right after). */
  | { type: "signalled"; id: number }
  /** Learner code called process.exit(); sent just before the process ends. */
  | { type: "exit"; code: number; at?: string }
  /**
   * A statement for the lesson's database, which lives in the grader's realm (sandbox/README.md,
   * "The database"). Numbered by the learner (`sqlId`), answered by `sql-result` or `sql-error`.
   */
  | { type: "sql"; sqlId: number; sql: string; params: RemoteValue[] }
  /**
   * A request from the learner's tests to a hosted app (one that lives in the grader's realm):
   * `app` numbers the apps the running test made with its `createApp(config)` (1, 2, ... in the
   * order it made them), and `config` is what it passed, as data. `clockMs` is how far the test
   * has moved that app's clock ahead (`app.advanceClock(seconds)`), so it can cross a rate-limit
   * window without waiting. Answered by `app-response` or `app-error` with the same `fetchId`.
   */
  | { type: "app-fetch"; fetchId: number; app: number; config: RemoteValue; request: WireRequest; clockMs?: number }
  /**
   * What the learner's code printed with one `console.*` call (formatted as Node prints it),
   * so the checks can read the app's log (grader/app-log.ts). It travels on the same ordered
   * channel as the app's responses: what a handler printed arrives before its response.
   */
  | { type: "log"; stream: "stdout" | "stderr"; text: string };

export type GraderRequest = GraderMessage extends infer M ? (M extends { id: number } ? Omit<M, "id"> : never) : never;
