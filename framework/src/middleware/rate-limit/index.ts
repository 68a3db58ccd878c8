/** `rateLimit()` and its stores. */
export { rateLimit, type RateLimitOptions } from "./rate-limit";
export { MemoryStore, type MemoryStoreOptions, type RateLimitStore, type RateLimitHit } from "./memory-store";
export type { RateLimitHeaderStyle } from "./headers";
