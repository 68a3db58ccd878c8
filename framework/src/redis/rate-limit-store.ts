/**
 * A `RateLimitStore` in Redis, for an app served by several processes or machines: they count
 * into the same keys. One Lua script per hit increments the key, starts its window (PEXPIRE) on
 * the first hit and reads the time left (PTTL), atomically and by Redis's clock, so instances
 * whose clocks disagree still agree on every window.
 */
import type { RateLimitHit, RateLimitStore } from "../middleware/rate-limit/index.ts";
import type { RedisCommands } from "./client.ts";

// KEYS[1]: the counter. ARGV[1]: the window in milliseconds. A counter found without an expiry
// (left by something else) gets one, so no key can count forever.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

/**
 * Options of {@link RedisRateLimitStore}.
 *
 * @example
 * ```ts
 * import type { RedisRateLimitStoreOptions } from "vial/redis";
 * const options: RedisRateLimitStoreOptions = { prefix: "shop:rl:" };
 * ```
 */
export interface RedisRateLimitStoreOptions {
  /** Put before every key, to keep apps that share a Redis apart (default `"vial:rate-limit:"`). */
  prefix?: string;
}

/**
 * Counts `rateLimit()` hits in Redis.
 *
 * @example
 * ```ts
 * import { Redis } from "ioredis";
 * import { Vial, rateLimit } from "vial";
 * import { RedisRateLimitStore } from "vial/redis";
 *
 * const app = new Vial();
 * const store = new RedisRateLimitStore(new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379"));
 * app.use(rateLimit({ window: 60, max: 100, store }));
 * ```
 */
export class RedisRateLimitStore implements RateLimitStore {
  readonly #redis: RedisCommands;
  readonly #prefix: string;

  constructor(redis: RedisCommands, options: RedisRateLimitStoreOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.prefix ?? "vial:rate-limit:";
  }

  async increment(key: string, windowMs: number): Promise<RateLimitHit> {
    // PEXPIRE takes whole milliseconds.
    const window = Math.max(1, Math.ceil(windowMs));
    const reply = await this.#redis.call("EVAL", HIT_SCRIPT, 1, this.#prefix + key, window);
    if (!Array.isArray(reply) || reply.length !== 2) throw new TypeError(`RedisRateLimitStore: unexpected reply from Redis: ${JSON.stringify(reply)}`);
    const [count, ttl] = reply.map(Number) as [number, number];
    return { count, resetIn: Math.max(1, ttl) };
  }
}
