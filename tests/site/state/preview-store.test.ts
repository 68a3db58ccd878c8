import { describe, expect, it } from "vitest";
import { normalizePreviewPath, previewUrl } from "../../../site/state/preview-store";
import { appendOutput } from "../../../site/state/output-store";
import { nextTheme, parseTheme } from "../../../site/state/theme-store";
import { readEnginePreference, writeEnginePreference } from "../../../site/state/engine-store";

describe("preview address bar", () => {
  it("turns what was typed into a path", () => {
    expect(normalizePreviewPath("")).toBe("/");
    expect(normalizePreviewPath(" about?x=1 ")).toBe("/about?x=1");
    expect(normalizePreviewPath("https://example.test/users/1?q#top")).toBe("/users/1?q#top");
  });

  it("joins the engine's URL and the path", () => {
    expect(previewUrl("/preview/abc/", "/about")).toBe("/preview/abc/about");
    expect(previewUrl("https://x.webcontainer.io", "users")).toBe("https://x.webcontainer.io/users");
  });
});

describe("small stores", () => {
  it("keeps the tail of long output", () => {
    expect(appendOutput("aaaa", "bc", 3)).toBe("abc");
  });

  it("cycles and parses theme choices", () => {
    expect(nextTheme("system")).toBe("light");
    expect(nextTheme("light")).toBe("dark");
    expect(nextTheme("dark")).toBe("system");
    expect(parseTheme("blue")).toBe("system");
  });

  it("remembers the engine the learner chose", () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
    expect(readEnginePreference(storage)).toBeNull();
    writeEnginePreference(storage, "worker");
    expect(readEnginePreference(storage)).toBe("worker");
    writeEnginePreference(storage, null);
    expect(readEnginePreference(storage)).toBeNull();
  });
});
