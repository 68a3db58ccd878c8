// Return-value coercion, ported from Flask's tests/test_basic.py (test_response_types,
// test_response_type_errors, test_make_response).
import { describe, expect, it } from "vitest";
import { Vial, json, redirect, text } from "vial";

async function answer(value: () => unknown) {
  const app = new Vial();
  app.get("/", { endpoint: "view" }, value);
  return app.request("/");
}

describe("return values", () => {
  it("sends a string as HTML", async () => {
    const res = await answer(() => "Hello");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await res.text()).toBe("Hello");
  });

  it("sends objects and arrays as JSON", async () => {
    const object = await answer(() => ({ a: 1, b: [true, null] }));
    expect(object.headers.get("content-type")).toBe("application/json");
    expect(await object.json()).toEqual({ a: 1, b: [true, null] });
    const list = await answer(() => [1, 2, 3]);
    expect(await list.json()).toEqual([1, 2, 3]);
  });

  it("keeps a Response", async () => {
    const res = await answer(() => new Response("raw", { status: 202, headers: { "x-a": "b" } }));
    expect(res.status).toBe(202);
    expect(res.headers.get("x-a")).toBe("b");
  });

  it("reads [body, status], [body, status, headers] and [body, headers]", async () => {
    const created = await answer(() => ["made", 201]);
    expect(created.status).toBe(201);
    expect(await created.text()).toBe("made");

    const withHeaders = await answer(() => [{ id: 1 }, 201, { location: "/items/1" }]);
    expect(withHeaders.status).toBe(201);
    expect(withHeaders.headers.get("location")).toBe("/items/1");
    expect(await withHeaders.json()).toEqual({ id: 1 });

    const headersOnly = await answer(() => ["body", { "x-mark": "1" }]);
    expect(headersOnly.status).toBe(200);
    expect(headersOnly.headers.get("x-mark")).toBe("1");

    const overResponse = await answer(() => [text("t", { headers: { "x-a": "1" } }), 404, new Headers({ "x-b": "2" })]);
    expect(overResponse.status).toBe(404);
    expect(overResponse.headers.get("x-a")).toBe("1");
    expect(overResponse.headers.get("x-b")).toBe("2");
  });

  it("sends no body for [\"\", 204]", async () => {
    const res = await answer(() => ["", 204]);
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
  });

  it("treats other arrays as JSON", async () => {
    const res = await answer(() => ["a", "b"]);
    expect(await res.json()).toEqual(["a", "b"]);
    const mixed = await answer(() => [1, "x", 3, 4]);
    expect(await mixed.json()).toEqual([1, "x", 3, 4]);
  });

  it("streams generators and async iterables", async () => {
    const sync = await answer(function* () {
      yield "a";
      yield "b";
    });
    expect(await sync.text()).toBe("ab");
    const asyncGen = await answer(async function* () {
      yield "x";
      await Promise.resolve();
      yield new TextEncoder().encode("y");
    });
    expect(await asyncGen.text()).toBe("xy");
    const stream = await answer(() => new Blob(["blob"]).stream());
    expect(await stream.text()).toBe("blob");
  });

  it("is a clear 500 when a handler returns nothing", async () => {
    const errors: unknown[] = [];
    const app = new Vial({ logger: { error: (_m, e) => errors.push(e) } });
    app.get("/", { endpoint: "forgetful" }, () => undefined);
    const res = await app.request("/");
    expect(res.status).toBe(500);
    expect(String(errors[0])).toMatch(/endpoint "forgetful" did not return a response/);
  });

  it("refuses numbers and booleans", async () => {
    const app = new Vial({ logger: { error: () => {} } });
    app.get("/n", { endpoint: "n" }, () => 42);
    app.get("/b", { endpoint: "b" }, () => true);
    expect((await app.request("/n")).status).toBe(500);
    expect((await app.request("/b")).status).toBe(500);
  });
});

describe("helpers", () => {
  it("json() sets the type, status and headers, and refuses undefined", async () => {
    const res = json({ ok: true }, { status: 201, headers: { "x-a": "1" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("x-a")).toBe("1");
    expect(await res.json()).toEqual({ ok: true });
    expect(() => json(undefined)).toThrow(TypeError);
  });

  it("text() is plain text", () => {
    expect(text("hi").headers.get("content-type")).toBe("text/plain; charset=utf-8");
  });

  it("redirect() defaults to 302, accepts other 3xx, encodes the location", async () => {
    const res = redirect("/next");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/next");
    expect(redirect("/x", 301).status).toBe(301);
    expect(redirect("/café").headers.get("location")).toBe("/caf%C3%A9");
    expect(() => redirect("/x", 200)).toThrow(RangeError);
  });

  it("redirect() refuses CR and LF with a 400, so headers cannot be split", async () => {
    const app = new Vial();
    app.get("/go", (req) => redirect(req.query.get("next") ?? "/"));
    const res = await app.request("/go?next=%2F%0D%0ASet-Cookie:%20x=1");
    expect(res.status).toBe(400);
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});
