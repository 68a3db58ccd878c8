import type { LearnerMessage, RemoteError, RemoteRoute, RemoteValue, WireRequest, WireResponse } from "./messages";

/** How far a hosted app's clock may be moved ahead: about ten years. */
const MAX_APP_CLOCK_MS = 10 * 366 * 24 * 3600 * 1000;

/**
 * Checks what the learner's realm sent, which the grader must not trust: the shape, the types,
 * and limits on size and depth. Returns a fresh copy made of the grader's own objects, or
 * undefined when anything is off (the message is then dropped, never half-used).
 */

/** Deepest nesting of a remote value; data deeper than this is the learner's problem, not ours. */
const MAX_DEPTH = 32;
/** Most nodes in one remote value. */
const MAX_NODES = 100_000;
const MAX_TEXT = 1_000_000;
const MAX_HEADERS = 1_000;
/** Header names are tokens; values have no line breaks or NULs (what `Headers` accepts). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[^\r\n\0]*$/;
const SPECIALS = new Set(["undefined", "NaN", "Infinity", "-Infinity", "-0"]);

class Invalid extends Error {}

function fail(): never {
  throw new Invalid();
}

function record(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail();
  return value as Record<string, unknown>;
}

function text(value: unknown, max = MAX_TEXT): string {
  if (typeof value !== "string" || value.length > max) fail();
  return value;
}

function id(value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) fail();
  return value;
}

function optionalText(value: unknown, max?: number): string | undefined {
  return value === undefined ? undefined : text(value, max);
}

function remoteError(value: unknown): RemoteError {
  const error = record(value);
  const at = optionalText(error.at, 1000);
  return { name: text(error.name, 200), message: text(error.message), ...(at !== undefined ? { at } : {}) };
}

function headers(value: unknown): [string, string][] {
  if (!Array.isArray(value) || value.length > MAX_HEADERS) fail();
  return value.map((pair): [string, string] => {
    if (!Array.isArray(pair) || pair.length !== 2) fail();
    const name = text(pair[0], 1000);
    const content = text(pair[1], 100_000);
    if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(content)) fail();
    return [name, content];
  });
}

function bytes(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) fail();
  return new Uint8Array(value);
}

function response(value: unknown): WireResponse {
  const raw = record(value);
  const status = raw.status;
  // What `new Response()` accepts; the learner's own Response could not hold anything else.
  if (typeof status !== "number" || !Number.isInteger(status) || status < 200 || status > 599) fail();
  return { status, statusText: text(raw.statusText, 1000), headers: headers(raw.headers), body: bytes(raw.body) };
}

/** A request of the learner's tests for a hosted app: an http(s) URL, a method token, at most 1 MB of body. */
function request(value: unknown): WireRequest {
  const raw = record(value);
  const method = text(raw.method, 20);
  if (!/^[A-Za-z]+$/.test(method)) fail();
  const url = text(raw.url, 10_000);
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) fail();
  if (raw.body === undefined) return { method, url, headers: headers(raw.headers) };
  const body = bytes(raw.body);
  if (body.length > 1_000_000) fail();
  return { method, url, headers: headers(raw.headers), body };
}

/** An app's URL map rules: at most 500, each a rule and a few method names. */
function routes(value: unknown): RemoteRoute[] {
  if (!Array.isArray(value) || value.length > 500) fail();
  return value.map((entry) => {
    const raw = record(entry);
    if (!Array.isArray(raw.methods) || raw.methods.length > 20) fail();
    return { rule: text(raw.rule, 1000), methods: raw.methods.map((method) => text(method, 20)) };
  });
}

function remoteValue(value: unknown, depth: number, budget: { nodes: number }): RemoteValue {
  if (depth > MAX_DEPTH || ++budget.nodes > MAX_NODES) fail();
  const raw = record(value);
  switch (raw.kind) {
    case "app":
      return raw.routes === undefined ? { kind: "app", handle: id(raw.handle) } : { kind: "app", handle: id(raw.handle), routes: routes(raw.routes) };
    case "function":
      return { kind: "function", handle: id(raw.handle), name: text(raw.name, 200) };
    case "primitive": {
      const primitive = raw.value;
      if (primitive === null || typeof primitive === "boolean" || typeof primitive === "string") return { kind: "primitive", value: primitive === null || typeof primitive === "boolean" ? primitive : text(primitive) };
      if (typeof primitive === "number" && Number.isFinite(primitive)) return { kind: "primitive", value: primitive };
      return fail();
    }
    case "special":
      if (typeof raw.value !== "string" || !SPECIALS.has(raw.value)) fail();
      return { kind: "special", value: raw.value as Extract<RemoteValue, { kind: "special" }>["value"] };
    case "bigint":
      if (typeof raw.value !== "string" || !/^-?\d{1,1000}$/.test(raw.value)) fail();
      return { kind: "bigint", value: raw.value };
    case "date":
      if (typeof raw.time !== "number") fail();
      return { kind: "date", time: raw.time };
    case "array":
      if (!Array.isArray(raw.items)) fail();
      return { kind: "array", items: raw.items.map((item) => remoteValue(item, depth + 1, budget)) };
    case "object":
      if (!Array.isArray(raw.entries)) fail();
      return {
        kind: "object",
        entries: raw.entries.map((entry): [string, RemoteValue] => {
          if (!Array.isArray(entry) || entry.length !== 2) fail();
          return [text(entry[0], 10_000), remoteValue(entry[1], depth + 1, budget)];
        }),
      };
    case "opaque":
      return { kind: "opaque", description: text(raw.description, 10_000) };
    default:
      return fail();
  }
}

/**
 * Validates a remote value on its own (e.g. a module's exports).
 *
 * @example
 * parseRemoteValue({ kind: "primitive", value: 1 }) // { kind: "primitive", value: 1 }
 * parseRemoteValue({ kind: "app", handle: -1 })     // undefined
 */
export function parseRemoteValue(value: unknown): RemoteValue | undefined {
  try {
    return remoteValue(value, 0, { nodes: 0 });
  } catch {
    return undefined;
  }
}

function message(value: unknown): LearnerMessage {
  const raw = record(value);
  switch (raw.type) {
    case "ready":
      return { type: "ready" };
    case "loaded": {
      const modules = record(raw.modules);
      const budget = { nodes: 0 };
      const copy: Record<string, RemoteValue> = {};
      for (const key of Object.keys(modules)) {
        // defineProperty: a key named "__proto__" must stay a key, not become a prototype.
        Object.defineProperty(copy, text(key, 1000), { value: remoteValue(modules[key], 0, budget), enumerable: true, writable: true, configurable: true });
      }
      return { type: "loaded", id: id(raw.id), modules: copy };
    }
    case "load-error":
      return { type: "load-error", id: id(raw.id), message: text(raw.message) };
    case "returned":
      return { type: "returned", id: id(raw.id), value: remoteValue(raw.value, 0, { nodes: 0 }) };
    case "threw":
      return { type: "threw", id: id(raw.id), error: remoteError(raw.error) };
    case "response":
      return { type: "response", id: id(raw.id), response: response(raw.response) };
    case "pong":
      return { type: "pong", id: id(raw.id) };
    case "signalled":
      return { type: "signalled", id: id(raw.id) };
    case "exit": {
      if (typeof raw.code !== "number" || !Number.isInteger(raw.code)) fail();
      const at = optionalText(raw.at, 1000);
      return { type: "exit", code: raw.code, ...(at !== undefined ? { at } : {}) };
    }
    case "sql": {
      if (!Array.isArray(raw.params) || raw.params.length > 10_000) fail();
      const budget = { nodes: 0 };
      return { type: "sql", sqlId: id(raw.sqlId), sql: text(raw.sql), params: raw.params.map((param) => remoteValue(param, 0, budget)) };
    }
    case "app-fetch": {
      const app = id(raw.app);
      if (app < 1 || app > 1000) fail();
      // An app's clock moves forward only, and by at most about ten years.
      const clockMs = raw.clockMs ?? 0;
      if (typeof clockMs !== "number" || !Number.isFinite(clockMs) || clockMs < 0 || clockMs > MAX_APP_CLOCK_MS) fail();
      return { type: "app-fetch", fetchId: id(raw.fetchId), app, config: remoteValue(raw.config, 0, { nodes: 0 }), request: request(raw.request), ...(clockMs > 0 ? { clockMs } : {}) };
    }
    case "log": {
      if (raw.stream !== "stdout" && raw.stream !== "stderr") fail();
      return { type: "log", stream: raw.stream, text: text(raw.text) };
    }
    default:
      return fail();
  }
}

/**
 * Validates one message from the learner's realm. Never throws: anything malformed (wrong
 * shape, wrong types, a getter or prototype trick, too big or too deep) gives undefined.
 *
 * @example
 * parseLearnerMessage({ type: "pong", id: 3 })     // { type: "pong", id: 3 }
 * parseLearnerMessage({ type: "report", id: 3 })   // undefined
 */
export function parseLearnerMessage(value: unknown): LearnerMessage | undefined {
  try {
    return message(value);
  } catch {
    return undefined;
  }
}
