import type { ArgValue, RemoteRoute, RemoteValue, WireRequest, WireResponse } from "../realm/messages";
import { HOSTED_APPS } from "../../grader/hosted-apps";
import type { LearnerSession } from "./learner-session";

/** Statuses whose responses have no body (`new Response` refuses one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** A value in the learner's realm the grader cannot copy (a Map, a class instance), named in words. */
export class OpaqueValue {
  constructor(readonly description: string) {}
  toString(): string {
    return `[${this.description} from your code]`;
  }
  toJSON(): string {
    return this.toString();
  }
}

/** The app of the learner's realm, as checks use it: requests go across as messages. */
export interface AppProxy {
  fetch(request: Request): Promise<Response>;
  request(path: string | URL, init?: RequestInit): Promise<Response>;
  /** Vial's test client, in the grader's realm, sending through `fetch` (when the grader has vial). */
  testClient?(options?: unknown): unknown;
  /** The app's URL map rules as they were when it crossed (a Vial app's), for probes that try every route. */
  urlMap?: { rules: readonly Readonly<{ rule: string; methods: readonly string[] }>[] };
}

/** Vial's TestClient class (the grader's own copy), for `app.testClient()` in checks. */
export type TestClientClass = new (fetch: (request: Request) => Promise<Response>, options?: unknown) => unknown;

interface HandleRef {
  handle: number;
  /** An app's URL map rules, when it has one. */
  routes?: RemoteRoute[];
  /** The realm it came from; undefined for module exports, which every fresh realm recreates. */
  generation: number | undefined;
}

/**
 * Turns what the learner's realm describes into values for the checks (and back): data is
 * copied, apps and functions become proxies that send messages. Nothing of the learner's realm
 * is ever touched directly.
 *
 * @example
 * const proxies = createProxies(session);
 * const { app } = proxies.toLocal(loaded.modules["./app"], undefined) as { app: AppProxy };
 * const response = await app.fetch(new Request("http://localhost/"));
 */
export function createProxies(session: LearnerSession, TestClient?: TestClientClass) {
  const refs = new WeakMap<object, HandleRef>();

  async function serialize(request: Request): Promise<WireRequest> {
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    const body = hasBody ? new Uint8Array(await request.arrayBuffer()) : undefined;
    return { method: request.method, url: request.url, headers: [...request.headers], ...(body && body.length > 0 ? { body } : {}) };
  }

  function toResponse(wire: WireResponse): Response {
    const body = NULL_BODY_STATUSES.has(wire.status) ? null : wire.body;
    const headers = new Headers();
    for (const [name, value] of wire.headers) headers.append(name, value);
    return new Response(body as BodyInit | null, { status: wire.status, statusText: wire.statusText, headers });
  }

  function appProxy(ref: HandleRef): AppProxy {
    const fetch = async (request: Request): Promise<Response> => toResponse(await session.fetch(ref.handle, ref.generation, await serialize(request)));
    const app: AppProxy = Object.freeze({
      fetch,
      request: (path: string | URL, init?: RequestInit) => fetch(new Request(new URL(path, "http://localhost"), init)),
      ...(TestClient ? { testClient: (options?: unknown) => new TestClient(fetch, options) } : {}),
      ...(ref.routes ? { urlMap: Object.freeze({ rules: Object.freeze(ref.routes.map((route) => Object.freeze({ ...route, methods: Object.freeze([...route.methods]) }))) }) } : {}),
    });
    refs.set(app, ref);
    return app;
  }

  function functionProxy(ref: HandleRef, name: string): (...args: unknown[]) => Promise<unknown> {
    const fn = async (...args: unknown[]) => toLocal(await session.call(ref.handle, ref.generation, args.map((arg) => toRemote(arg))), session.generation);
    Object.defineProperty(fn, "name", { value: name });
    refs.set(fn, ref);
    return fn;
  }

  /** A description from the learner's realm as a value for the checks. */
  function toLocal(value: RemoteValue, generation: number | undefined): unknown {
    switch (value.kind) {
      case "app":
        return appProxy({ handle: value.handle, generation, ...(value.routes ? { routes: value.routes } : {}) });
      case "function":
        return functionProxy({ handle: value.handle, generation }, value.name);
      case "primitive":
        return value.value;
      case "special":
        return { undefined, NaN, Infinity, "-Infinity": -Infinity, "-0": -0 }[value.value];
      case "bigint":
        return BigInt(value.value);
      case "date":
        return new Date(value.time);
      case "array":
        return value.items.map((item) => toLocal(item, generation));
      case "object": {
        const object: Record<string, unknown> = {};
        for (const [key, item] of value.entries) Object.defineProperty(object, key, { value: toLocal(item, generation), enumerable: true, writable: true, configurable: true });
        return object;
      }
      case "opaque":
        return new OpaqueValue(value.description);
    }
  }

  /** A value from the checks as an argument for the learner's realm. */
  function toRemote(value: unknown, depth = 0): ArgValue {
    if (value === HOSTED_APPS) return { kind: "hosted-apps" };
    if ((typeof value === "object" || typeof value === "function") && value !== null) {
      const ref = refs.get(value);
      if (ref) return typeof value === "function" ? { kind: "function", handle: ref.handle, name: value.name } : { kind: "app", handle: ref.handle };
    }
    if (depth > 16) throw new TypeError("The checks passed data nested too deeply to your code.");
    if (value === undefined) return { kind: "special", value: "undefined" };
    if (value === null || typeof value === "string" || typeof value === "boolean") return { kind: "primitive", value };
    if (typeof value === "number") {
      if (Number.isNaN(value)) return { kind: "special", value: "NaN" };
      if (!Number.isFinite(value)) return { kind: "special", value: value > 0 ? "Infinity" : "-Infinity" };
      return Object.is(value, -0) ? { kind: "special", value: "-0" } : { kind: "primitive", value };
    }
    if (typeof value === "bigint") return { kind: "bigint", value: value.toString() };
    if (value instanceof Date) return { kind: "date", time: value.getTime() };
    if (Array.isArray(value)) return { kind: "array", items: value.map((item) => toData(item, depth + 1)) };
    if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
      return { kind: "object", entries: Object.keys(value).map((key) => [key, toData((value as Record<string, unknown>)[key], depth + 1)]) };
    }
    throw new TypeError(`The checks cannot pass ${typeof value === "function" ? "a function" : "this value"} to your code: only data, apps and functions from your code go across.`);
  }

  /** Inside data, the app factory has no meaning: only a learner function's argument may be it. */
  function toData(value: unknown, depth: number): RemoteValue {
    const remote = toRemote(value, depth);
    if (remote.kind === "hosted-apps") throw new TypeError("The checks can pass the lesson's app factory to your code only as an argument of its own.");
    return remote;
  }

  return { toLocal, toRemote };
}

export type Proxies = ReturnType<typeof createProxies>;
