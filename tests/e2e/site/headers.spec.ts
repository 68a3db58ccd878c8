/**
 * The site's security headers (site/build/site-headers.mjs) on pages and build files, each built
 * page's pinned inline-script policy, and a lesson that still works under both: no CSP violation
 * while it loads, edits and grades.
 */
import { expect, test } from "@playwright/test";
import { SCRIPT_SOURCES } from "../../../site/build/site-headers.mjs";
import { FIRST_LESSON, HELLO_SOLUTION, openLesson, runChecks, setEditorText, useWorkerEngine, watchViolations } from "./helpers";

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
};

/** The policy's directives by name. */
function directives(policy: string | undefined): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of (policy ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed.set(name, sources);
  }
  return parsed;
}

test.describe("security headers", () => {
  test("pages and build files carry the policy, nosniff, the referrer policy and isolation", async ({ request }) => {
    const home = await (await request.get("/")).text();
    const asset = /\/_next\/static\/[^"]+\.js/.exec(home)?.[0];
    expect(asset, "the home page refers to a build file").toBeTruthy();
    for (const path of ["/", "/learn", FIRST_LESSON, asset!, "/sw.js"]) {
      const response = await request.head(path);
      expect(response.status(), path).toBe(200);
      const headers = response.headers();
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], `${path} ${name}`).toBe(value);
      const policy = directives(headers["content-security-policy"]);
      expect(policy.get("script-src"), path).toEqual([...SCRIPT_SOURCES, "'unsafe-inline'"]);
      expect(policy.get("object-src"), path).toEqual(["'none'"]);
      expect(policy.get("base-uri"), path).toEqual(["'none'"]);
      expect(policy.get("frame-ancestors"), path).toEqual(["'self'"]);
      expect(policy.get("form-action"), path).toEqual(["'self'"]);
      expect(policy.get("frame-src"), path).toContain("'self'");
    }
  });

  test("a built page allows only its own inline scripts, by hash", async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto("/learn");
    const pinned = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    const [scripts, workers] = (pinned ?? "").split("; ");
    expect(workers).toBe("worker-src 'self' blob:");
    const [directive, ...sources] = (scripts ?? "").split(" ");
    expect(directive).toBe("script-src");
    expect(sources.slice(0, SCRIPT_SOURCES.length)).toEqual(SCRIPT_SOURCES);
    expect(sources.slice(SCRIPT_SOURCES.length).length).toBeGreaterThan(0);
    for (const source of sources.slice(SCRIPT_SOURCES.length)) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
    await expect(page.getByTestId("state-first-steps/hello-vial")).toHaveText("Not started");
    expect(violations).toEqual([]);

    // The header alone would let an injected inline script run; the page's pinned policy does not.
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.some((text) => /script-src/.test(text))).toBe(true);
  });

  test("a lesson loads, edits and grades on the worker engine with no CSP violation", async ({ page, context }) => {
    await useWorkerEngine(context);
    const violations = await watchViolations(page);
    await openLesson(page, FIRST_LESSON);
    await setEditorText(page, HELLO_SOLUTION);
    expect(await runChecks(page)).toMatch(/all \d+ checks pass/i);
    await page.getByRole("link", { name: /Next/ }).click();
    await expect(page).toHaveURL(/\/learn\/first-steps\/responses$/);
    await expect(page.getByTestId("engine-bar")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
    expect(violations).toEqual([]);
  });
});
