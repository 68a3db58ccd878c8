import { afterEach, describe, expect, it, vi } from "vitest";
import { cacheFirst, networkFirst } from "../../../site/service-worker/strategies";

/** The Cache Storage of a browser whose two caches are this build's (empty so far) and the last build's. */
function storage(last: Record<string, string>) {
  const current = new Map<string, Response>();
  const cache = (entries: Map<string, Response>) => ({
    match: async (request: Request | string) => entries.get(typeof request === "string" ? request : request.url)?.clone(),
    put: async (request: Request | string, response: Response) => void entries.set(typeof request === "string" ? request : request.url, response),
  });
  const previous = new Map(Object.entries(last).map(([url, body]) => [url, new Response(body, { headers: { "Content-Type": "text/html" } })]));
  vi.stubGlobal("caches", {
    open: async (name: string) => cache(name === "now" ? current : previous),
    // Cache Storage's match looks through every cache, oldest first.
    match: async (request: Request | string) => (await cache(previous).match(request)) ?? (await cache(current).match(request)),
  });
  return current;
}

const offline = () => vi.stubGlobal("fetch", async () => Promise.reject(new TypeError("Failed to fetch")));
const keep = () => {};

afterEach(() => vi.unstubAllGlobals());

describe("the Service Worker's answers while a new build's copy is still being made", () => {
  it("offline, a build file this build has not cached yet comes from the last build's cache", async () => {
    storage({ "https://x.test/_next/static/chunks/a.js": "old chunk" });
    offline();
    const response = await cacheFirst("now", new Request("https://x.test/_next/static/chunks/a.js"), keep);
    expect(await response.text()).toBe("old chunk");
    await expect(cacheFirst("now", new Request("https://x.test/_next/static/chunks/b.js"), keep)).rejects.toThrow("Failed to fetch");
  });

  it("offline, a page comes from the last build's cache, with the site's headers", async () => {
    storage({ "https://x.test/learn": "old outline" });
    offline();
    const response = await networkFirst("now", new Request("https://x.test/learn?from=home"), keep);
    expect(await response.text()).toBe("old outline");
    expect(response.headers.get("Content-Security-Policy")).toMatch(/default-src 'self'/);
  });

  it("online, answers from the network and keeps a copy in this build's cache only", async () => {
    const current = storage({ "https://x.test/learn": "old outline" });
    // A same-origin answer, as the browser types it.
    vi.stubGlobal("fetch", async () => Object.defineProperty(new Response("new outline"), "type", { value: "basic" }));
    const kept: Promise<unknown>[] = [];
    const response = await networkFirst("now", new Request("https://x.test/learn"), (promise) => kept.push(promise));
    expect(await response.text()).toBe("new outline");
    await Promise.all(kept);
    expect(await current.get("https://x.test/learn")?.text()).toBe("new outline");
  });
});
