import { describe, expect, it } from "vitest";
import { previewPolicy, rewriteRootPaths } from "../../../sandbox/engines/worker/preview-policy";

describe("previewPolicy", () => {
  const directives = new Map(previewPolicy("http://learn.test", "/preview/ab").split(";").map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name!, values] as const;
  }));

  it("gives the preview an opaque origin: sandboxed without allow-same-origin or top navigation", () => {
    const flags = directives.get("sandbox")!;
    expect(flags).toContain("allow-scripts");
    expect(flags).toContain("allow-forms");
    expect(flags.filter((flag) => /same-origin|top-navigation/.test(flag))).toEqual([]);
  });

  it("allows no network: nothing from a URL, forms only into the preview", () => {
    expect(directives.get("default-src")).toEqual(["'none'"]);
    for (const [name, values] of directives) {
      if (name === "sandbox" || name === "form-action") continue;
      expect(values.filter((value) => /^(https?:|'self'|\*)/.test(value)), name).toEqual([]);
    }
    expect(directives.get("form-action")).toEqual(["http://learn.test/preview/ab/"]);
    expect(directives.has("connect-src")).toBe(false);
  });
});

describe("rewriteRootPaths", () => {
  it("points root-relative href, src, action and formaction into the preview", () => {
    expect(rewriteRootPaths(`<a href="/about">`, "/preview/ab")).toBe(`<a href="/preview/ab/about">`);
    expect(rewriteRootPaths(`<a href='/'>`, "/preview/ab")).toBe(`<a href='/preview/ab/'>`);
    expect(rewriteRootPaths(`<img src=/logo.png>`, "/preview/ab")).toBe(`<img src=/preview/ab/logo.png>`);
    expect(rewriteRootPaths(`<FORM ACTION = "/login"><button formaction="/x">`, "/preview/ab")).toBe(`<FORM ACTION = "/preview/ab/login"><button formaction="/preview/ab/x">`);
  });

  it("leaves relative URLs, other origins, protocol-relative URLs and the preview's own paths alone", () => {
    for (const html of [`<a href="about">`, `<a href="https://x.test/">`, `<a href="//x.test/">`, `<a href="/preview/ab/me">`, `<a href="/preview/ab">`, `<a data-href="/x">`, `<p>href="/x"</p>`]) {
      expect(rewriteRootPaths(html, "/preview/ab")).toBe(html);
    }
  });
});
