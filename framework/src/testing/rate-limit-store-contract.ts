/**
 * The rules every `RateLimitStore` must keep, as checks a store's author runs in their own test
 * runner. Each check is a name and an async function that throws when the store breaks the rule;
 * nothing here depends on a test framework.
 */
import type { RateLimitStore } from "../middleware/rate-limit/index.ts";

/**
 * A store to check, and how to let time pass on its clock: a fake clock's `advance` for a store
 * that takes one, or a real wait for a store with its own clock (Redis).
 *
 * @example
 * ```ts
 * import { MemoryStore } from "vial";
 * import type { StoreUnderTest } from "vial/testing";
 * let now = 0;
 * const underTest: StoreUnderTest = { store: new MemoryStore({ now: () => now }), wait: async (ms) => void (now += ms) };
 * ```
 */
export interface StoreUnderTest {
  store: RateLimitStore;
  wait: (ms: number) => Promise<void>;
}

/**
 * Options of {@link rateLimitStoreContract}.
 *
 * @example
 * ```ts
 * import type { StoreContractOptions } from "vial/testing";
 * const options: StoreContractOptions = { windowMs: 200 }; // a real clock: short windows keep the suite fast
 * ```
 */
export interface StoreContractOptions {
  /** The window the checks count in, in milliseconds (default 500). */
  windowMs?: number;
}

/**
 * One rule of the contract.
 *
 * @example
 * ```ts
 * import { MemoryStore } from "vial";
 * import { rateLimitStoreContract, type StoreContractCheck } from "vial/testing";
 * const checks: StoreContractCheck[] = rateLimitStoreContract(() => ({ store: new MemoryStore(), wait: (ms) => new Promise((r) => setTimeout(r, ms)) }));
 * for (const check of checks) await check.run();
 * ```
 */
export interface StoreContractCheck {
  name: string;
  run(): Promise<void>;
}

/**
 * The contract suite for rate-limit stores. `makeStore` is called once per check; each check uses
 * keys of its own, so one shared server can back them all.
 *
 * @example
 * ```ts
 * import { describe, it } from "vitest";
 * import { MemoryStore } from "vial";
 * import { rateLimitStoreContract } from "vial/testing";
 *
 * describe("MemoryStore", () => {
 *   let now = 0;
 *   const makeStore = () => ({ store: new MemoryStore({ now: () => now }), wait: async (ms: number) => void (now += ms) });
 *   for (const check of rateLimitStoreContract(makeStore)) it(check.name, check.run);
 * });
 * ```
 */
export function rateLimitStoreContract(makeStore: () => StoreUnderTest | Promise<StoreUnderTest>, options: StoreContractOptions = {}): StoreContractCheck[] {
  const windowMs = options.windowMs ?? 500;
  // A store with a real clock may round to whole milliseconds.
  const slack = 2;
  const check = (name: string, body: (subject: StoreUnderTest, key: (name: string) => string) => Promise<void>): StoreContractCheck => ({
    name,
    run: async () => {
      const prefix = `contract:${Math.random().toString(36).slice(2)}:`;
      await body(await makeStore(), (name) => prefix + name);
    },
  });

  return [
    check("starts a key at 1 with the whole window left", async ({ store }, key) => {
      const hit = await store.increment(key("a"), windowMs);
      assert(hit.count === 1, `the first hit counts 1, got ${hit.count}`);
      assert(hit.resetIn > 0 && hit.resetIn <= windowMs, `resetIn is within (0, ${windowMs}], got ${hit.resetIn}`);
    }),
    check("counts every hit within the window, the time left never growing", async ({ store }, key) => {
      const hits = [];
      for (let i = 0; i < 5; i++) hits.push(await store.increment(key("a"), windowMs));
      assert(
        same(
          hits.map((hit) => hit.count),
          [1, 2, 3, 4, 5],
        ),
        `counts 1 to 5, got ${hits.map((hit) => hit.count).join(", ")}`,
      );
      for (let i = 1; i < hits.length; i++) {
        assert(hits[i]!.resetIn <= hits[i - 1]!.resetIn, `resetIn grew from ${hits[i - 1]!.resetIn} to ${hits[i]!.resetIn} within one window`);
      }
    }),
    check("keeps keys apart", async ({ store }, key) => {
      await store.increment(key("a"), windowMs);
      await store.increment(key("a"), windowMs);
      const other = await store.increment(key("b"), windowMs);
      assert(other.count === 1, `another key starts at 1, got ${other.count}`);
    }),
    check("starts a new window once the window has ended", async ({ store, wait }, key) => {
      await store.increment(key("a"), windowMs);
      await store.increment(key("a"), windowMs);
      await wait(windowMs + 10);
      const hit = await store.increment(key("a"), windowMs);
      assert(hit.count === 1, `a hit after the window counts 1, got ${hit.count}`);
      assert(hit.resetIn > windowMs / 2, `a new window has (nearly) all of it left, got ${hit.resetIn}`);
    }),
    check("counts hits made at the same time exactly once each", async ({ store }, key) => {
      const hits = await Promise.all(Array.from({ length: 50 }, () => store.increment(key("a"), windowMs * 10)));
      const counts = hits.map((hit) => hit.count).sort((a, b) => a - b);
      assert(
        same(
          counts,
          Array.from({ length: 50 }, (_, i) => i + 1),
        ),
        `50 concurrent hits count 1 to 50, got ${counts.join(", ")}`,
      );
    }),
    check("ends windows of different lengths independently", async ({ store, wait }, key) => {
      await store.increment(key("long"), windowMs * 10);
      await store.increment(key("short"), windowMs);
      await wait(windowMs + 10);
      const short = await store.increment(key("short"), windowMs);
      const long = await store.increment(key("long"), windowMs * 10);
      assert(short.count === 1, `the short window ended: count 1, got ${short.count}`);
      assert(long.count === 2, `the long window goes on: count 2, got ${long.count}`);
    }),
    check("reports the time left by its own clock", async ({ store, wait }, key) => {
      await store.increment(key("a"), windowMs * 4);
      await wait(windowMs);
      const hit = await store.increment(key("a"), windowMs * 4);
      assert(
        hit.resetIn <= windowMs * 3 + slack,
        `after ${windowMs} ms of a ${windowMs * 4} ms window at most ${windowMs * 3} ms are left, got ${hit.resetIn}`,
      );
      assert(hit.resetIn > 0, `time is left in the window, got ${hit.resetIn}`);
    }),
  ];
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`RateLimitStore contract: ${message}.`);
}

function same(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
