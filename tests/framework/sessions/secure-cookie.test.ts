// The signed-cookie session through real apps: opening, saving, cookie flags, expiry, bad
// cookies, key rotation, the digest option, and the errors for a missing key or an oversized cookie.
import { describe, expect, it } from "vitest";
import { Session, SessionInterface, Vial, abort, redirect, type VialRequest } from "vial";
import { MONTH, SECRET, cookieValue, readSession, sessionApp, setCookieFor, signSession, withSession } from "./helpers";

describe("a session through the test client", () => {
  it("is written when set and read back on the next request, in Flask's format", async () => {
    const { app } = sessionApp();
    app.post("/login", (req) => {
      req.session.set("user_id", 42);
      return "ok";
    });
    app.get("/me", (req) => ({ user: req.session.get("user_id") ?? null }));
    const client = app.testClient();
    expect(await (await client.get("/me")).json()).toEqual({ user: null });
    const login = await client.post("/login");
    expect(await readSession(cookieValue(login)!)).toEqual({ user_id: 42 });
    expect(await (await client.get("/me")).json()).toEqual({ user: 42 });
  });

  it("is open in before-request hooks, and changes made in after-request hooks are saved", async () => {
    const { app } = sessionApp();
    app.beforeRequest((req) => {
      req.g.seen = req.session.get("visits", 0);
    });
    app.afterRequest((res, req) => {
      req.session.set("visits", (req.g.seen as number) + 1);
      return res;
    });
    app.get("/", (req) => String(req.g.seen));
    const client = app.testClient();
    expect(await (await client.get("/")).text()).toBe("0");
    expect(await (await client.get("/")).text()).toBe("1");
    expect(await (await client.get("/")).text()).toBe("2");
  });

  it("is saved on error responses and on responses with immutable headers", async () => {
    const { app } = sessionApp();
    app.get("/denied", (req) => {
      req.session.set("tried", true);
      abort(403);
    });
    app.get("/go", (req) => {
      req.session.set("went", true);
      return Response.redirect("http://localhost/", 302);
    });
    const denied = await app.request("/denied");
    expect(denied.status).toBe(403);
    expect(await readSession(cookieValue(denied)!)).toEqual({ tried: true });
    const go = await app.request("/go");
    expect(go.status).toBe(302);
    expect(await readSession(cookieValue(go)!)).toEqual({ went: true });
    expect(go.headers.get("vary")).toBe("Cookie");
  });

  it("sends neither Set-Cookie nor Vary when the request never touched the session", async () => {
    const { app } = sessionApp();
    app.get("/", () => "static");
    const cookie = await signSession({ user_id: 1 });
    for (const res of [await app.request("/"), await withSession(app, "/", cookie)]) {
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(res.headers.get("vary")).toBeNull();
    }
  });

  it("answers Vary: Cookie without Set-Cookie when the session was only read", async () => {
    const { app } = sessionApp();
    app.get("/", (req) => String(req.session.get("user_id")));
    const res = await withSession(app, "/", await signSession({ user_id: 1 }));
    expect(await res.text()).toBe("1");
    expect(res.headers.get("vary")).toBe("Cookie");
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("merges Vary: Cookie into an existing Vary without duplicating it", async () => {
    const { app } = sessionApp();
    app.get("/encoding", (req) => (req.session.get("x"), new Response("a", { headers: { vary: "Accept-Encoding" } })));
    app.get("/already", (req) => (req.session.get("x"), new Response("b", { headers: { vary: "accept-encoding, cookie" } })));
    app.get("/star", (req) => (req.session.set("x", 1), new Response("c", { headers: { vary: "*" } })));
    expect((await app.request("/encoding")).headers.get("vary")).toBe("Accept-Encoding, Cookie");
    expect((await app.request("/already")).headers.get("vary")).toBe("accept-encoding, cookie");
    expect((await app.request("/star")).headers.get("vary")).toBe("*");
  });
});

describe("cookie flags", () => {
  const flagged = {
    SESSION_COOKIE_NAME: "__Secure-sid",
    SESSION_COOKIE_DOMAIN: "example.com",
    SESSION_COOKIE_PATH: "/app",
    SESSION_COOKIE_SECURE: true,
    SESSION_COOKIE_SAMESITE: "None" as const,
    SESSION_COOKIE_PARTITIONED: true,
    SESSION_COOKIE_HTTPONLY: false,
  };

  it("honours every SESSION_COOKIE_* setting when setting the cookie", async () => {
    const { app } = sessionApp(flagged);
    app.get("/set", (req) => (req.session.set("a", 1), "ok"));
    const header = setCookieFor(await app.request("/set"), "__Secure-sid")!;
    expect(header).toMatch(/^__Secure-sid=[^;]+; Domain=example\.com; Path=\/app; Secure; SameSite=None; Partitioned$/);
  });

  it("defaults to HttpOnly, no SameSite, Path = APPLICATION_ROOT, and a browser-session cookie", async () => {
    const { app } = sessionApp({ APPLICATION_ROOT: "/shop" });
    app.get("/set", (req) => (req.session.set("a", 1), "ok"));
    const header = setCookieFor(await app.request("/set"))!;
    expect(header).toMatch(/^session=[^;]+; Path=\/shop; HttpOnly$/);
  });

  it("deletes an emptied session's cookie with the same flags", async () => {
    const { app } = sessionApp(flagged);
    app.post("/logout", (req) => (req.session.clear(), "bye"));
    const res = await app.request("/logout", {
      method: "POST",
      headers: { cookie: `__Secure-sid=${await signSession({ user_id: 1 })}` },
    });
    expect(setCookieFor(res, "__Secure-sid")).toBe(
      "__Secure-sid=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Domain=example.com; Path=/app; Secure; SameSite=None; Partitioned",
    );
    expect(res.headers.get("vary")).toBe("Cookie");
  });

  it("lets the test client drop the cookie after logout", async () => {
    const { app } = sessionApp();
    app.post("/login", (req) => (req.session.set("user", "ada"), "in"));
    app.post("/logout", (req) => (req.session.delete("user"), "out"));
    app.get("/me", (req) => req.session.get("user", "nobody"));
    const client = app.testClient();
    await client.post("/login");
    expect(await (await client.get("/me")).text()).toBe("ada");
    await client.post("/logout");
    expect(client.cookies.get("session")).toBeUndefined();
    expect(await (await client.get("/me")).text()).toBe("nobody");
  });
});

describe("permanent sessions", () => {
  it("get Expires and Max-Age = PERMANENT_SESSION_LIFETIME", async () => {
    const { app } = sessionApp({ PERMANENT_SESSION_LIFETIME: 3600 });
    app.get("/", (req) => ((req.session.permanent = true), "ok"));
    const before = Date.now();
    const header = setCookieFor(await app.request("/"))!;
    expect(header).toContain("; Max-Age=3600; ");
    const expires = Date.parse(/Expires=([^;]+)/.exec(header)![1]!);
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3600_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 3600_000);
  });

  it("are refreshed on every request, unless SESSION_REFRESH_EACH_REQUEST is off", async () => {
    const cookie = await signSession({ _permanent: true, user: 1 });
    for (const refresh of [true, false]) {
      const { app } = sessionApp({ SESSION_REFRESH_EACH_REQUEST: refresh });
      app.get("/", () => "untouched");
      const res = await withSession(app, "/", cookie);
      expect(setCookieFor(res) !== undefined).toBe(refresh);
      expect(res.headers.get("vary")).toBe(refresh ? "Cookie" : null);
    }
  });
});

describe("bad cookies give an empty session, never an error", () => {
  const cases: [string, () => Promise<string>][] = [
    ["tampered", async () => (await signSession({ admin: false })).replace(/^[^.]+/, btoa('{"admin":true}').replace(/=+$/, ""))],
    ["signed with another key", () => signSession({ admin: true }, { keys: "other" })],
    ["expired", () => signSession({ admin: true }, { signedAt: Math.floor(Date.now() / 1000) - MONTH - 60 })],
    ["from the future", () => signSession({ admin: true }, { signedAt: Math.floor(Date.now() / 1000) + 3600 })],
    ["not an object", () => signSession(["admin"] as unknown as Record<string, unknown>)],
    ["not a signed value", async () => "garbage"],
    ["empty", async () => ""],
  ];
  it.each(cases)("%s", async (_name, makeCookie) => {
    const { app, errors } = sessionApp();
    app.get("/", (req) => ({ size: req.session.size, admin: req.session.get("admin") ?? null }));
    const res = await withSession(app, "/", await makeCookie());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ size: 0, admin: null });
    expect(errors).toEqual([]);
  });

  it("rejects a cookie older than a shortened PERMANENT_SESSION_LIFETIME", async () => {
    const { app } = sessionApp({ PERMANENT_SESSION_LIFETIME: 60 });
    app.get("/", (req) => String(req.session.get("n") ?? "none"));
    const now = Math.floor(Date.now() / 1000);
    expect(await (await withSession(app, "/", await signSession({ n: 1 }, { signedAt: now - 120 }))).text()).toBe("none");
    expect(await (await withSession(app, "/", await signSession({ n: 2 }, { signedAt: now - 10 }))).text()).toBe("2");
  });
});

describe("keys", () => {
  it("reads cookies signed by a fallback key and re-signs them with SECRET_KEY", async () => {
    const { app } = sessionApp({ SECRET_KEY: "new", SECRET_KEY_FALLBACKS: ["old"] });
    app.get("/", (req) => (req.session.set("n", req.session.get<number>("n", 0) + 1), "ok"));
    const res = await withSession(app, "/", await signSession({ n: 1 }, { keys: "old" }));
    const cookie = cookieValue(res)!;
    expect(await readSession(cookie, "new")).toEqual({ n: 2 });
    expect(await readSession(cookie, "old")).toBeUndefined();
  });

  it("signs with SHA-256 when SESSION_DIGEST says so", async () => {
    const { app } = sessionApp({ SESSION_DIGEST: "SHA-256" });
    app.get("/", (req) => (req.session.set("a", 1), String(req.session.get("b") ?? "")));
    const res = await withSession(app, "/", await signSession({ b: "sha256" }, { digest: "SHA-256" }));
    expect(await res.text()).toBe("sha256");
    expect(await readSession(cookieValue(res)!, SECRET, "SHA-256")).toEqual({ a: 1, b: "sha256" });
    expect(await readSession(cookieValue(res)!, SECRET, "SHA-1")).toBeUndefined();
  });

  it("refuses an unknown SESSION_DIGEST with a clear error", async () => {
    const { app, errors } = sessionApp({ SESSION_DIGEST: "MD5" as never, DEBUG: true });
    app.get("/", () => "ok");
    const res = await app.request("/");
    expect(res.status).toBe(500);
    expect(String(errors[0])).toMatch(/SESSION_DIGEST must be "SHA-1" or "SHA-256"/);
  });
});

describe("without SECRET_KEY", () => {
  it("reads an empty session and sends no cookie", async () => {
    const { app, errors } = sessionApp({ SECRET_KEY: undefined });
    app.get("/", (req) => ({ user: req.session.get("user") ?? null, has: req.session.has("user") }));
    const res = await withSession(app, "/", await signSession({ user: "ada" }));
    expect(await res.json()).toEqual({ user: null, has: false });
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(res.headers.get("vary")).toBeNull();
    expect(errors).toEqual([]);
  });

  it("fails a write with a 500 whose logged error says to set SECRET_KEY (shown in DEBUG)", async () => {
    for (const debug of [false, true]) {
      const { app, errors } = sessionApp({ SECRET_KEY: undefined, DEBUG: debug });
      app.post("/login", (req) => (req.session.set("user", "ada"), "ok"));
      const res = await app.request("/login", { method: "POST" });
      expect(res.status).toBe(500);
      expect((errors[0] as Error).message).toMatch(/no SECRET_KEY is set\. Set app\.config\.SECRET_KEY/);
      expect((await res.text()).includes("SECRET_KEY")).toBe(debug);
    }
  });
});

describe("MAX_COOKIE_SIZE", () => {
  /** Text that zlib cannot shrink much, so the cookie really is about this long. */
  const incompressible = (bytes: number) => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes))));

  it("makes an oversized session cookie an error that names its size", async () => {
    const { app, errors } = sessionApp({ DEBUG: true });
    app.get("/big", (req) => (req.session.set("blob", incompressible(4000)), "ok"));
    const res = await app.request("/big");
    expect(res.status).toBe(500);
    expect(setCookieFor(res)).toBeUndefined();
    expect((errors[0] as Error).message).toMatch(/^The session cookie "session" is \d{4,} bytes, larger than MAX_COOKIE_SIZE \(4093 bytes\)/);
    expect(await res.text()).toMatch(/is \d{4,} bytes/);
  });

  it("follows a configured limit", async () => {
    const { app } = sessionApp({ MAX_COOKIE_SIZE: 8000 });
    app.get("/big", (req) => (req.session.set("blob", incompressible(4000)), "ok"));
    const res = await app.request("/big");
    expect(res.status).toBe(200);
    expect(setCookieFor(res)!.length).toBeGreaterThan(4093);
  });
});

describe("app.sessionInterface", () => {
  it("can be replaced, like Flask's session_interface", async () => {
    class HeaderSessions extends SessionInterface {
      openSession(_app: Vial, req: VialRequest) {
        return new Session({ user: req.headers.get("x-user") });
      }
      saveSession(_app: Vial, session: Session, response: Response) {
        response.headers.set("x-saved", JSON.stringify(session.toJSON()));
        return response;
      }
    }
    const { app } = sessionApp();
    app.sessionInterface = new HeaderSessions();
    app.get("/", (req) => (req.session.set("seen", true), redirect("/next")));
    const res = await app.request("/", { headers: { "x-user": "ada" } });
    expect(res.headers.get("x-saved")).toBe('{"user":"ada","seen":true}');
  });
});
