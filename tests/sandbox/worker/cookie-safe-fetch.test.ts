/**
 * Node does not guard headers, so these tests build a "browser-like" Request and Response that
 * drop the forbidden headers as Chromium does, and check the cookie-safe classes over them
 * (tests/e2e/sandbox checks the same in real Chromium).
 */
import { describe, expect, it } from "vitest";
import { cookieSafeFetchClasses, installCookieSafeFetch } from "../../../sandbox/engines/worker/host/cookie-safe-fetch";

function without(init: HeadersInit | undefined, name: string): Headers {
  const headers = new Headers(init);
  headers.delete(name);
  return headers;
}

class GuardedRequest extends Request {
  constructor(input: RequestInfo | URL, init: RequestInit = {}) {
    super(input, { ...init, headers: without(init.headers ?? (input instanceof Request ? input.headers : undefined), "cookie") });
  }
}

class GuardedResponse extends Response {
  constructor(body?: BodyInit | null, init: ResponseInit = {}) {
    super(body, { ...init, headers: without(init.headers, "set-cookie") });
  }
}

const browserLike = { Request: GuardedRequest as typeof Request, Response: GuardedResponse as typeof Response, Headers };
const { Request: SafeRequest, Response: SafeResponse } = cookieSafeFetchClasses(browserLike);

describe("cookie-safe Request", () => {
  it("keeps Cookie where the browser's own drops it", () => {
    expect(new GuardedRequest("http://x/", { headers: { cookie: "a=1" } }).headers.get("cookie")).toBeNull();
    const request = new SafeRequest("http://x/", { headers: { cookie: "a=1", "x-id": "7" } });
    expect(request.headers.get("cookie")).toBe("a=1");
    expect(request.headers.get("x-id")).toBe("7");
    request.headers.set("cookie", "b=2");
    expect(request.headers.get("cookie")).toBe("b=2");
  });

  it("keeps the Content-Type the browser derives from the body, and the body itself", async () => {
    const request = new SafeRequest("http://x/", { method: "POST", body: new URLSearchParams({ a: "1" }), headers: { cookie: "s=1" } });
    expect(request.headers.get("content-type")).toBe("application/x-www-form-urlencoded;charset=UTF-8");
    expect(await request.text()).toBe("a=1");
  });

  it("copies the full headers from another Request, and into a clone", async () => {
    const original = new SafeRequest("http://x/", { method: "POST", body: "hi", headers: { cookie: "a=1" } });
    const copy = new SafeRequest(original);
    expect(copy.headers.get("cookie")).toBe("a=1");
    const source = new SafeRequest("http://x/", { method: "POST", body: "hi", headers: { cookie: "a=1" } });
    const clone = source.clone();
    expect(clone.headers.get("cookie")).toBe("a=1");
    clone.headers.set("cookie", "changed");
    expect(source.headers.get("cookie")).toBe("a=1");
    expect([await clone.text(), await source.text()]).toEqual(["hi", "hi"]);
    expect(clone).toBeInstanceOf(SafeRequest);
  });

  it("counts the platform's own Requests as instances", () => {
    expect(new GuardedRequest("http://x/")).toBeInstanceOf(SafeRequest);
    expect({}).not.toBeInstanceOf(SafeRequest);
  });
});

describe("cookie-safe Response", () => {
  it("keeps every Set-Cookie where the browser's own drops them", () => {
    const headers = new Headers([["set-cookie", "a=1; Path=/"], ["set-cookie", "b=2"]]);
    expect(new GuardedResponse("", { headers }).headers.getSetCookie()).toEqual([]);
    const response = new SafeResponse("ok", { status: 201, headers });
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2"]);
    expect(response.status).toBe(201);
    response.headers.append("set-cookie", "c=3");
    expect(response.headers.getSetCookie()).toHaveLength(3);
  });

  it("keeps headers through clone() and `new Response(body, response)`", async () => {
    const response = new SafeResponse("body", { headers: { "set-cookie": "a=1" } });
    const clone = response.clone();
    expect(clone.headers.get("set-cookie")).toBe("a=1");
    const copy = new SafeResponse(response.body, response);
    expect(copy.headers.get("set-cookie")).toBe("a=1");
    expect(await copy.text()).toBe("body");
    expect(await clone.text()).toBe("body");
  });

  it("offers Response.json with its Content-Type and the cookies given", async () => {
    const response = SafeResponse.json({ ok: true }, { status: 202, headers: { "set-cookie": "a=1" } });
    expect(response.status).toBe(202);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("set-cookie")).toBe("a=1");
    expect(await response.json()).toEqual({ ok: true });
    expect(() => SafeResponse.json(undefined)).toThrow(TypeError);
  });

  it("derives Content-Type from the body like the platform, and counts platform Responses as instances", () => {
    expect(new SafeResponse("text").headers.get("content-type")).toBe("text/plain;charset=UTF-8");
    expect(new GuardedResponse("")).toBeInstanceOf(SafeResponse);
    expect(SafeResponse.redirect("http://x/next", 302).headers.get("location")).toBe("http://x/next");
  });
});

describe("installCookieSafeFetch", () => {
  it("replaces Request and Response on a scope once", () => {
    const scope = { ...browserLike };
    installCookieSafeFetch(scope);
    const installed = scope.Request;
    installCookieSafeFetch(scope);
    expect(scope.Request).toBe(installed);
    expect(new scope.Request("http://x/", { headers: { cookie: "a=1" } }).headers.get("cookie")).toBe("a=1");
    expect(new scope.Response("", { headers: { "set-cookie": "a=1" } }).headers.get("set-cookie")).toBe("a=1");
  });
});
