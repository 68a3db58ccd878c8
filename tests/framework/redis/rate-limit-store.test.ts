// RedisRateLimitStore against a real redis-server: the store contract, several app instances
// sharing one count, and the time left read from Redis's clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Vial, rateLimit } from "vial";
import { RedisRateLimitStore } from "vial/redis";
import { rateLimitStoreContract } from "vial/testing";
import { setClientAddress } from "../../../framework/src/client-address";
import { redisUnavailable, startRedis, type ThrowawayRedis } from "./redis-server";

const WINDOW_MS = 200;

describe.skipIf(redisUnavailable)("RedisRateLimitStore", () => {
  let redis: ThrowawayRedis;
  beforeAll(async () => (redis = await startRedis()));
  afterAll(() => redis?.stop());

  describe("passes the rate-limit store contract", () => {
    // Redis keeps its own time: the contract waits for real, in short windows.
    const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    for (const check of rateLimitStoreContract(() => ({ store: new RedisRateLimitStore(redis.client), wait }), { windowMs: WINDOW_MS })) {
      it(check.name, check.run);
    }
  });

  it("lets two app instances share one count", async () => {
    const instance = () => {
      const app = new Vial();
      app.use(rateLimit({ window: 60, max: 3, store: new RedisRateLimitStore(redis.client, { prefix: "shared-test:" }) }));
      app.get("/", () => "ok");
      return app;
    };
    const [a, b] = [instance(), instance()];
    const from = () => setClientAddress(new Request("http://localhost/"), "198.51.100.7");
    const statuses = [];
    for (const app of [a, b, a, b]) statuses.push((await app.fetch(from())).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("keeps the counter in Redis with the window as its expiry", async () => {
    const store = new RedisRateLimitStore(redis.client, { prefix: "expiry-test:" });
    await store.increment("k", 60_000);
    const ttl = await redis.client.pttl("expiry-test:k");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await redis.client.get("expiry-test:k")).toBe("1");
  });

  it("gives a counter left without an expiry one, so it cannot count forever", async () => {
    await redis.client.set("stale-test:k", "5");
    const hit = await new RedisRateLimitStore(redis.client, { prefix: "stale-test:" }).increment("k", 60_000);
    expect(hit.count).toBe(6);
    expect(await redis.client.pttl("stale-test:k")).toBeGreaterThan(0);
  });
});
