/**
 * `vial/redis`: Redis-backed stores for an app served by several processes or machines — rate
 * limits and server-side sessions. Bring your own client (ioredis works as is); nothing here
 * imports one, so the core and its browser bundle stay as they are.
 */
export type { RedisCommands } from "./client.ts";
export { RedisRateLimitStore, type RedisRateLimitStoreOptions } from "./rate-limit-store.ts";
export { RedisSession, RedisSessionInterface, type RedisSessionOptions } from "./session-interface.ts";
