import { describe, expect, it } from "vitest";
import { isPreviewId, isPreviewRequestMessage, previewResponseParts, previewTarget, rewriteLocation } from "../../../sandbox/engines/worker/preview-protocol";
import { previewPolicy } from "../../../sandbox/engines/worker/preview-policy";
import type { SerializedResponse } from "../../../sandbox/engines/worker/protocol";

const ORIGIN = "http://learn.test";

function response(status: number, headers: [string, string][] = [], body = "x"): SerializedResponse {
  return { status, statusText: "", headers, body: new TextEncoder().encode(body).buffer as ArrayBuffer };
}

describe("previewTarget", () => {
  it("sends /preview/<id>/… to the app, with the path and query relative to the preview", () => {
    expect(previewTarget(`${ORIGIN}/preview/ab12/users/7?page=2`, "", ORIGIN)).toEqual({ kind: "app", previewId: "ab12", path: "/users/7?page=2" });
    expect(previewTarget(`${ORIGIN}/preview/ab12/`, "", ORIGIN)).toEqual({ kind: "app", previewId: "ab12", path: "/" });
  });

  it("redirects /preview/<id> to /preview/<id>/ so relative links resolve inside it", () => {
    expect(previewTarget(`${ORIGIN}/preview/ab12?x=1`, "", ORIGIN)).toEqual({ kind: "redirect", url: `${ORIGIN}/preview/ab12/?x=1` });
  });

  it("redirects a root-relative link followed from a preview page back into that preview", () => {
    expect(previewTarget(`${ORIGIN}/users?sort=name`, `${ORIGIN}/preview/ab12/`, ORIGIN)).toEqual({ kind: "redirect", url: `${ORIGIN}/preview/ab12/users?sort=name` });
  });

  it("leaves the site's own requests, other origins and malformed ids alone", () => {
    expect(previewTarget(`${ORIGIN}/learn/01-first-steps`, `${ORIGIN}/learn`, ORIGIN)).toBeUndefined();
    expect(previewTarget("http://elsewhere.test/preview/ab12/", "", ORIGIN)).toBeUndefined();
    expect(previewTarget(`${ORIGIN}/users`, "http://elsewhere.test/preview/ab12/", ORIGIN)).toBeUndefined();
    expect(previewTarget(`${ORIGIN}/preview/a.b/`, "", ORIGIN)).toBeUndefined();
    expect(previewTarget(`${ORIGIN}/preview/`, "", ORIGIN)).toBeUndefined();
    expect(previewTarget("not a url", "", ORIGIN)).toBeUndefined();
  });

  it("honours another prefix", () => {
    expect(previewTarget(`${ORIGIN}/run/x1/a`, "", ORIGIN, "/run/")).toEqual({ kind: "app", previewId: "x1", path: "/a" });
    expect(previewTarget(`${ORIGIN}/preview/x1/a`, "", ORIGIN, "/run/")).toBeUndefined();
  });
});

describe("rewriteLocation", () => {
  it("keeps root-relative and same-origin redirects inside the preview", () => {
    expect(rewriteLocation("/login?next=%2F", ORIGIN, "/preview/ab")).toBe("/preview/ab/login?next=%2F");
    expect(rewriteLocation(`${ORIGIN}/login`, ORIGIN, "/preview/ab")).toBe(`${ORIGIN}/preview/ab/login`);
    expect(rewriteLocation(ORIGIN, ORIGIN, "/preview/ab")).toBe(`${ORIGIN}/preview/ab/`);
  });

  it("leaves relative, already-inside, protocol-relative and other-origin locations alone", () => {
    expect(rewriteLocation("login", ORIGIN, "/preview/ab")).toBe("login");
    expect(rewriteLocation("/preview/ab/x", ORIGIN, "/preview/ab")).toBe("/preview/ab/x");
    expect(rewriteLocation("//cdn.test/x", ORIGIN, "/preview/ab")).toBe("//cdn.test/x");
    expect(rewriteLocation("https://example.com/", ORIGIN, "/preview/ab")).toBe("https://example.com/");
  });
});

describe("previewResponseParts", () => {
  const context = { origin: ORIGIN, previewRoot: "/preview/ab", method: "GET" };

  it("drops Set-Cookie and length headers, rewrites Location, adds the isolation headers", () => {
    const { init, body } = previewResponseParts(response(302, [["Set-Cookie", "a=1"], ["content-length", "1"], ["Location", "/me"], ["x-app", "yes"]]), context);
    expect(init.status).toBe(302);
    expect(init.headers).toEqual([
      ["Location", "/preview/ab/me"], ["x-app", "yes"], ["cross-origin-embedder-policy", "require-corp"], ["cross-origin-resource-policy", "same-origin"],
      ["content-security-policy", previewPolicy(ORIGIN, "/preview/ab")],
    ]);
    expect(new TextDecoder().decode(body!)).toBe("x");
  });

  it("loosens a Referrer-Policy that would hide the preview page from its own links, and no further", () => {
    const policyOf = (value: string) => (previewResponseParts(response(200, [["Referrer-Policy", value]]), context).init.headers as [string, string][])[0]![1];
    expect(policyOf("no-referrer")).toBe("same-origin");
    expect(policyOf("strict-origin")).toBe("strict-origin-when-cross-origin");
    expect(policyOf("origin")).toBe("strict-origin-when-cross-origin");
    // Of a list, the last policy the browser knows is the one it uses.
    expect(policyOf("no-referrer, made-up-policy")).toBe("same-origin");
    expect(policyOf("no-referrer, same-origin")).toBe("no-referrer, same-origin");
    for (const kept of ["same-origin", "strict-origin-when-cross-origin", "origin-when-cross-origin", "no-referrer-when-downgrade", "unsafe-url"]) {
      expect(policyOf(kept)).toBe(kept);
    }
  });

  it("keeps the app's own isolation headers", () => {
    const { init } = previewResponseParts(response(200, [["Cross-Origin-Embedder-Policy", "credentialless"], ["Cross-Origin-Resource-Policy", "cross-origin"]]), context);
    expect(init.headers).toEqual([["Cross-Origin-Embedder-Policy", "credentialless"], ["Cross-Origin-Resource-Policy", "cross-origin"], ["content-security-policy", previewPolicy(ORIGIN, "/preview/ab")]]);
  });

  it("adds the preview's policy even when the app sends its own, and points an HTML page's root paths into the preview", () => {
    const page: SerializedResponse = {
      status: 200, statusText: "", headers: [["Content-Type", "text/html; charset=utf-8"], ["Content-Security-Policy", "default-src 'self'"]],
      body: new TextEncoder().encode('<a href="/about">About</a><form action="/login" method="post"></form>').buffer as ArrayBuffer,
    };
    const { init, body } = previewResponseParts(page, context);
    const policies = (init.headers as [string, string][]).filter(([name]) => name.toLowerCase() === "content-security-policy").map(([, value]) => value);
    expect(policies).toEqual(["default-src 'self'", previewPolicy(ORIGIN, "/preview/ab")]);
    expect(new TextDecoder().decode(body!)).toBe('<a href="/preview/ab/about">About</a><form action="/preview/ab/login" method="post"></form>');
    const json: SerializedResponse = { ...page, headers: [["Content-Type", "application/json"]], body: new TextEncoder().encode('{"href":"/x"}').buffer as ArrayBuffer };
    expect(new TextDecoder().decode(previewResponseParts(json, context).body!)).toBe('{"href":"/x"}');
  });

  it("gives no body where a Response may not have one (204, 304, HEAD)", () => {
    expect(previewResponseParts(response(204), context).body).toBeNull();
    expect(previewResponseParts(response(304), context).body).toBeNull();
    expect(previewResponseParts(response(200), { ...context, method: "HEAD" }).body).toBeNull();
    const { body, init } = previewResponseParts(response(204), context);
    expect(() => new Response(body, init)).not.toThrow();
  });

  it("turns a status a browser cannot show into a 502 that says so", () => {
    const { body, init } = previewResponseParts(response(99), context);
    expect(init.status).toBe(502);
    expect(new TextDecoder().decode(body!)).toMatch(/status 99/);
  });
});

describe("message guards", () => {
  it("recognise preview request messages and ids", () => {
    expect(isPreviewRequestMessage({ type: "vial-preview-request", previewId: "a", request: { method: "GET", url: "/", headers: [] } })).toBe(true);
    expect(isPreviewRequestMessage({ type: "vial-preview-request", previewId: "a" })).toBe(false);
    expect(isPreviewRequestMessage("vial-preview-request")).toBe(false);
    expect(isPreviewId("k3j9-x_2")).toBe(true);
    expect(isPreviewId("../../x")).toBe(false);
  });
});
