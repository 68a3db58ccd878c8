// Error handlers and lifecycle hooks — ported from Flask's tests/test_user_error_handler.py and
// tests/test_basic.py (test_error_handling, test_before_request_and_routing_errors,
// test_after_request_processing, test_teardown_request_handler*, test_request_processing_order).
import { describe, expect, it } from "vitest";
import { Forbidden, HTTPError, InternalServerError, NotFound, Vial, abort, json } from "vial";

const quiet = { logger: { error: () => {} } };

describe("error handlers", () => {
  it("handle by code", async () => {
    const app = new Vial();
    app.errorHandler(404, () => ["not found", 404]);
    app.errorHandler(403, () => ["forbidden", 403]);
    app.get("/forbidden", () => abort(403));
    expect(await (await app.request("/missing")).text()).toBe("not found");
    expect(await (await app.request("/forbidden")).text()).toBe("forbidden");
  });

  it("handle a 500 for an unhandled exception, with the original error", async () => {
    const app = new Vial(quiet);
    app.get("/", () => {
      throw new Error("boom");
    });
    app.errorHandler(500, (err: InternalServerError) => [`internal: ${(err.originalError as Error).message}`, 500]);
    const res = await app.request("/");
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("internal: boom");
  });

  it("look up by class along the prototype chain, the nearest class first", async () => {
    class ParentError extends Error {}
    class ChildError extends ParentError {}
    class GrandChildError extends ChildError {}
    const app = new Vial();
    app.errorHandler(ParentError, () => "parent");
    app.errorHandler(ChildError, () => "child");
    app.get("/parent", () => { throw new ParentError(); });
    app.get("/child", () => { throw new ChildError(); });
    app.get("/grandchild", () => { throw new GrandChildError(); });
    expect(await (await app.request("/parent")).text()).toBe("parent");
    expect(await (await app.request("/child")).text()).toBe("child");
    expect(await (await app.request("/grandchild")).text()).toBe("child");
  });

  it("fall back to a 500 when no class matches", async () => {
    class Handled extends Error {}
    const app = new Vial(quiet);
    app.errorHandler(Handled, () => "handled");
    app.get("/", () => { throw new TypeError("other"); });
    expect((await app.request("/")).status).toBe(500);
  });

  it("register an HTTPError subclass by its code, and HTTPError for every HTTP error", async () => {
    const app = new Vial();
    app.errorHandler(Forbidden, () => ["forbidden by class", 403]);
    app.errorHandler(HTTPError, (err: HTTPError) => [`http ${err.status}`, err.status]);
    app.get("/f", () => abort(403));
    app.get("/teapot", () => abort(418));
    expect(await (await app.request("/f")).text()).toBe("forbidden by class");
    expect(await (await app.request("/teapot")).text()).toBe("http 418");
    expect(await (await app.request("/nowhere")).text()).toBe("http 404");
  });

  it("prefer a code handler over a class handler", async () => {
    const app = new Vial();
    app.errorHandler(HTTPError, () => "class");
    app.errorHandler(404, () => "code");
    expect(await (await app.request("/nowhere")).text()).toBe("code");
  });

  it("refuse codes that are not errors", () => {
    expect(() => new Vial().errorHandler(200, () => "x")).toThrow(RangeError);
  });

  it("make JSON errors for an API", async () => {
    const app = new Vial();
    app.errorHandler(NotFound, (err: HTTPError) => json({ error: err.phrase }, { status: 404 }));
    const res = await app.request("/missing");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ error: "Not Found" });
  });
});

describe("unhandled errors", () => {
  it("are a 500 without a stack trace, logged once with method and path", async () => {
    const logged: string[] = [];
    const app = new Vial({ logger: { error: (message) => logged.push(message) } });
    app.get("/explode", () => {
      throw new Error("secret detail");
    });
    const res = await app.request("/explode");
    const body = await res.text();
    expect(res.status).toBe(500);
    expect(body).not.toContain("secret detail");
    expect(body).not.toContain("at ");
    expect(logged).toEqual(["Exception on /explode [GET]"]);
  });

  it("show the stack trace in DEBUG", async () => {
    const app = new Vial({ config: { DEBUG: true }, ...quiet });
    app.get("/", () => {
      throw new Error("visible detail");
    });
    expect(await (await app.request("/")).text()).toContain("visible detail");
  });

  it("survive a failing 500 handler", async () => {
    const app = new Vial(quiet);
    app.get("/", () => { throw new Error("a"); });
    app.errorHandler(500, () => { throw new Error("b"); });
    expect((await app.request("/")).status).toBe(500);
  });
});

describe("hooks", () => {
  it("run before-request hooks in order; a returned value ends the request", async () => {
    const calls: string[] = [];
    const app = new Vial();
    app.beforeRequest(() => { calls.push("first"); });
    app.beforeRequest((req) => { calls.push("second"); if (req.path === "/stop") return "stopped"; });
    app.beforeRequest(() => { calls.push("third"); });
    app.get("/stop", () => "handler");
    expect(await (await app.request("/stop")).text()).toBe("stopped");
    expect(calls).toEqual(["first", "second"]);
  });

  it("run before-request hooks even when routing fails", async () => {
    const seen: string[] = [];
    const app = new Vial();
    app.beforeRequest((req) => { seen.push(req.path); });
    expect((await app.request("/missing")).status).toBe(404);
    expect(seen).toEqual(["/missing"]);
  });

  it("run after-request hooks in reverse order, also on error responses", async () => {
    const order: string[] = [];
    const app = new Vial(quiet);
    app.afterRequest((res) => { order.push("registered first"); res.headers.set("x-first", "1"); return res; });
    app.afterRequest((res) => { order.push("registered second"); return res; });
    app.get("/boom", () => { throw new Error("x"); });
    const ok = await app.request("/missing");
    expect(ok.headers.get("x-first")).toBe("1");
    expect(order).toEqual(["registered second", "registered first"]);
    const failed = await app.request("/boom");
    expect(failed.status).toBe(500);
    expect(failed.headers.get("x-first")).toBe("1");
  });

  it("let an after-request hook replace the response", async () => {
    const app = new Vial();
    app.get("/", () => "original");
    app.afterRequest(() => new Response("replaced"));
    expect(await (await app.request("/")).text()).toBe("replaced");
  });

  it("always run teardown hooks, with the unhandled error", async () => {
    const seen: unknown[] = [];
    const app = new Vial(quiet);
    app.teardownRequest((err) => { seen.push(err); });
    app.get("/ok", () => "ok");
    app.get("/boom", () => { throw new Error("boom"); });
    app.get("/handled", () => abort(404));
    await app.request("/ok");
    await app.request("/boom");
    await app.request("/handled");
    expect(seen[0]).toBeUndefined();
    expect((seen[1] as Error).message).toBe("boom");
    expect(seen[2]).toBeUndefined();
  });

  it("keep running teardown hooks when one throws", async () => {
    const ran: string[] = [];
    const app = new Vial(quiet);
    app.teardownRequest(() => { ran.push("a"); });
    app.teardownRequest(() => { throw new Error("teardown"); });
    app.get("/", () => "x");
    expect((await app.request("/")).status).toBe(200);
    expect(ran).toEqual(["a"]);
  });

  it("give each request its own g", async () => {
    const app = new Vial();
    app.beforeRequest((req) => { req.g.user = req.query.get("u"); });
    app.get("/", (req) => String(req.g.user));
    expect(await (await app.request("/?u=ada")).text()).toBe("ada");
    expect(await (await app.request("/")).text()).toBe("undefined");
  });
});
