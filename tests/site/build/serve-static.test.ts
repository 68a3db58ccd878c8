import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticServer } from "../../../site/build/serve-static.mjs";
import { contentSecurityPolicy } from "../../../site/build/site-headers.mjs";

let dir: string;
let base: string;
let close: () => void;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "serve-static-"));
  mkdirSync(join(dir, "_next/static/chunks"), { recursive: true });
  mkdirSync(join(dir, "learn/first-steps"), { recursive: true });
  mkdirSync(join(dir, "sandbox"));
  writeFileSync(join(dir, "index.html"), "<html>home</html>");
  writeFileSync(join(dir, "learn/first-steps/hello-vial.html"), "<html>lesson</html>");
  writeFileSync(join(dir, "_next/static/chunks/a.js"), "a()");
  writeFileSync(join(dir, "sandbox/vial.mjs"), "export {}");
  writeFileSync(join(dir, "404.html"), "<html>not found</html>");
  writeFileSync(join(tmpdir(), "serve-static-outside.txt"), "secret");
  const server = createStaticServer(dir);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});

afterAll(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

describe("serve-static", () => {
  it("sends the site's headers with pages and build files", async () => {
    for (const path of ["/", "/learn/first-steps/hello-vial", "/_next/static/chunks/a.js"]) {
      const response = await fetch(base + path, { method: "HEAD" });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-security-policy"), path).toBe(contentSecurityPolicy());
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("cross-origin-opener-policy"), path).toBe("same-origin");
      expect(response.headers.get("cross-origin-embedder-policy"), path).toBe("require-corp");
    }
    expect((await fetch(`${base}/_next/static/chunks/a.js`)).headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${base}/learn/first-steps/hello-vial`)).headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("leaves the policy to the payload bundles but still forbids sniffing", async () => {
    const response = await fetch(`${base}/sandbox/vial.mjs`);
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers a missing page and a path outside the folder with the 404 page, headers included", async () => {
    for (const path of ["/nope", "/..%2Fserve-static-outside.txt", "/%2e%2e/%2e%2e/etc/passwd", "/%E0%A4%A"]) {
      const response = await fetch(base + path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe("<html>not found</html>");
      expect(response.headers.get("content-security-policy"), path).toBe(contentSecurityPolicy());
    }
  });
});
