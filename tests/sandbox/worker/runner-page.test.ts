import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RUNNER_HEADERS, RUNNER_HTML, RUNNER_PATH, RUNNER_POLICY, RUNNER_SCRIPT, RUNNER_SCRIPT_HASH } from "../../../sandbox/engines/worker/runner-page";

describe("the runner page", () => {
  it("allows its own script by the script's real hash", () => {
    const hash = `sha256-${createHash("sha256").update(RUNNER_SCRIPT).digest("base64")}`;
    expect(RUNNER_SCRIPT_HASH).toBe(hash);
    expect(RUNNER_POLICY).toContain(`'${hash}'`);
    expect(RUNNER_HTML).toContain(`<script>${RUNNER_SCRIPT}</script>`);
  });

  it("gives its Workers an opaque origin and nothing but blob: scripts and eval", () => {
    const directives = new Map(RUNNER_POLICY.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values] as const;
    }));
    expect(directives.get("sandbox")).toEqual(["allow-scripts"]);
    expect(directives.get("default-src")).toEqual(["'none'"]);
    expect(directives.get("script-src")).toEqual([`'${RUNNER_SCRIPT_HASH}'`, "blob:", "'unsafe-eval'"]);
    expect(directives.get("worker-src")).toEqual(["blob:"]);
    for (const loose of ["connect-src", "font-src", "img-src", "child-src"]) expect(directives.has(loose)).toBe(false);
    expect(RUNNER_HEADERS["Content-Security-Policy"]).toBe(RUNNER_POLICY);
  });

  it("is served with the same policy by the site's servers (site-headers.mjs) and static hosts (public/_headers)", async () => {
    const siteHeaders = await import("../../../site/build/site-headers.mjs");
    expect(siteHeaders.RUNNER_PATH).toBe(RUNNER_PATH);
    expect(siteHeaders.siteHeaders(RUNNER_PATH)["Content-Security-Policy"]).toBe(RUNNER_POLICY);
    expect(readFileSync("public/_headers", "utf8")).toContain(`${RUNNER_PATH}\n  Content-Security-Policy: ${RUNNER_POLICY}\n`);
    // The nginx and Caddy lines of site/README.md.
    expect(readFileSync("site/README.md", "utf8").split(RUNNER_POLICY).length - 1).toBe(2);
  });
});
