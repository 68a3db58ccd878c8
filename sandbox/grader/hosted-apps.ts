/**
 * Apps that live in the grader's realm and answer the learner's tests (sandbox/README.md,
 * "Grading the learner's tests"). The checks hand the learner's test functions
 * {@link HOSTED_APPS}; in the learner's realm it becomes a `createApp(config?)` whose apps send
 * each request back here as an `app-fetch` message. Which app answers (the correct one or a
 * seeded bug) is decided here, by the test run in progress, so nothing in the learner's realm
 * names it: the learner's code sees the answers and nothing else.
 */
import type { GraderMessage, LearnerMessage, WireRequest } from "../payload/realm/messages";
import { dataFromRemote } from "../payload/realm/sql-data";

/** What a lesson's app maker returns: anything with a fetch handler (a Vial app). */
export interface HostedApp {
  fetch(request: Request): Response | Promise<Response>;
}

/**
 * The time of one hosted app: the grader's `Date.now()` plus however far the learner's test moved
 * this app's clock (`app.advanceClock(seconds)`). Give `now` to what keeps time in the app, such
 * as `rateLimit({ ..., now: clock.now })`.
 */
export interface AppClock {
  now(): number;
}

/** Makes a fresh app from the config the learner's test passed to `createApp(config)`, and its clock. */
export type AppMaker = (config: Record<string, unknown>, clock: AppClock) => HostedApp | Promise<HostedApp>;

/**
 * Passed to a learner's test function (`tests.x(HOSTED_APPS)`), it arrives there as the
 * `createApp` of the apps under test. A plain marker: it means nothing outside a test run.
 */
export const HOSTED_APPS: { readonly hostedApps: true } = Object.freeze({ hostedApps: true as const });

const NULL_BODY_METHODS = new Set(["GET", "HEAD"]);
const NOT_RUNNING = "No app answers now: apps made by createApp() answer only while the test that made them runs (was a request sent after the test ended, without await?).";

function toRequest(wire: WireRequest): Request {
  const hasBody = wire.body !== undefined && !NULL_BODY_METHODS.has(wire.method.toUpperCase());
  return new Request(wire.url, { method: wire.method, headers: wire.headers, ...(hasBody ? { body: wire.body as BodyInit } : {}) });
}

function plainConfig(value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new TypeError("createApp(config) takes an object of settings, such as { TESTING: true }.");
  return value as Record<string, unknown>;
}

/**
 * The router between the learner's requests and the app of the test run in progress.
 *
 * @example
 * const hosted = createHostedApps();
 * // LearnerSession handlers: { appFetch: (message) => hosted.answer(message) }
 * await hosted.within(makeCorrectApp, () => learnerTest(HOSTED_APPS));
 */
export function createHostedApps() {
  let current: { make: AppMaker; apps: Map<number, { app: Promise<HostedApp>; clockMs: number }> } | undefined;

  /** Runs `run` with `make` as the maker of every app the learner's code asks for meanwhile. */
  async function within<T>(make: AppMaker, run: () => Promise<T>): Promise<T> {
    const context = { make, apps: new Map<number, { app: Promise<HostedApp>; clockMs: number }>() };
    current = context;
    try {
      return await run();
    } finally {
      if (current === context) current = undefined;
    }
  }

  /** Answers one validated `app-fetch` from the learner's realm. Never throws. */
  async function answer(message: Extract<LearnerMessage, { type: "app-fetch" }>): Promise<GraderMessage> {
    const { fetchId } = message;
    const context = current;
    if (!context) return { type: "app-error", fetchId, message: NOT_RUNNING };
    try {
      let hosted = context.apps.get(message.app);
      if (!hosted) {
        const config = plainConfig(dataFromRemote(message.config));
        const made: { app?: Promise<HostedApp>; clockMs: number } = { clockMs: 0 };
        const clock: AppClock = Object.freeze({ now: () => Date.now() + made.clockMs });
        made.app = Promise.resolve().then(() => context.make(config, clock));
        hosted = made as { app: Promise<HostedApp>; clockMs: number };
        context.apps.set(message.app, hosted);
      }
      // Forward only: an app's time never goes back, whatever a message says.
      hosted.clockMs = Math.max(hosted.clockMs, message.clockMs ?? 0);
      const response = await (await hosted.app).fetch(toRequest(message.request));
      const body = new Uint8Array(await response.arrayBuffer());
      return { type: "app-response", fetchId, response: { status: response.status, statusText: response.statusText, headers: [...response.headers], body } };
    } catch (error) {
      return { type: "app-error", fetchId, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }

  return { within, answer };
}

export type HostedApps = ReturnType<typeof createHostedApps>;
