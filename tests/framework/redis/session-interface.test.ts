// RedisSessionInterface against a real redis-server: the cookie carries only a signed random id,
// every app instance with the same keys reads the same session, keys rotate through
// SECRET_KEY_FALLBACKS, and clearing or regenerating a session removes its data from Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Vial, type ConfigValues } from "vial";
import { RedisSession, RedisSessionInterface } from "vial/redis";
import { redisUnavailable, startRedis, type ThrowawayRedis } from "./redis-server";

const PREFIX = "session-test:";

describe.skipIf(redisUnavailable)("RedisSessionInterface", () => {
  let redis: ThrowawayRedis;
  beforeAll(async () => (redis = await startRedis()));
  afterAll(() => redis?.stop());

  function instance(config: Partial<ConfigValues> = { SECRET_KEY: "current" }) {
    const app = new Vial({ config });
    app.sessionInterface = new RedisSessionInterface(redis.client, { prefix: PREFIX });
    app.post("/login", (req) => {
      if (req.session instanceof RedisSession) req.session.regenerate();
      req.session.set("user", "ada");
      req.session.set("since", new Date(0));
      return "in";
    });
    app.get("/me", (req) => ({ user: req.session.get("user") ?? null, since: String(req.session.get("since") ?? "") }));
    app.post("/logout", (req) => {
      req.session.clear();
      return "out";
    });
    return app;
  }

  /** The session cookie's `name=value` from a response, for the next request's Cookie header. */
  const cookieOf = (res: Response) => res.headers.getSetCookie()[0]!.split(";")[0]!;
  const idIn = (cookie: string) => decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1)).split(".")[0]!;

  it("keeps the data in Redis and only a signed id in the cookie, for every instance", async () => {
    const login = await instance().request("/login", { method: "POST" });
    const cookie = cookieOf(login);
    expect(cookie).not.toContain("ada");
    expect(await redis.client.get(PREFIX + idIn(cookie))).toContain("ada");
    const other = instance();
    const me = await other.request("/me", { headers: { cookie } });
    expect(await me.json()).toEqual({ user: "ada", since: new Date(0).toString() });
    expect(me.headers.get("vary")).toContain("Cookie");
  });

  it("expires the data with PERMANENT_SESSION_LIFETIME", async () => {
    const cookie = cookieOf(await instance({ SECRET_KEY: "current", PERMANENT_SESSION_LIFETIME: 120 }).request("/login", { method: "POST" }));
    const ttl = await redis.client.pttl(PREFIX + idIn(cookie));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(120_000);
  });

  it("gives an empty session for a forged id, a bad signature or an id Redis does not know", async () => {
    const cookie = cookieOf(await instance().request("/login", { method: "POST" }));
    const [name, value] = cookie.split("=") as [string, string];
    const forged = [`${name}=${idIn(cookie)}x.${value.split(".")[1]}`, `${name}=${idIn(cookie)}.bad`, `${name}=unknown`];
    for (const attempt of forged) expect(await (await instance().request("/me", { headers: { cookie: attempt } })).json()).toMatchObject({ user: null });
    const signedByAnother = cookieOf(await instance({ SECRET_KEY: "someone else" }).request("/login", { method: "POST" }));
    expect(await (await instance().request("/me", { headers: { cookie: signedByAnother } })).json()).toMatchObject({ user: null });
  });

  it("reads sessions signed with a key moved to SECRET_KEY_FALLBACKS", async () => {
    const cookie = cookieOf(await instance({ SECRET_KEY: "old" }).request("/login", { method: "POST" }));
    const rotated = instance({ SECRET_KEY: "new", SECRET_KEY_FALLBACKS: ["old"] });
    expect(await (await rotated.request("/me", { headers: { cookie } })).json()).toMatchObject({ user: "ada" });
  });

  it("deletes the data and the cookie when the session is cleared", async () => {
    const cookie = cookieOf(await instance().request("/login", { method: "POST" }));
    const logout = await instance().request("/logout", { method: "POST", headers: { cookie } });
    expect(logout.headers.getSetCookie()[0]).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect(await redis.client.exists(PREFIX + idIn(cookie))).toBe(0);
  });

  it("moves the session to a new id on regenerate and deletes the old one", async () => {
    const first = cookieOf(await instance().request("/login", { method: "POST" }));
    const second = cookieOf(await instance().request("/login", { method: "POST", headers: { cookie: first } }));
    expect(idIn(second)).not.toBe(idIn(first));
    expect(await redis.client.exists(PREFIX + idIn(first))).toBe(0);
    expect(await redis.client.exists(PREFIX + idIn(second))).toBe(1);
  });

  it("sets no cookie and writes nothing for a request that leaves the session alone", async () => {
    const app = instance();
    app.get("/plain", () => "plain");
    const before = await redis.client.dbsize();
    const res = await app.request("/plain");
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await redis.client.dbsize()).toBe(before);
  });
});
