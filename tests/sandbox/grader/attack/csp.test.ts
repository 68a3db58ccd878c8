import { describe, expect, it } from "vitest";
import { Vial, secureHeaders } from "vial";
import { evaluateCsp, probeCsp } from "../../../../sandbox/grader/attack/csp";
import { http } from "./apps";

function appWith(policy?: string) {
  const app = new Vial();
  app.use(secureHeaders(policy === undefined ? { contentSecurityPolicy: { frameAncestors: ["'none'"] } } : { contentSecurityPolicy: false }));
  app.get("/", () => (policy === undefined ? "<p>hi</p>" : new Response("<p>hi</p>", { headers: { "content-type": "text/html", "content-security-policy": policy } })));
  return app;
}

describe("the CSP probe", () => {
  it("passes Vial's default policy with frame-ancestors 'none'", async () => {
    expect(probeCsp(await http(appWith()).get("/"), "GET /")).toEqual([]);
  });

  it("catches https: and 'unsafe-eval' in script-src", async () => {
    const policy = "default-src 'self'; script-src 'self' https: 'unsafe-eval'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
    const messages = probeCsp(await http(appWith(policy)).get("/"), "GET /").map((found) => found.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^GET \/ sent Content-Security-Policy ".*": script-src 'unsafe-eval': /);
    expect(messages[1]).toContain("script-src https:");
  });

  it("catches 'unsafe-inline' without a nonce, and accepts it beside one (browsers then ignore it)", () => {
    const rest = "object-src 'none'; base-uri 'none'; frame-ancestors 'self'";
    expect(evaluateCsp(`script-src 'self' 'unsafe-inline'; ${rest}`).join()).toContain("'unsafe-inline'");
    expect(evaluateCsp(`script-src 'self' 'unsafe-inline' 'nonce-Zm9vYmFyYmF6cXV4MTIzNDU2'; ${rest}`)).toEqual([]);
  });

  it("catches missing object-src, base-uri and frame-ancestors, wildcards, and a missing header", async () => {
    expect(evaluateCsp("default-src 'self'")).toEqual([
      "object-src must be 'none' (plugins can run script), but it is 'self'",
      "base-uri is not set, so an injected <base href> can redirect every relative script URL; use base-uri 'none' or 'self'",
      "frame-ancestors is not set, so any site can frame the page (clickjacking); use frame-ancestors 'none' or 'self'",
    ]);
    expect(evaluateCsp("default-src *; object-src 'none'; base-uri 'self'; frame-ancestors *").join("\n")).toMatch(/default-src \*[\s\S]*frame-ancestors \* lets any site frame the page/);
    const bare = new Vial();
    bare.get("/", () => "<p>hi</p>");
    expect(probeCsp(await http(bare).get("/"), "GET /")).toEqual([{ probe: "csp", message: "GET / came back without a Content-Security-Policy header" }]);
  });
});
