/** `rateLimit()` and its stores. */
export { rateLimit, type RateLimitOptions } from "./rate-limit.ts";
export { MemoryStore, type MemoryStoreOptions, type RateLimitStore, type RateLimitHit } from "./memory-store.ts";
export type { RateLimitHeaderStyle } from "./headers.ts";
