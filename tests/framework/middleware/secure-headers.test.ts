// secureHeaders(): the defaults (compared with Hono's secure-headers), per-header options, the
// per-request CSP nonce, and what it must never do (overwrite a handler's header, leak X-Powered-By).
import { describe, expect, it } from "vitest";
import { Blueprint, Vial, html, json } from "vial";
import { NONCE, cspNonce, secureHeaders } from "../../../framework/src/middleware/secure-headers";

function appWith(options?: Parameters<typeof secureHeaders>[0]): Vial {
  const app = new Vial();
  app.use(secureHeaders(options));
  app.get("/", () => "home");
  return app;
}

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

describe("secureHeaders defaults", () => {
  it("sends every default header", async () => {
    const res = await appWith().request("/");
    const headers = Object.fromEntries(res.headers);
    expect(headers).toMatchObject({
      "strict-transport-security": "max-age=15552000; includeSubDomains",
      "x-content-type-options": "nosniff",
      "x-frame-options": "SAMEORIGIN",
      "referrer-policy": "no-referrer",
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-resource-policy": "same-origin",
      "origin-agent-cluster": "?1",
      "x-dns-prefetch-control": "off",
      "x-download-options": "noopen",
      "x-permitted-cross-domain-policies": "none",
      "x-xss-protection": "0",
    });
    expect(headers["cross-origin-embedder-policy"]).toBeUndefined();
    expect(headers["permissions-policy"]).toBeUndefined();
    const nonce = nonceOf(headers["content-security-policy"] ?? null);
    expect(headers["content-security-policy"]).toBe(
      `default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'; object-src 'none'; script-src 'self' 'nonce-${nonce}'`,
    );
  });

  it("makes a fresh 128-bit nonce per request", async () => {
    const app = appWith();
    const nonces = new Set<string | undefined>();
    for (let i = 0; i < 5; i++) nonces.add(nonceOf((await app.request("/")).headers.get("content-security-policy")));
    expect(nonces.size).toBe(5);
    for (const nonce of nonces) expect(atob(nonce!)).toHaveLength(16);
  });

  it("puts the same nonce in the page and in the header", async () => {
    const app = new Vial();
    app.use(secureHeaders());
    app.get("/", (req) => html`<script nonce="${cspNonce(req)}">go()</script>`);
    const res = await app.request("/");
    const inPage = /nonce="([^"]+)"/.exec(await res.text())?.[1];
    expect(inPage).toBeDefined();
    expect(nonceOf(res.headers.get("content-security-policy"))).toBe(inPage);
  });

  it("removes X-Powered-By unless told not to", async () => {
    for (const removePoweredBy of [undefined, false]) {
      const app = new Vial();
      app.use(secureHeaders({ removePoweredBy }));
      app.get("/", () => new Response("x", { headers: { "x-powered-by": "PHP/5.4" } }));
      const res = await app.request("/");
      expect(res.headers.get("x-powered-by")).toBe(removePoweredBy === false ? "PHP/5.4" : null);
    }
  });

  it("keeps headers the handler set", async () => {
    const app = new Vial();
    app.use(secureHeaders());
    app.get("/embed", () =>
      new Response("widget", { headers: { "x-frame-options": "DENY", "content-security-policy": "frame-ancestors https://partner.example" } }),
    );
    const res = await app.request("/embed");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toBe("frame-ancestors https://partner.example");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("covers error responses and routing errors", async () => {
    const app = appWith();
    const res = await app.request("/missing");
    expect(res.status).toBe(404);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
  });

  it("copies a response whose headers are immutable instead of failing", async () => {
    const app = new Vial();
    app.use(secureHeaders());
    app.get("/away", () => Response.redirect("https://example.com/", 302));
    const res = await app.request("/away");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://example.com/");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });
});

describe("secureHeaders options", () => {
  it("turns a header off with false and replaces it with a string", async () => {
    const res = await appWith({
      xFrameOptions: false,
      strictTransportSecurity: "max-age=63072000; includeSubDomains; preload",
      referrerPolicy: "strict-origin-when-cross-origin",
      crossOriginEmbedderPolicy: "require-corp",
      permissionsPolicy: "camera=(), microphone=()",
      xXssProtection: true,
    }).request("/");
    expect(res.headers.get("x-frame-options")).toBeNull();
    expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains; preload");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
    expect(res.headers.get("permissions-policy")).toBe("camera=(), microphone=()");
    expect(res.headers.get("x-xss-protection")).toBe("0");
  });

  it("merges CSP directives over the defaults: camelCase or kebab-case, false drops, true is valueless", async () => {
    const res = await appWith({
      contentSecurityPolicy: {
        imgSrc: ["'self'", "data:"],
        "connect-src": "'self' https://api.example",
        frameAncestors: false,
        scriptSrc: ["'self'", "https://cdn.example", NONCE],
        styleSrc: ["'self'", NONCE],
        upgradeInsecureRequests: true,
      },
    }).request("/");
    const csp = res.headers.get("content-security-policy")!;
    const nonce = nonceOf(csp);
    expect(csp).toBe(
      "default-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'; " +
        `script-src 'self' https://cdn.example 'nonce-${nonce}'; img-src 'self' data:; ` +
        `connect-src 'self' https://api.example; style-src 'self' 'nonce-${nonce}'; upgrade-insecure-requests`,
    );
  });

  it("sends no CSP when it is false, and a report-only policy when asked", async () => {
    const off = await appWith({ contentSecurityPolicy: false }).request("/");
    expect(off.headers.get("content-security-policy")).toBeNull();
    expect(off.headers.get("content-security-policy-report-only")).toBeNull();
    const trial = await appWith({ contentSecurityPolicyReportOnly: { defaultSrc: ["'none'"], reportTo: "csp" } }).request("/");
    expect(trial.headers.get("content-security-policy-report-only")).toBe("default-src 'none'; report-to csp");
    expect(trial.headers.get("content-security-policy")).toContain("default-src 'self'");
  });

  it("refuses values that would inject directives or headers, when it is made", () => {
    expect(() => secureHeaders({ contentSecurityPolicy: { scriptSrc: ["'self'; script-src *"] } })).toThrow(/Invalid source/);
    expect(() => secureHeaders({ contentSecurityPolicy: { imgSrc: ["data:", ""] } })).toThrow(/Invalid source/);
    expect(() => secureHeaders({ contentSecurityPolicy: { imgSrc: ["data:\u0000"] } })).toThrow(/Invalid source/);
    expect(() => secureHeaders({ contentSecurityPolicy: { "img src": ["'self'"] } })).toThrow(/directive name/);
    expect(() => secureHeaders({ referrerPolicy: "no-referrer\r\nSet-Cookie: a=b" })).toThrow(/line breaks/);
  });
});

describe("secureHeaders on a blueprint", () => {
  it("applies to the blueprint's routes only", async () => {
    const app = new Vial();
    const admin = new Blueprint("admin", { urlPrefix: "/admin" });
    admin.use(secureHeaders({ xFrameOptions: "DENY" }));
    admin.get("/", { endpoint: "index" }, () => json({ admin: true }));
    app.register(admin);
    app.get("/", () => "public");
    expect((await app.request("/admin/")).headers.get("x-frame-options")).toBe("DENY");
    expect((await app.request("/")).headers.get("x-frame-options")).toBeNull();
  });
});
