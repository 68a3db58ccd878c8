// Blueprints — ported from Flask's tests/test_blueprints.py (prefix joining, nesting, scoped
// hooks and error handlers, name rules, url_for with relative names).
import { describe, expect, it } from "vitest";
import { Blueprint, Vial, abort } from "vial";

describe("blueprint registration", () => {
  it.each([
    ["", "/", "/"],
    ["/", "", "/"],
    ["/", "/", "/"],
    ["/foo", "", "/foo"],
    ["/foo/", "", "/foo/"],
    ["", "/bar", "/bar"],
    ["/foo/", "/bar", "/foo/bar"],
    ["/foo/", "bar", "/foo/bar"],
    ["/foo", "/bar", "/foo/bar"],
    ["/foo/", "//bar", "/foo/bar"],
    ["/foo//", "/bar", "/foo/bar"],
  ])("joins prefix %j and rule %j into %j", async (prefix, rule, expected) => {
    const bp = new Blueprint("test", { urlPrefix: prefix });
    bp.get(rule, { endpoint: "index" }, () => "ok");
    const app = new Vial();
    app.register(bp);
    expect(app.urlFor("test.index")).toBe(expected);
    expect((await app.request(expected)).status).toBe(200);
  });

  it("refuses empty or dotted names and duplicate names", () => {
    expect(() => new Blueprint("")).toThrow(/empty/);
    expect(() => new Blueprint("a.b")).toThrow(/dot/);
    const app = new Vial();
    app.register(new Blueprint("bp"));
    expect(() => app.register(new Blueprint("bp"))).toThrow(/already registered/);
    const again = new Blueprint("again");
    app.register(again, { urlPrefix: "/one" });
    expect(() => app.register(again)).toThrow(/already registered/);
    expect(() => app.register(again, { name: "again2", urlPrefix: "/two" })).not.toThrow();
  });

  it("lets a registration override the prefix", async () => {
    const bp = new Blueprint("bp", { urlPrefix: "/old" });
    bp.get("/x", { endpoint: "x" }, () => "x");
    const app = new Vial();
    app.register(bp, { urlPrefix: "/new" });
    expect(app.urlFor("bp.x")).toBe("/new/x");
  });

  it("refuses routes added after registration", () => {
    const bp = new Blueprint("late");
    new Vial().register(bp);
    expect(() => bp.get("/x", () => "x")).toThrow(/already registered/);
  });
});

describe("nested blueprints", () => {
  function build() {
    const parent = new Blueprint("parent", { urlPrefix: "/parent" });
    const child = new Blueprint("child", { urlPrefix: "/child" });
    const grandchild = new Blueprint("grandchild", { urlPrefix: "/grandchild" });
    parent.get("/", { endpoint: "index" }, () => "Parent yes");
    parent.get("/no", { endpoint: "no" }, () => abort(403));
    parent.errorHandler(403, () => ["Parent no", 403]);
    child.get("/", { endpoint: "index" }, () => "Child yes");
    child.get("/no", { endpoint: "no" }, () => abort(403));
    child.errorHandler(403, () => ["Child no", 403]);
    grandchild.get("/", { endpoint: "index" }, () => "Grandchild yes");
    grandchild.get("/no", { endpoint: "no" }, () => abort(403));
    child.register(grandchild);
    parent.register(child);
    const app = new Vial();
    app.errorHandler(403, () => ["App no", 403]);
    app.register(parent);
    return app;
  }

  it("joins prefixes and dotted names", async () => {
    const app = build();
    expect(await (await app.request("/parent/")).text()).toBe("Parent yes");
    expect(await (await app.request("/parent/child/")).text()).toBe("Child yes");
    expect(await (await app.request("/parent/child/grandchild/")).text()).toBe("Grandchild yes");
    expect(app.urlFor("parent.child.grandchild.index")).toBe("/parent/child/grandchild/");
  });

  it("uses the innermost error handler, then outer ones, then the app's", async () => {
    const app = build();
    expect(await (await app.request("/parent/no")).text()).toBe("Parent no");
    expect(await (await app.request("/parent/child/no")).text()).toBe("Child no");
    expect(await (await app.request("/parent/child/grandchild/no")).text()).toBe("Child no");
    // A routing 404 belongs to no blueprint, so only app handlers see it.
    expect((await app.request("/parent/missing")).status).toBe(404);
  });
});

describe("scoped hooks and handlers", () => {
  it("runs a blueprint's hooks only for its routes, app hooks outside-in / inside-out", async () => {
    const order: string[] = [];
    const bp = new Blueprint("bp", { urlPrefix: "/bp" });
    bp.beforeRequest(() => { order.push("bp before"); });
    bp.afterRequest((res) => { order.push("bp after"); return res; });
    bp.teardownRequest(() => { order.push("bp teardown"); });
    bp.get("/", { endpoint: "index" }, () => { order.push("view"); return "bp"; });
    const app = new Vial();
    app.beforeRequest(() => { order.push("app before"); });
    app.afterRequest((res) => { order.push("app after"); return res; });
    app.teardownRequest(() => { order.push("app teardown"); });
    app.get("/", () => { order.push("view"); return "app"; });
    app.register(bp);

    await app.request("/bp/");
    expect(order).toEqual(["app before", "bp before", "view", "bp after", "app after", "bp teardown", "app teardown"]);
    order.length = 0;
    await app.request("/");
    expect(order).toEqual(["app before", "view", "app after", "app teardown"]);
  });

  it("prefers the blueprint's code handler, then the app's code handler, then class handlers", async () => {
    class Oops extends Error {}
    const bp = new Blueprint("bp", { urlPrefix: "/bp" });
    bp.errorHandler(Oops, () => "bp class");
    bp.get("/oops", { endpoint: "oops" }, () => { throw new Oops(); });
    bp.get("/forbidden", { endpoint: "forbidden" }, () => abort(403));
    bp.errorHandler(Error, () => "bp Error");
    const app = new Vial();
    app.errorHandler(403, () => "app code");
    app.errorHandler(Oops, () => "app class");
    app.get("/oops", { endpoint: "oops" }, () => { throw new Oops(); });
    app.register(bp);
    expect(await (await app.request("/bp/oops")).text()).toBe("bp class");
    expect(await (await app.request("/oops")).text()).toBe("app class");
    // A code handler anywhere beats a class handler (Flask: bp code, app code, bp class, app class).
    expect(await (await app.request("/bp/forbidden")).text()).toBe("app code");
  });
});

describe("urlFor in blueprints", () => {
  it("resolves .name relative to the request's blueprint", async () => {
    const bp = new Blueprint("auth", { urlPrefix: "/auth" });
    bp.get("/login", { endpoint: "login" }, (req) => req.urlFor(".logout"));
    bp.get("/logout", { endpoint: "logout" }, () => "bye");
    const app = new Vial();
    app.get("/", { endpoint: "index" }, (req) => req.urlFor(".index"));
    app.register(bp);
    expect(await (await app.request("/auth/login")).text()).toBe("/auth/logout");
    expect(await (await app.request("/")).text()).toBe("/");
  });
});

describe("blueprint URL defaults", () => {
  it("gives every route the blueprint's urlDefaults, under the registration's and the route's own", async () => {
    // Flask: Blueprint(url_defaults=...) updated by register_blueprint(url_defaults=...), then
    // the rule's own defaults on top.
    const bp = new Blueprint("bp", { urlDefaults: { lang: "en", theme: "light" } });
    bp.get("/a", (req) => JSON.stringify(req.params));
    bp.get("/b", { defaults: { theme: "dark" } }, (req) => JSON.stringify(req.params));
    const app = new Vial();
    app.register(bp, { urlDefaults: { lang: "de" } });
    expect(JSON.parse(await (await app.request("/a")).text())).toEqual({ lang: "de", theme: "light" });
    expect(JSON.parse(await (await app.request("/b")).text())).toEqual({ lang: "de", theme: "dark" });
  });

  it("refuses a dotted endpoint or handler name when the route is declared", () => {
    const bp = new Blueprint("bp");
    expect(() => bp.get("/", { endpoint: "x.y" }, () => "")).toThrow(/must not contain a dot/);
    expect(() => bp.get("/", Object.defineProperty(() => "", "name", { value: "x.y" }))).toThrow(/must not have a dot/);
    bp.get("/file.txt", () => "anonymous handlers are named after the rule");
  });
});
