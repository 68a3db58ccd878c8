import { describe, expect, it } from "vitest";
import { staticAssetUrls } from "../../../site/service-worker/asset-urls";
import { pageKey } from "../../../site/service-worker/strategies";

describe("build files a page refers to", () => {
  it("finds scripts and styles in the HTML and in inlined flight data, once each", () => {
    const html = `<link rel="stylesheet" href="/_next/static/chunks/a1.css"/><script src="/_next/static/chunks/b2.js"></script>
      <script>self.__next_f.push([1,"2:I[\\"x\\",[\\"static/chunks/c3.js\\",\\"/_next/static/chunks/b2.js\\"]]"])</script>`;
    expect(staticAssetUrls(html)).toEqual(["/_next/static/chunks/a1.css", "/_next/static/chunks/b2.js", "/_next/static/chunks/c3.js"]);
  });

  it("ignores other origins' and non-build URLs", () => {
    expect(staticAssetUrls('<img src="/logo.png"><script src="https://cdn.test/x.js"></script>')).toEqual([]);
  });

  it("keys pages by path alone", () => {
    expect(pageKey("https://x.test/learn?a=1#b")).toBe("https://x.test/learn");
  });
});
