import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, pinnedScriptPolicy, RUNNER_POLICY, siteHeaders, STATIC_POLICY_PATHS } from "../../../site/build/site-headers.mjs";

/** The rules of a Netlify-style _headers file, in order: [path, headers]. */
function parseHeadersFile(text: string): [string, Record<string, string>][] {
  const rules: [string, Record<string, string>][] = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    if (!line.startsWith(" ")) rules.push([line.trim(), {}]);
    else {
      const colon = line.indexOf(":");
      const current = rules.at(-1);
      if (current) current[1][line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return rules;
}

describe("site headers", () => {
  it("give pages a policy that keeps scripts, plugins, framing and forms to the site", () => {
    const policy = contentSecurityPolicy();
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toMatch(/frame-src 'self' https:\/\/stackblitz\.com https:\/\/\*\.webcontainer\.io https:\/\/\*\.webcontainer-api\.io;/);
    expect(policy).not.toMatch(/https?:\/\/\*[;\s]|\*;|\s\*\s/);
  });

  it("add 'unsafe-eval' for next dev only", () => {
    const evalCount = (policy: string) => policy.split(" ").filter((source) => source.startsWith("'unsafe-eval'")).length;
    expect(evalCount(contentSecurityPolicy({ dev: true }))).toBe(1);
    expect(contentSecurityPolicy({ dev: true }).replace(" 'unsafe-eval'", "")).toBe(contentSecurityPolicy().replace(" 'unsafe-eval'", ""));
  });

  it("leave the policy off the payload bundles, which bring their own, and keep the rest", () => {
    const payload = siteHeaders("/sandbox/vial.mjs");
    expect(payload["Content-Security-Policy"]).toBeUndefined();
    expect(payload["X-Content-Type-Options"]).toBe("nosniff");
    expect(siteHeaders("/learn")["Content-Security-Policy"]).toBe(contentSecurityPolicy());
  });

  it("pin a page's scripts by hash on top of the site's script sources", () => {
    expect(pinnedScriptPolicy(["abc="])).toMatch(/^script-src 'self'.* 'sha256-abc='; worker-src 'self' blob:$/);
    expect(pinnedScriptPolicy([])).not.toContain("unsafe-inline");
  });

  it("are what public/_headers tells static hosts, the policy everywhere but /sandbox/", () => {
    // On a difference, run `node site/build/write-headers-file.mjs`.
    const rules = parseHeadersFile(readFileSync("public/_headers", "utf8"));
    const { "Content-Security-Policy": policy, ...everywhere } = siteHeaders("/");
    expect(rules[0]).toEqual(["/*", everywhere]);
    expect(rules[1]).toEqual(["/sw.js", { "Cache-Control": "no-cache" }]);
    const withPolicy = rules.filter(([, headers]) => headers["Content-Security-Policy"] === policy).map(([path]) => path);
    expect(withPolicy).toEqual(STATIC_POLICY_PATHS);
    expect(withPolicy.some((path) => path.startsWith("/sandbox"))).toBe(false);
  });

  it("are the ones site/README.md gives for nginx, Caddy and the header list", () => {
    const readme = readFileSync("site/README.md", "utf8");
    expect(readme.split(contentSecurityPolicy()).length - 1).toBe(3);
    expect(readme.split(`"${RUNNER_POLICY}"`).length - 1).toBe(2);
    for (const [name, value] of Object.entries(siteHeaders("/learn"))) {
      if (name !== "Content-Security-Policy") expect(readme).toContain(`${name}: ${value}`);
    }
  });

  it("give every route of app/ the policy on static hosts", () => {
    for (const entry of readdirSync("app")) {
      if (entry === "sandbox" || entry === "layout.tsx") continue;
      const path = entry === "page.tsx" ? "/" : `/${entry}`;
      expect(STATIC_POLICY_PATHS, entry).toContain(path === "/dev" ? "/dev/*" : path);
      if (entry === "learn") expect(STATIC_POLICY_PATHS).toContain("/learn/*");
    }
  });
});
