import type { GraderMessage, LearnerMessage, RemoteValue } from "../realm/messages";
import { dataToRemote } from "../realm/sql-data";

/** Statuses whose responses have no body (`new Response` refuses one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

type TestClientClass = new (fetch: (request: Request) => Promise<Response>, options?: unknown) => unknown;

/** An app the learner's test made with `createApp(config)`: it lives in the grader's realm. */
export interface HostedAppHandle {
  fetch(request: Request): Promise<Response>;
  /** Vial's test client (the learner realm's own copy) over `fetch`, with its cookie jar. */
  testClient(options?: unknown): unknown;
  /** Moves this app's clock `seconds` ahead: its rate-limit windows pass without waiting. */
  advanceClock(seconds: number): void;
}

/**
 * The learner realm's side of hosted apps (sandbox/README.md, "Grading the learner's tests"):
 * the `createApp` a learner's test function receives. Each app it makes is a number in order
 * (1, 2, ...) and its config; each request goes to the grader's realm as an `app-fetch`, and
 * the grader's app of the run in progress answers. Nothing here knows which app that is.
 *
 * @example
 * const hosted = createHostedAppClient(send, () => vial.TestClient);
 * const createApp = hosted.factory();       // for one call of a test function
 * // on each grader message: if (hosted.receive(message)) return;
 */
export function createHostedAppClient(send: (message: LearnerMessage) => void, testClientClass: () => unknown) {
  let nextFetchId = 1;
  const pending = new Map<number, { resolve(response: Response): void; reject(error: Error): void }>();

  async function request(app: number, config: RemoteValue, clockMs: number, request: Request): Promise<Response> {
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    const body = hasBody ? new Uint8Array(await request.arrayBuffer()) : undefined;
    const fetchId = nextFetchId++;
    return new Promise<Response>((resolve, reject) => {
      pending.set(fetchId, { resolve, reject });
      try {
        const wire = { method: request.method, url: request.url, headers: [...request.headers], ...(body && body.length > 0 ? { body } : {}) };
        send({ type: "app-fetch", fetchId, app, config, request: wire, ...(clockMs > 0 ? { clockMs } : {}) });
      } catch (error) {
        pending.delete(fetchId);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** A fresh `createApp` for one call of a test function: its apps are numbered from 1. */
  function factory(): (config?: Record<string, unknown>) => HostedAppHandle {
    let made = 0;
    return function createApp(config: Record<string, unknown> = {}): HostedAppHandle {
      if (typeof config !== "object" || config === null || Array.isArray(config)) throw new TypeError("createApp(config) takes an object of settings, such as { TESTING: true }.");
      const remoteConfig = dataToRemote(config);
      const app = ++made;
      let clockMs = 0;
      const fetch = (input: Request) => {
        if (!(input instanceof Request)) return Promise.reject(new TypeError("app.fetch() takes a Request; app.testClient() makes the requests for you."));
        return request(app, remoteConfig, clockMs, input);
      };
      return Object.freeze({
        fetch,
        advanceClock(seconds: number) {
          if (typeof seconds !== "number" || !(Number.isFinite(seconds) && seconds >= 0)) throw new RangeError(`app.advanceClock() needs a number of seconds of 0 or more, got ${String(seconds)}.`);
          clockMs += seconds * 1000;
        },
        testClient(options?: unknown) {
          const TestClient = testClientClass();
          if (typeof TestClient !== "function") throw new Error("vial's TestClient is not available here.");
          return new (TestClient as TestClientClass)(fetch, options);
        },
      });
    };
  }

  /** Takes a grader message if it answers a request; true when it did. */
  function receive(message: GraderMessage): boolean {
    if (message.type !== "app-response" && message.type !== "app-error") return false;
    const waiting = pending.get(message.fetchId);
    if (!waiting) return true;
    pending.delete(message.fetchId);
    if (message.type === "app-error") return waiting.reject(new Error(message.message)), true;
    const { status, statusText, headers, body } = message.response;
    const responseHeaders = new Headers();
    for (const [name, value] of headers) responseHeaders.append(name, value);
    waiting.resolve(new Response(NULL_BODY_STATUSES.has(status) ? null : (body as BodyInit), { status, statusText, headers: responseHeaders }));
    return true;
  }

  return { factory, receive };
}
