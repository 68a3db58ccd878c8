/**
 * Where `rateLimit()` counts requests: a pluggable store, and the in-memory default (one
 * process; several processes serving one app share `vial/redis`'s `RedisRateLimitStore`).
 */

/**
 * The count of a key in its current window. The time left is measured by the store's own clock
 * (Redis's, for a Redis store), so a shared store never mixes its clock with the app's.
 *
 * @example
 * ```ts
 * import { MemoryStore, type RateLimitHit } from "vial";
 *
 * const store = new MemoryStore();
 * const hit: RateLimitHit = await store.increment("login:203.0.113.7", 60_000);
 * console.log(`${hit.count} attempts; the window ends in ${Math.ceil(hit.resetIn / 1000)} s`);
 * ```
 */
export interface RateLimitHit {
  /** Requests counted in this window, including the one just made. */
  count: number;
  /** Milliseconds until the window ends and the count starts again (more than 0, at most the window). */
  resetIn: number;
}

/**
 * Counts hits per key in fixed windows. `increment` adds one hit to `key` and reports the count;
 * the first hit of a key (or the first after its window ended) starts a window of `windowMs`.
 * Several instances of an app must share one store (see `vial/redis`); `rateLimitStoreContract`
 * (`vial/testing`) checks a store against these rules.
 *
 * @example
 * ```ts
 * import type { RateLimitStore } from "vial";
 * const counts = new Map<string, { count: number; resetAt: number }>();
 * const store: RateLimitStore = {
 *   async increment(key, windowMs) {
 *     const now = Date.now();
 *     const hit = counts.get(key);
 *     const next = hit && hit.resetAt > now ? { ...hit, count: hit.count + 1 } : { count: 1, resetAt: now + windowMs };
 *     counts.set(key, next);
 *     return { count: next.count, resetIn: next.resetAt - now };
 *   },
 * };
 * ```
 */
export interface RateLimitStore {
  increment(key: string, windowMs: number): Promise<RateLimitHit>;
}

/**
 * Options of `MemoryStore`.
 *
 * @example
 * ```ts
 * import { MemoryStore, type MemoryStoreOptions } from "vial";
 *
 * // A fake clock lets a test move past the end of a window without waiting.
 * let nowMs = 0;
 * const options: MemoryStoreOptions = { now: () => nowMs };
 * const store = new MemoryStore(options);
 * await store.increment("client", 60_000); // { count: 1, resetIn: 60000 }
 * nowMs = 60_000;
 * await store.increment("client", 60_000); // { count: 1, resetIn: 60000 }: a new window
 * ```
 */
export interface MemoryStoreOptions {
  /** The clock, in milliseconds (default `Date.now`); tests pass a fake one. */
  now?: () => number;
}

interface Window {
  count: number;
  resetAt: number;
}

/**
 * The default store: a Map in this process. Expired keys are removed as new hits arrive (no
 * timer, so it works in Workers and never keeps a process alive), so memory holds only the keys
 * seen within their last window, whatever mix of window lengths the limiters use.
 *
 * @example
 * ```ts
 * import { Vial, rateLimit, MemoryStore } from "vial";
 * const app = new Vial();
 * const store = new MemoryStore();
 * app.use(rateLimit({ window: 60, max: 100, store, name: "api" }));
 * ```
 */
export class MemoryStore implements RateLimitStore {
  readonly #now: () => number;
  // One map per window length. Within one, insertion order is window-start order, hence expiry
  // order (a restarted key is re-inserted at the end): the sweep stops at the first live key.
  // Across lengths it is not (a 15-minute key outlives the minute keys made after it), which is
  // why they are kept apart.
  readonly #windows = new Map<number, Map<string, Window>>();

  constructor(options: MemoryStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
  }

  /** Number of keys held (live windows, plus expired ones not yet swept). */
  get size(): number {
    let size = 0;
    for (const hits of this.#windows.values()) size += hits.size;
    return size;
  }

  // Synchronous inside, a promise outside: the RateLimitStore interface is async for remote stores.
  // eslint-disable-next-line @typescript-eslint/require-await
  async increment(key: string, windowMs: number): Promise<RateLimitHit> {
    const now = this.#now();
    this.#sweep(now);
    let hits = this.#windows.get(windowMs);
    if (!hits) this.#windows.set(windowMs, (hits = new Map<string, Window>()));
    let hit = hits.get(key);
    if (!hit || hit.resetAt <= now) {
      hit = { count: 0, resetAt: now + windowMs };
      hits.delete(key);
      hits.set(key, hit);
    }
    hit.count += 1;
    return { count: hit.count, resetIn: hit.resetAt - now };
  }

  #sweep(now: number): void {
    for (const [windowMs, hits] of this.#windows) {
      for (const [key, hit] of hits) {
        if (hit.resetAt > now) break;
        hits.delete(key);
      }
      if (hits.size === 0) this.#windows.delete(windowMs);
    }
  }
}
