/**
 * Where `rateLimit()` counts requests: a pluggable store, and the in-memory default (one
 * process; use a shared store such as Redis when several processes serve the app).
 */

/**
 * The count of a key in its current window.
 *
 * @example
 * ```ts
 * import { MemoryStore, type RateLimitHit } from "vial";
 *
 * const store = new MemoryStore();
 * const hit: RateLimitHit = await store.increment("login:203.0.113.7", 60_000);
 * console.log(`${hit.count} attempts; window ends ${new Date(hit.resetAt).toISOString()}`);
 * ```
 */
export interface RateLimitHit {
  /** Requests counted in this window, including the one just made. */
  count: number;
  /** When the window ends and the count starts again (milliseconds since the epoch). */
  resetAt: number;
}

/**
 * Counts hits per key in fixed windows. `increment` adds one hit to `key` and reports the count;
 * the first hit of a key (or the first after its window ended) starts a window of `windowMs`.
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
 *     return next;
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
 * await store.increment("client", 60_000); // { count: 1, resetAt: 60000 }
 * nowMs = 60_000;
 * await store.increment("client", 60_000); // { count: 1, resetAt: 120000 }: a new window
 * ```
 */
export interface MemoryStoreOptions {
  /** The clock, in milliseconds (default `Date.now`); tests pass a fake one. */
  now?: () => number;
}

/**
 * The default store: a Map in this process. Expired keys are removed as new hits arrive (no
 * timer, so it works in Workers and never keeps a process alive), so memory holds only the keys
 * seen within the last window.
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
  // Insertion order is window-start order (a restarted key is re-inserted at the end), so the
  // expired keys are found at the front and the sweep stops at the first live one.
  readonly #hits = new Map<string, RateLimitHit>();

  constructor(options: MemoryStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
  }

  /** Number of keys held (live windows, plus expired ones not yet swept). */
  get size(): number {
    return this.#hits.size;
  }

  async increment(key: string, windowMs: number): Promise<RateLimitHit> {
    const now = this.#now();
    this.#sweep(now);
    let hit = this.#hits.get(key);
    if (!hit || hit.resetAt <= now) {
      hit = { count: 0, resetAt: now + windowMs };
      this.#hits.delete(key);
      this.#hits.set(key, hit);
    }
    hit.count += 1;
    return { count: hit.count, resetAt: hit.resetAt };
  }

  #sweep(now: number): void {
    for (const [key, hit] of this.#hits) {
      if (hit.resetAt > now) break;
      this.#hits.delete(key);
    }
  }
}
