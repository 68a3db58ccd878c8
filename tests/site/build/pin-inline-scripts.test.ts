import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes, pinInlineScripts, pinSitePages } from "../../../site/build/pin-inline-scripts.mjs";

// SHA-256 of the empty string and of "a()", base64 (e.g. `printf 'a()' | openssl dgst -sha256 -binary | base64`).
const EMPTY = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
const CALL_A = "qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4=";

describe("pinning inline scripts", () => {
  it("hashes inline scripts once each and skips scripts with a src", () => {
    const html = '<script src="/_next/a.js" async=""></script><script>a()</script><script id="x"></script><script>a()</script>';
    expect(inlineScriptHashes(html)).toEqual([CALL_A, EMPTY]);
  });

  it("hashes the text as the browser sees it, with CRLF as LF", () => {
    expect(inlineScriptHashes("<script>\r\n</script>")).toEqual(inlineScriptHashes("<script>\n</script>"));
  });

  it("puts the policy first in <head>, before any script, and replaces an earlier one", () => {
    const page = '<!DOCTYPE html><html><head><meta charSet="utf-8"/><script>a()</script></head><body></body></html>';
    const pinned = pinInlineScripts(page);
    expect(pinned).toMatch(/^<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="script-src [^"]*'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='; worker-src 'self' blob:"/);
    expect(pinInlineScripts(pinned)).toBe(pinned);
  });

  it("refuses a page without a head", () => {
    expect(() => pinInlineScripts("<p>no head</p>")).toThrow(/no <head>/);
  });

  it("pins every page of a build but leaves /sandbox/, whose runner page brings its own policy", () => {
    const dir = mkdtempSync(join(tmpdir(), "pin-"));
    try {
      mkdirSync(join(dir, "learn/first-steps"), { recursive: true });
      mkdirSync(join(dir, "sandbox"));
      const runner = "<!doctype html><script>run()</script>";
      writeFileSync(join(dir, "index.html"), "<html><head><script>a()</script></head></html>");
      writeFileSync(join(dir, "learn/first-steps/hello-vial.html"), "<html><head></head></html>");
      writeFileSync(join(dir, "sandbox/runner.html"), runner);
      expect(pinSitePages(dir)).toBe(2);
      expect(readFileSync(join(dir, "index.html"), "utf8")).toContain(`'sha256-${CALL_A}'`);
      expect(readFileSync(join(dir, "learn/first-steps/hello-vial.html"), "utf8")).toContain("data-pinned-scripts");
      expect(readFileSync(join(dir, "sandbox/runner.html"), "utf8")).toBe(runner);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
