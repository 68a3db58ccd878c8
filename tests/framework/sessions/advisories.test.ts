// Regressions for Flask's published session advisories, ported from Flask's tests/test_basic.py.
import { describe, expect, it } from "vitest";
import type { VialRequest } from "vial";
import { cookieValue, readSession, sessionApp, setCookieFor, signSession, withSession } from "./helpers";

describe("CVE-2023-30861: Vary: Cookie when a permanent session is only refreshed", () => {
  it("sends Vary with the refreshed cookie although the handler never read the session", async () => {
    const { app } = sessionApp();
    app.get("/login", (req) => ((req.session.permanent = true), (req.session.set("a", "test"), "")));
    app.get("/no-vary-header", () => "");
    const client = app.testClient();
    await client.get("/login");
    const res = await client.get("/no-vary-header");
    expect(setCookieFor(res)).toBeDefined();
    expect(res.headers.get("vary")).toBe("Cookie");
  });
});

describe("CVE-2026-27205 and test_session_vary_cookie: every kind of access sends Vary: Cookie", () => {
  const accesses: [string, (req: VialRequest) => unknown][] = [
    ["set", (req) => req.session.set("test", "test")],
    ["get", (req) => req.session.get("test")],
    ["has (Python's `in`)", (req) => req.session.has("test")],
    ["size (Python's `len`)", (req) => req.session.size],
    ["keys", (req) => req.session.keys()],
    ["entries", (req) => req.session.entries()],
    ["permanent", (req) => req.session.permanent],
    ["pop of a missing key", (req) => req.session.pop("missing")],
  ];

  it.each(accesses)("%s", async (_name, access) => {
    const { app } = sessionApp();
    app.get("/", (req) => (access(req), ""));
    for (const cookie of [undefined, await signSession({ test: "x" })]) {
      const res = cookie === undefined ? await app.request("/") : await withSession(app, "/", cookie);
      expect(res.headers.get("vary")).toBe("Cookie");
    }
  });

  it("merges with the Vary the handler set, as Flask's vary-header-set case", async () => {
    const { app } = sessionApp();
    app.get("/", (req) => (req.session.get("test"), new Response("", { headers: { vary: "Accept-Encoding" } })));
    app.get("/cookie-already", (req) => (req.session.get("test"), new Response("", { headers: { vary: "Cookie" } })));
    expect((await app.request("/")).headers.get("vary")).toBe("Accept-Encoding, Cookie");
    expect((await app.request("/cookie-already")).headers.get("vary")).toBe("Cookie");
  });

  it("sends no Vary when the session was not touched", async () => {
    const { app } = sessionApp();
    app.get("/", () => "");
    expect((await withSession(app, "/", await signSession({ test: "x" }))).headers.get("vary")).toBeNull();
  });
});

describe("CVE-2025-47278: SECRET_KEY_FALLBACKS only verify, never sign", () => {
  it("signs with SECRET_KEY whatever the number of fallbacks, and reads cookies of each key", async () => {
    const { app } = sessionApp({ SECRET_KEY: "c", SECRET_KEY_FALLBACKS: ["a", "b"] });
    app.get("/", (req) => (req.session.set("seen", [...(req.session.get<string[]>("seen") ?? []), "vial"]), ""));
    const fresh = cookieValue(await app.request("/"))!;
    expect(await readSession(fresh, "c")).toEqual({ seen: ["vial"] });
    expect(await readSession(fresh, "a")).toBeUndefined();
    expect(await readSession(fresh, "b")).toBeUndefined();

    for (const key of ["a", "b", "c"]) {
      const res = await withSession(app, "/", await signSession({ seen: [key] }, { keys: key }));
      const rewritten = cookieValue(res)!;
      expect(await readSession(rewritten, "c")).toEqual({ seen: [key, "vial"] });
      expect(await readSession(rewritten, key === "c" ? "a" : key)).toBeUndefined();
    }
  });

  it("refuses cookies signed by keys that were dropped from the rotation", async () => {
    const { app } = sessionApp({ SECRET_KEY: "c", SECRET_KEY_FALLBACKS: ["b"] });
    app.get("/", (req) => String(req.session.get("who") ?? "nobody"));
    expect(await (await withSession(app, "/", await signSession({ who: "old" }, { keys: "a" }))).text()).toBe("nobody");
    expect(await (await withSession(app, "/", await signSession({ who: "b" }, { keys: "b" }))).text()).toBe("b");
  });
});
