import { describe, expect, it } from "vitest";
import { parseLearnerMessage, parseRemoteValue } from "../../../../sandbox/payload/realm/validate";

const response = (overrides: Record<string, unknown> = {}) => ({
  type: "response", id: 1,
  response: { status: 200, statusText: "OK", headers: [["set-cookie", "a=1"], ["set-cookie", "b=2"]], body: new Uint8Array([104, 105]), ...overrides },
});

describe("parseLearnerMessage", () => {
  it("accepts well-formed messages and copies them", () => {
    const raw = response();
    const parsed = parseLearnerMessage(raw);
    expect(parsed).toEqual(raw);
    expect(parsed).not.toBe(raw);
    if (parsed?.type !== "response") throw new Error("expected a response");
    expect(parsed.response.body).not.toBe(raw.response.body);
    expect(parseLearnerMessage({ type: "loaded", id: 2, modules: { "./app": { kind: "object", entries: [["app", { kind: "app", handle: 1 }]] } } })).toBeDefined();
    expect(parseLearnerMessage({ type: "exit", code: 0, at: "app.ts:3:1" })).toEqual({ type: "exit", code: 0, at: "app.ts:3:1" });
  });

  it.each([
    ["a message type the grader does not know", { type: "report", id: 1, report: { status: "pass" } }],
    ["a missing id", { type: "pong" }],
    ["a negative id", { type: "pong", id: -1 }],
    ["a fractional id", { type: "pong", id: 1.5 }],
    ["a string where an object belongs", "pass"],
    ["null", null],
    ["a status Response could not have", response({ status: 99 })],
    ["a status that is not a number", response({ status: "200" })],
    ["a header with a line break", response({ headers: [["x", "a\r\nset-cookie: admin=1"]] })],
    ["a header name that is not a token", response({ headers: [["bad name", "x"]] })],
    ["a header that is not a pair", response({ headers: [["x"]] })],
    ["a body that is not bytes", response({ body: "hi" })],
    ["an unknown remote value kind", { type: "returned", id: 1, value: { kind: "grade", value: "pass" } }],
    ["app routes that are not a list", { type: "returned", id: 1, value: { kind: "app", handle: 1, routes: "/admin" } }],
    ["an app route whose methods are not a list", { type: "returned", id: 1, value: { kind: "app", handle: 1, routes: [{ rule: "/a", methods: "GET" }] } }],
    ["more app routes than any app has", { type: "returned", id: 1, value: { kind: "app", handle: 1, routes: Array.from({ length: 501 }, () => ({ rule: "/a", methods: [] })) } }],
    ["a handle that is not an integer", { type: "returned", id: 1, value: { kind: "app", handle: "1" } }],
    ["a non-finite number as a primitive", { type: "returned", id: 1, value: { kind: "primitive", value: Infinity } }],
    ["an error without a message", { type: "threw", id: 1, error: { name: "Error" } }],
    ["a getter that throws", { type: "pong", get id(): number { throw new Error("gotcha"); } }],
  ])("rejects %s", (_label, raw) => {
    expect(parseLearnerMessage(raw)).toBeUndefined();
  });

  it("rejects values nested too deeply", () => {
    let value: unknown = { kind: "primitive", value: 1 };
    for (let i = 0; i < 100; i++) value = { kind: "array", items: [value] };
    expect(parseLearnerMessage({ type: "returned", id: 1, value })).toBeUndefined();
  });

  it("keeps a __proto__ key as data, never as a prototype", () => {
    const raw = JSON.parse('{"type":"loaded","id":1,"modules":{"__proto__":{"kind":"primitive","value":1}}}');
    const parsed = parseLearnerMessage(raw);
    if (parsed?.type !== "loaded") throw new Error("expected loaded");
    expect(Object.getPrototypeOf(parsed.modules)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed.modules, "__proto__")).toBe(true);
  });
});

describe("sql messages (the learner's statements for the lesson's database)", () => {
  it("accepts a statement with data parameters", () => {
    const message = { type: "sql", sqlId: 4, sql: "SELECT $1::int", params: [{ kind: "primitive", value: 1 }, { kind: "date", time: 0 }] };
    expect(parseLearnerMessage(message)).toEqual(message);
  });

  it("refuses a missing id, SQL that is not text, parameters that are not a list, and bad values", () => {
    for (const bad of [
      { type: "sql", sql: "SELECT 1", params: [] },
      { type: "sql", sqlId: 1, sql: 7, params: [] },
      { type: "sql", sqlId: 1, sql: "SELECT 1", params: "1" },
      { type: "sql", sqlId: 1, sql: "SELECT 1", params: [{ kind: "primitive", value: Infinity }] },
      { type: "sql", sqlId: 1, sql: "x".repeat(1_000_001), params: [] },
    ]) expect(parseLearnerMessage(bad)).toBeUndefined();
  });
});

describe("parseRemoteValue", () => {
  it("accepts every kind", () => {
    const value = { kind: "object", entries: [["a", { kind: "array", items: [{ kind: "special", value: "NaN" }, { kind: "bigint", value: "12" }, { kind: "date", time: 0 }, { kind: "opaque", description: "a Map" }, { kind: "function", handle: 2, name: "f" }] }]] };
    expect(parseRemoteValue(value)).toEqual(value);
  });
});

describe("app-fetch messages (the learner's tests calling a hosted app)", () => {
  const request = { method: "POST", url: "http://localhost/login", headers: [["content-type", "application/x-www-form-urlencoded"]], body: new Uint8Array([97, 61, 49]) };
  const message = { type: "app-fetch", fetchId: 4, app: 1, config: { kind: "object", entries: [["TESTING", { kind: "primitive", value: true }]] }, request };

  it("accepts a request with a data config", () => {
    expect(parseLearnerMessage(message)).toEqual(message);
  });

  it("refuses a URL that is not http(s), a method that is not a word, a huge body, and a bad app number", () => {
    for (const bad of [
      { ...message, request: { ...request, url: "javascript:alert(1)" } },
      { ...message, request: { ...request, url: "/relative" } },
      { ...message, request: { ...request, method: "GET /x" } },
      { ...message, request: { ...request, body: new Uint8Array(1_000_001) } },
      { ...message, app: 0 },
      { ...message, fetchId: -1 },
    ]) expect(parseLearnerMessage(bad)).toBeUndefined();
  });

  it("carries how far the test moved the app's clock, forward only and by at most about ten years", () => {
    expect(parseLearnerMessage({ ...message, clockMs: 61_000 })).toEqual({ ...message, clockMs: 61_000 });
    for (const clockMs of [-1, Number.NaN, Number.POSITIVE_INFINITY, "61000", 11 * 366 * 24 * 3600 * 1000]) {
      expect(parseLearnerMessage({ ...message, clockMs }), String(clockMs)).toBeUndefined();
    }
  });

  it("never lets the learner hand the grader the app factory marker as a value", () => {
    expect(parseLearnerMessage({ type: "returned", id: 1, value: { kind: "hosted-apps" } })).toBeUndefined();
    expect(parseLearnerMessage({ ...message, config: { kind: "hosted-apps" } })).toBeUndefined();
  });
});

describe("log messages (what the learner's code printed)", () => {
  it("accepts a printed text on stdout or stderr", () => {
    for (const message of [{ type: "log", stream: "stdout", text: '{"level":"info"}' }, { type: "log", stream: "stderr", text: "" }]) {
      expect(parseLearnerMessage(message)).toEqual(message);
    }
  });

  it("refuses another stream, a text that is not a string, and a text over the limit", () => {
    for (const bad of [
      { type: "log", stream: "report", text: "pass" },
      { type: "log", text: "no stream" },
      { type: "log", stream: "stdout", text: { toString: () => "x" } },
      { type: "log", stream: "stdout", text: "x".repeat(1_000_001) },
    ]) expect(parseLearnerMessage(bad)).toBeUndefined();
  });
});
