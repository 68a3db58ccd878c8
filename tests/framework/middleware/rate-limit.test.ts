// rateLimit(): fixed windows per client, 429 with Retry-After, the IETF RateLimit headers, a
// pluggable store, and an in-memory store that forgets expired keys. A fake clock: no sleeping.
import { describe, expect, it } from "vitest";
import { Blueprint, Vial, json } from "vial";
import { setClientAddress } from "../../../framework/src/client-address";
import { proxyFix } from "../../../framework/src/middleware/proxy-fix";
import { MemoryStore, rateLimit, type RateLimitOptions, type RateLimitStore } from "../../../framework/src/middleware/rate-limit";

function fakeClock(start = 1_700_000_000_000) {
  let time = start;
  return { now: () => time, advance: (seconds: number) => (time += seconds * 1000) };
}

function limitedApp(options: Partial<RateLimitOptions> = {}) {
  const clock = fakeClock();
  const app = new Vial();
  app.use(rateLimit({ window: 60, max: 3, now: clock.now, ...options }));
  app.get("/", () => "ok");
  return { app, clock };
}

const from = (address: string, path = "/") => setClientAddress(new Request(`http://localhost${path}`), address);

describe("rateLimit", () => {
  it("allows max requests per window, then answers 429 with Retry-After", async () => {
    const { app, clock } = limitedApp();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await app.fetch(from("203.0.113.1"))).status);
    expect(statuses).toEqual([200, 200, 200]);
    clock.advance(20);
    const limited = await app.fetch(from("203.0.113.1"));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("40");
    expect(await limited.text()).toContain("Too many requests");
  });

  it("starts a new window when the old one ends", async () => {
    const { app, clock } = limitedApp({ max: 1 });
    expect((await app.fetch(from("203.0.113.1"))).status).toBe(200);
    expect((await app.fetch(from("203.0.113.1"))).status).toBe(429);
    clock.advance(59.999);
    expect((await app.fetch(from("203.0.113.1"))).status).toBe(429);
    clock.advance(0.001);
    expect((await app.fetch(from("203.0.113.1"))).status).toBe(200);
  });

  it("counts each client address separately; unknown addresses share one count", async () => {
    const { app } = limitedApp({ max: 1 });
    expect((await app.fetch(from("203.0.113.1"))).status).toBe(200);
    expect((await app.fetch(from("203.0.113.2"))).status).toBe(200);
    expect((await app.fetch(from("203.0.113.1"))).status).toBe(429);
    expect((await app.request("/")).status).toBe(200);
    expect((await app.request("/")).status).toBe(429);
  });

  it("limits by the forwarded address behind proxyFix", async () => {
    const clock = fakeClock();
    const app = new Vial();
    app.use(proxyFix());
    app.use(rateLimit({ window: 60, max: 1, now: clock.now }));
    app.get("/", () => "ok");
    const viaProxy = (client: string) => setClientAddress(new Request("http://localhost/", { headers: { "x-forwarded-for": client } }), "10.0.0.1");
    expect((await app.fetch(viaProxy("198.51.100.1"))).status).toBe(200);
    expect((await app.fetch(viaProxy("198.51.100.2"))).status).toBe(200);
    expect((await app.fetch(viaProxy("198.51.100.1"))).status).toBe(429);
  });

  it("takes a key function; undefined leaves the request unlimited", async () => {
    const { app } = limitedApp({ max: 1, key: (req) => req.headers.get("x-api-key") ?? undefined });
    const withKey = (key: string) => app.request("/", { headers: { "x-api-key": key } });
    expect((await withKey("a")).status).toBe(200);
    expect((await withKey("a")).status).toBe(429);
    expect((await withKey("b")).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const res = await app.request("/");
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit")).toBeNull();
    }
  });

  it("raises TooManyRequests, so an errorHandler(429) renders it and Retry-After stays", async () => {
    const { app } = limitedApp({ max: 1 });
    app.errorHandler(429, () => json({ error: "slow down" }, { status: 429 }));
    await app.request("/");
    const res = await app.request("/");
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ error: "slow down" });
    expect(res.headers.get("retry-after")).toBe("60");
  });

  it("counts routing errors too, when installed on the app", async () => {
    const { app } = limitedApp({ max: 1 });
    expect((await app.request("/nope")).status).toBe(404);
    expect((await app.request("/")).status).toBe(429);
  });
});

describe("rate-limit headers", () => {
  it("draft-8 (default): RateLimit-Policy and RateLimit on every response", async () => {
    const { app, clock } = limitedApp({ name: "api" });
    const first = await app.request("/");
    expect(first.headers.get("ratelimit-policy")).toBe('"api";q=3;w=60');
    expect(first.headers.get("ratelimit")).toBe('"api";r=2;t=60');
    clock.advance(15.5);
    expect((await app.request("/")).headers.get("ratelimit")).toBe('"api";r=1;t=45');
    await app.request("/");
    const limited = await app.request("/");
    expect(limited.headers.get("ratelimit")).toBe('"api";r=0;t=45');
    expect(first.headers.get("retry-after")).toBeNull();
  });

  it("draft-6: separate Limit, Remaining and Reset fields", async () => {
    const { app } = limitedApp({ headers: "draft-6" });
    const res = await app.request("/");
    expect(res.headers.get("ratelimit-limit")).toBe("3");
    expect(res.headers.get("ratelimit-remaining")).toBe("2");
    expect(res.headers.get("ratelimit-reset")).toBe("60");
    expect(res.headers.get("ratelimit")).toBeNull();
  });

  it("false: no RateLimit headers, but still 429 with Retry-After", async () => {
    const { app } = limitedApp({ headers: false, max: 1 });
    expect([...(await app.request("/")).headers.keys()].filter((name) => name.startsWith("ratelimit"))).toEqual([]);
    const limited = await app.request("/");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
  });

  it("on a blueprint: its routes only, and one list item per limiter when the app has one too", async () => {
    const clock = fakeClock();
    const app = new Vial();
    app.use(rateLimit({ window: 60, max: 100, now: clock.now }));
    const auth = new Blueprint("auth", { urlPrefix: "/auth" });
    auth.use(rateLimit({ window: 900, max: 2, name: "login", now: clock.now }));
    auth.post("/login", { endpoint: "login" }, () => "welcome");
    app.register(auth);
    app.get("/", () => "home");

    const home = await app.request("/");
    expect(home.headers.get("ratelimit")).toBe('"default";r=99;t=60');
    const login = await app.request("/auth/login", { method: "POST" });
    expect(login.headers.get("ratelimit-policy")).toBe('"login";q=2;w=900, "default";q=100;w=60');
    expect(login.headers.get("ratelimit")).toBe('"login";r=1;t=900, "default";r=98;t=60');
    await app.request("/auth/login", { method: "POST" });
    const blocked = await app.request("/auth/login", { method: "POST" });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("900");
    expect((await app.request("/")).status).toBe(200);
  });
});

describe("rate-limit stores", () => {
  it("calls a custom store with the named key and the window in milliseconds", async () => {
    const calls: [string, number][] = [];
    const store: RateLimitStore = {
      async increment(key, windowMs) {
        calls.push([key, windowMs]);
        return { count: 7, resetIn: 30_000 };
      },
    };
    const { app } = limitedApp({ store, max: 5, name: "search" });
    const res = await app.fetch(from("192.0.2.9"));
    expect(calls).toEqual([["search:192.0.2.9", 60_000]]);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("30");
  });

  it("the memory store removes expired keys as new hits arrive", async () => {
    const clock = fakeClock();
    const store = new MemoryStore({ now: clock.now });
    for (let i = 0; i < 1000; i++) await store.increment(`client-${i}`, 60_000);
    expect(store.size).toBe(1000);
    clock.advance(30);
    expect(await store.increment("client-0", 60_000)).toEqual({ count: 2, resetIn: 30_000 });
    await store.increment("mid", 60_000);
    expect(store.size).toBe(1001);
    clock.advance(30);
    expect(await store.increment("late", 60_000)).toEqual({ count: 1, resetIn: 60_000 });
    // The 1000 windows that began at 0 s ended at 60 s; "mid" lives until 90 s.
    expect(store.size).toBe(2);
    clock.advance(60);
    await store.increment("later", 60_000);
    expect(store.size).toBe(1);
  });

  it("the memory store forgets short windows that end after a longer one began (not insertion order)", async () => {
    const clock = fakeClock();
    const store = new MemoryStore({ now: clock.now });
    await store.increment("login:one", 15 * 60_000);
    for (let i = 0; i < 10_000; i++) await store.increment(`api:${i}`, 60_000);
    expect(store.size).toBe(10_001);
    clock.advance(60);
    await store.increment("login:one", 15 * 60_000);
    // Every minute window has ended: only the 15-minute key is left.
    expect(store.size).toBe(1);
    expect(await store.increment("login:one", 15 * 60_000)).toEqual({ count: 3, resetIn: 14 * 60_000 });
  });

  it("takes the time left from the store, not from its own clock", async () => {
    const store: RateLimitStore = { increment: async () => ({ count: 9, resetIn: 12_000 }) };
    // The app's clock is far from the store's: it must not matter.
    const { app } = limitedApp({ store, now: () => 0 });
    const res = await app.fetch(from("192.0.2.9"));
    expect(res.headers.get("retry-after")).toBe("12");
  });

  it("refuses nonsensical options when it is made", () => {
    expect(() => rateLimit({ window: 0, max: 1 })).toThrow(RangeError);
    expect(() => rateLimit({ window: 60, max: 1.5 })).toThrow(RangeError);
    expect(() => rateLimit({ window: 60, max: 0 })).toThrow(RangeError);
    expect(() => rateLimit({ window: 60, max: 1, name: 'a"b' })).toThrow(TypeError);
  });
});
