// flash / getFlashedMessages, after Flask's tests/test_basic.py::test_extended_flashing and
// test_flashes: messages are stored in the session under _flashes and shown once.
import { describe, expect, it } from "vitest";
import { Vial, flash, getFlashedMessages, redirect } from "vial";
import { sessionSerializer } from "../../framework/src/signing";

const SECRET = "flash-secret";

function flashingApp(): Vial {
  const app = new Vial({ config: { SECRET_KEY: SECRET }, logger: { error: () => {} } });
  app.post("/save", (req) => {
    flash(req, "Hello World");
    flash(req, "Hello World", "error");
    flash(req, "<h1>Testing</h1>", "warning");
    return redirect("/");
  });
  return app;
}

describe("flash", () => {
  it("shows each message once, on the next page that asks", async () => {
    const app = flashingApp();
    app.get("/", (req) => getFlashedMessages(req));
    const client = app.testClient();
    await client.post("/save");
    expect(await (await client.get("/")).json()).toEqual(["Hello World", "Hello World", "<h1>Testing</h1>"]);
    expect(await (await client.get("/")).json()).toEqual([]);
  });

  it("stores [category, message] pairs under _flashes, as Flask does", async () => {
    const res = await flashingApp().request("/save", { method: "POST" });
    const cookie = res.headers.getSetCookie()[0]!.split(";")[0]!.slice("session=".length);
    expect(await sessionSerializer(SECRET).loads(cookie)).toEqual({
      _flashes: [
        ["message", "Hello World"],
        ["error", "Hello World"],
        ["warning", "<h1>Testing</h1>"],
      ],
    });
  });

  it("returns pairs withCategories and filters by categoryFilter", async () => {
    const app = flashingApp();
    app.get("/pairs", (req) => getFlashedMessages(req, { withCategories: true }));
    app.get("/filtered", (req) => getFlashedMessages(req, { categoryFilter: ["message", "warning"] }));
    app.get("/filtered-pairs", (req) => getFlashedMessages(req, { withCategories: true, categoryFilter: "error" }));
    const cases: [string, unknown][] = [
      ["/pairs", [["message", "Hello World"], ["error", "Hello World"], ["warning", "<h1>Testing</h1>"]]],
      ["/filtered", ["Hello World", "<h1>Testing</h1>"]],
      ["/filtered-pairs", [["error", "Hello World"]]],
    ];
    for (const [path, expected] of cases) {
      const client = app.testClient();
      await client.post("/save");
      expect(await (await client.get(path)).json()).toEqual(expected);
      expect(await (await client.get("/pairs")).json()).toEqual([]);
    }
  });

  it("keeps the messages for the rest of the request after the first call", async () => {
    const app = flashingApp();
    app.get("/", (req) => ({
      errors: getFlashedMessages(req, { categoryFilter: ["error"] }),
      all: getFlashedMessages(req),
      again: getFlashedMessages(req, { withCategories: true }).length,
    }));
    const client = app.testClient();
    await client.post("/save");
    expect(await (await client.get("/")).json()).toEqual({
      errors: ["Hello World"],
      all: ["Hello World", "Hello World", "<h1>Testing</h1>"],
      again: 3,
    });
  });

  it("deletes the session cookie once the last messages are shown", async () => {
    const app = flashingApp();
    app.get("/", (req) => getFlashedMessages(req).length);
    const client = app.testClient();
    await client.post("/save");
    const shown = await client.get("/");
    expect(shown.headers.getSetCookie()[0]).toMatch(/^session=; Max-Age=0;/);
    expect(client.cookies.get("session")).toBeUndefined();
  });

  it("adds to messages flashed earlier and keeps other session data", async () => {
    const app = flashingApp();
    app.post("/one", (req) => (req.session.set("user", "ada"), flash(req, "one"), "ok"));
    app.post("/two", (req) => (flash(req, "two", "info"), "ok"));
    app.get("/", (req) => ({ messages: getFlashedMessages(req, { withCategories: true }), user: req.session.get("user") }));
    const client = app.testClient();
    await client.post("/one");
    await client.post("/two");
    expect(await (await client.get("/")).json()).toEqual({ messages: [["message", "one"], ["info", "two"]], user: "ada" });
  });

  it("reads an empty list without SECRET_KEY, and flashing then says to set it", async () => {
    const errors: Error[] = [];
    const app = new Vial({ logger: { error: (_m, e) => errors.push(e as Error) } });
    app.get("/", (req) => getFlashedMessages(req));
    app.post("/flash", (req) => (flash(req, "hi"), "ok"));
    expect(await (await app.request("/")).json()).toEqual([]);
    expect((await app.request("/flash", { method: "POST" })).status).toBe(500);
    expect(errors[0]?.message).toMatch(/SECRET_KEY/);
  });

  it("ignores a malformed _flashes value instead of failing", async () => {
    const app = flashingApp();
    app.get("/", (req) => getFlashedMessages(req, { withCategories: true }));
    for (const stored of ["oops", [["only-one"]], [["error", "kept"], 3]]) {
      const cookie = await sessionSerializer(SECRET).dumps({ _flashes: stored });
      const res = await app.request("/", { headers: { cookie: `session=${cookie}` } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(Array.isArray(stored) && stored.length === 2 ? [["error", "kept"]] : []);
    }
  });
});
