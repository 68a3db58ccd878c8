import { describe, expect, it } from "vitest";
import { PROBE_PATH, reachesNetwork } from "../../../site/sandbox/connectivity";

describe("reachesNetwork", () => {
  it("is false without a request when the browser says it is offline", async () => {
    let probes = 0;
    const fetch = (async () => { probes++; return new Response(null); }) as typeof globalThis.fetch;
    expect(await reachesNetwork({ onLine: false, fetch })).toBe(false);
    expect(probes).toBe(0);
  });

  it("confirms 'online' with one uncached request to the site's own origin", async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    const fetch = (async (url: string, init?: RequestInit) => {
      seen.push({ url, init });
      return new Response(null, { status: 404 });
    }) as unknown as typeof globalThis.fetch;
    expect(await reachesNetwork({ onLine: true, fetch })).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url.startsWith(`${PROBE_PATH}?t=`)).toBe(true);
    expect(seen[0]!.init?.cache).toBe("no-store");
  });

  it("is false when the browser says online but the request fails (the case navigator.onLine misses)", async () => {
    const fetch = (async () => { throw new TypeError("Failed to fetch"); }) as typeof globalThis.fetch;
    expect(await reachesNetwork({ onLine: true, fetch })).toBe(false);
  });

  it("is false when the request never answers", async () => {
    const fetch = ((_url: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)))) as unknown as typeof globalThis.fetch;
    expect(await reachesNetwork({ onLine: true, fetch, timeoutMs: 20 })).toBe(false);
  });
});
