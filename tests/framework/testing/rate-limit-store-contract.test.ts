// The store contract suite, run on the memory store with a fake clock, and shown to catch stores
// that break the rules (a suite that passes everything would prove nothing).
import { describe, expect, it } from "vitest";
import { MemoryStore, type RateLimitStore } from "vial";
import { rateLimitStoreContract, type StoreUnderTest } from "vial/testing";

function memoryStore(): StoreUnderTest {
  let now = 1_700_000_000_000;
  return { store: new MemoryStore({ now: () => now }), wait: async (ms) => void (now += ms) };
}

describe("MemoryStore passes the rate-limit store contract", () => {
  for (const check of rateLimitStoreContract(memoryStore)) it(check.name, check.run);
});

/** Which checks fail for `store`, by name. */
async function failures(store: () => StoreUnderTest): Promise<string[]> {
  const failed: string[] = [];
  for (const check of rateLimitStoreContract(store)) {
    await check.run().catch(() => failed.push(check.name));
  }
  return failed;
}

describe("the contract catches broken stores", () => {
  it("a store whose windows never end", async () => {
    const counts = new Map<string, number>();
    const store: RateLimitStore = {
      increment: async (key, windowMs) => {
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return { count: counts.get(key)!, resetIn: windowMs };
      },
    };
    expect(await failures(() => ({ store, wait: async () => undefined }))).toEqual([
      "starts a new window once the window has ended",
      "ends windows of different lengths independently",
      "reports the time left by its own clock",
    ]);
  });

  it("a store that reads and then writes (hits at the same time are lost)", async () => {
    const counts = new Map<string, number>();
    const store: RateLimitStore = {
      increment: async (key, windowMs) => {
        const count = (counts.get(key) ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, 1));
        counts.set(key, count);
        return { count, resetIn: windowMs };
      },
    };
    expect(await failures(() => ({ store, wait: async () => undefined }))).toContain("counts hits made at the same time exactly once each");
  });

  it("a store that expires every key when any window ends (one window for all lengths)", async () => {
    let now = 0;
    const hits = new Map<string, { count: number; resetAt: number }>();
    const store: RateLimitStore = {
      increment: async (key, windowMs) => {
        // Every key expires with the shortest window seen: the bug the memory store's sweep had.
        for (const [k, hit] of hits) if (hit.resetAt <= now) hits.delete(k);
        const hit = hits.get(key) ?? { count: 0, resetAt: now + Math.min(windowMs, 500) };
        hit.count++;
        hits.set(key, hit);
        return { count: hit.count, resetIn: hit.resetAt - now };
      },
    };
    expect(await failures(() => ({ store, wait: async (ms) => void (now += ms) }))).toContain("ends windows of different lengths independently");
  });
});
