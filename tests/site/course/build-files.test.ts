import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { staticBuildFiles } from "../../../site/course/build-files";

describe("build files for the offline cache", () => {
  it("lists every static file as a URL, without source maps", async () => {
    const dist = mkdtempSync(join(tmpdir(), "site-build-"));
    mkdirSync(join(dist, "static/chunks"), { recursive: true });
    mkdirSync(join(dist, "static/build-id"), { recursive: true });
    writeFileSync(join(dist, "static/chunks/a.js"), "");
    writeFileSync(join(dist, "static/chunks/a.js.map"), "");
    writeFileSync(join(dist, "static/build-id/_buildManifest.js"), "");
    expect(await staticBuildFiles(dist)).toEqual(["/_next/static/build-id/_buildManifest.js", "/_next/static/chunks/a.js"]);
  });

  it("is empty before a build", async () => {
    expect(await staticBuildFiles(join(tmpdir(), "no-such-build"))).toEqual([]);
  });
});
