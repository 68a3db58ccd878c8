import { describe, expect, it, vi } from "vitest";
import { fetchPayloadAssets, payloadAssetUrls, withLessonAssets } from "../../sandbox/engines/browser-assets";

describe("payloadAssetUrls", () => {
  it("lists each mode's bundles under /sandbox/, or every bundle once", () => {
    // The config parsers are in every list: some lessons need them offline.
    expect(payloadAssetUrls("worker")).toEqual(["/sandbox/vial.mjs", "/sandbox/zod.mjs", "/sandbox/sucrase.mjs", "/sandbox/runtime.mjs", "/sandbox/worker-host.mjs", "/sandbox/config-parsers.mjs"]);
    const all = payloadAssetUrls();
    expect(all).toContain("/sandbox/grader-host.mjs");
    expect(all).toContain("/sandbox/learner-host.mjs");
    expect(all).toContain("/sandbox/worker-host.mjs");
    expect(new Set(all).size).toBe(all.length);
    expect(payloadAssetUrls("node", "/assets/")[0]).toBe("/assets/vial-node.mjs");
  });
});

describe("fetchPayloadAssets", () => {
  it("fetches every bundle of the mode once per page", async () => {
    const fetcher = vi.fn(async (url: string | URL | Request) => new Response(`// ${String(url)}`));
    const base = "/once/";
    const assets = await fetchPayloadAssets("worker", base, fetcher as typeof fetch);
    await fetchPayloadAssets("worker", base, fetcher as typeof fetch);
    expect(fetcher).toHaveBeenCalledTimes(5);
    expect(assets["vial.mjs"]).toBe("// /once/vial.mjs");
  });

  it("names the file that could not be loaded, and tries again next time", async () => {
    const base = "/flaky/";
    const failing = vi.fn(async (url: string | URL | Request) => new Response("", { status: String(url).endsWith("zod.mjs") ? 404 : 200 }));
    await expect(fetchPayloadAssets("worker", base, failing as typeof fetch)).rejects.toThrow("/flaky/zod.mjs: the server answered 404");
    const offline = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(fetchPayloadAssets("worker", base, offline as typeof fetch)).rejects.toThrow(/Failed to fetch.*offline/);
  });
});

describe("withLessonAssets", () => {
  const base = { "vial.mjs": "// vial" };

  it("fetches nothing for checks that do not use parse", async () => {
    const fetcher = vi.fn(async () => new Response("// parsers"));
    expect(await withLessonAssets(base, 'import { check } from "grader";', "/lesson/", fetcher as typeof fetch)).toBe(base);
    expect(fetcher).not.toHaveBeenCalled();
  });

  it("adds the config parsers for checks that do, fetched once per page and again after a failure", async () => {
    const failing = vi.fn(async () => new Response("", { status: 503 }));
    const checks = 'import { check, parse } from "grader";';
    await expect(withLessonAssets(base, checks, "/parsers/", failing as typeof fetch)).rejects.toThrow("/parsers/config-parsers.mjs: the server answered 503");
    const fetcher = vi.fn(async (url: string | URL | Request) => new Response(`// ${String(url)}`));
    expect(await withLessonAssets(base, checks, "/parsers/", fetcher as typeof fetch)).toEqual({ ...base, "config-parsers.mjs": "// /parsers/config-parsers.mjs" });
    await withLessonAssets(base, checks, "/parsers/", fetcher as typeof fetch);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });
});
