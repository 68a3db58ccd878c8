// Request conversion in vial/node: URLs as `new URL` makes them, whether or not the fast path
// that skips parsing is taken; headers and the deferred Request.
import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidHostError, toDeferredRequest, toWebRequest } from "vial/node";
import { headerValue, knownPathname } from "../../../framework/src/adapter-request";

const ORIGIN = "http://127.0.0.1:5000";

function incoming(target: string, headers: Record<string, string>, method = "GET"): IncomingMessage {
  const message = new IncomingMessage(new Socket());
  message.method = method;
  message.url = target;
  message.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  message.rawHeaders = Object.entries(headers).flat();
  return message;
}

/**
 * What the URL must be: the host, then the request target as a path (so `//evil.example/x` stays
 * on the host), parsed the way `new URL` parses it; `*` is the root. Throws for a host that
 * is not one (no characters beyond RFC 3986's, and what `new URL` accepts).
 */
function expectedUrl(target: string, host: string): string {
  if (!/^[A-Za-z0-9.\-_~%!$&'()*+,;=:[\]]+$/.test(host)) throw new TypeError(`not a host: ${host}`);
  new URL(`http://${host}`); // throws for what new URL refuses as a host
  return new URL(`http://${host}${target.startsWith("/") ? target : "/"}`).href;
}

describe("toDeferredRequest", () => {
  const cases: Array<[string, string]> = [
    ["/", "localhost:5000"],
    ["/users/42?tab=posts&x=%20y", "example.com"],
    ["/a/../b", "localhost"],
    ["/a/./b/%2e%2E/c", "localhost"],
    ["//evil.example/x", "localhost"],
    ["/\\evil.example/x", "localhost"],
    ["/files/a b.txt", "localhost"],
    ["/q?it's", "localhost"],
    ["/caf\u00e9", "localhost"],
    ["/x#frag", "localhost"],
    ["/", "LOCALHOST:80"],
    ["/", "127.1"],
    ["/", "0x7f.0.0.1:8080"],
    ["/", "[::1]:3000"],
    ["*", "localhost"],
    ["/.well-known/x", "localhost"],
  ];

  it.each(cases)("gives %s on %s the URL new URL gives", (target, host) => {
    const request = toDeferredRequest(incoming(target, { Host: host }), ORIGIN);
    expect(request.url).toBe(expectedUrl(target, host));
    expect(knownPathname(request) ?? new URL(request.url).pathname).toBe(new URL(expectedUrl(target, host)).pathname);
  });

  it("keeps a target that starts with // on the Host: it is a path", () => {
    const request = toDeferredRequest(incoming("//evil.example/reset", { Host: "app.example" }), ORIGIN);
    expect(new URL(request.url).host).toBe("app.example");
    expect(new URL(request.url).pathname).toBe("//evil.example/reset");
  });

  it("takes only the path and query of an absolute-form target", () => {
    const request = toDeferredRequest(incoming("http://evil.example/reset?x=1", { Host: "app.example" }), ORIGIN);
    expect(request.url).toBe("http://app.example/reset?x=1");
  });

  it.each(["[", "[::1", "localhost%2f", "bad host/../", "a/b", "host:65536", "a@b"])("refuses the Host %s with InvalidHostError", (host) => {
    expect(() => toDeferredRequest(incoming("/", { Host: host }), ORIGIN)).toThrow(InvalidHostError);
    expect(() => toWebRequest(incoming("/", { Host: host }), ORIGIN)).toThrow(InvalidHostError);
  });

  it("uses the server's origin when there is no Host", () => {
    expect(toDeferredRequest(incoming("/a", {}), ORIGIN).url).toBe(`${ORIGIN}/a`);
  });

  it("knows the pathname of plain targets without parsing", () => {
    expect(knownPathname(toDeferredRequest(incoming("/users/42?tab=posts", { Host: "localhost" }), ORIGIN))).toBe("/users/42");
    expect(knownPathname(toDeferredRequest(incoming("/a/../b", { Host: "localhost" }), ORIGIN))).toBeUndefined();
  });

  it("gives the URL new URL gives for any target and host", () => {
    const pathChars = fc.constantFrom(..."abcXYZ019-._~!$&'()*+,;=:@%/?#[]\\ \"<>^`{|}é".split(""));
    const target = fc.array(pathChars, { maxLength: 20 }).map((chars) => `/${chars.join("")}`);
    const host = fc.oneof(
      fc.constantFrom("localhost", "example.com", "a.b.c", "127.0.0.1", "1.2.3", "Example.COM", "host:8080", "host:80", "host:65536", "host:0", "x_y.z"),
      fc.stringMatching(/^[a-z0-9.-]{1,12}(:\d{1,5})?$/),
    );
    fc.assert(
      fc.property(target, host, (t, h) => {
        let expected: string;
        try {
          expected = expectedUrl(t, h);
        } catch {
          // Not a host: refused, never replaced by another host.
          expect(() => toDeferredRequest(incoming(t, { Host: h }), ORIGIN)).toThrow(InvalidHostError);
          return;
        }
        const request = toDeferredRequest(incoming(t, { Host: h }), ORIGIN);
        expect(request.url).toBe(expected);
        // Known without parsing on the fast path: it must be what parsing gives.
        expect(knownPathname(request) ?? new URL(expected).pathname).toBe(new URL(expected).pathname);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads headers in arrival order, repeated ones joined, without building the Request", () => {
    const request = toDeferredRequest(incoming("/", { Host: "localhost", Accept: "a", "X-Many": "1" }), ORIGIN);
    expect(request.method).toBe("GET");
    expect(request.headers.get("accept")).toBe("a");
    expect([...request.headers.keys()]).toEqual(["accept", "host", "x-many"]);
  });

  it("reads one header without making Headers, as Headers would give it", () => {
    const raw = { Host: "localhost", Cookie: "a=1", "X-Many": " one ", "x-many": "two\t", COOKIE: "b=2" };
    for (const name of ["cookie", "Cookie", "x-many", "host", "missing"]) {
      const message = () => {
        const m = incoming("/", {});
        m.rawHeaders = Object.entries(raw).flat();
        return m;
      };
      const fromHeaders = toDeferredRequest(message(), ORIGIN).headers.get(name);
      expect(headerValue(toDeferredRequest(message(), ORIGIN), name)).toBe(fromHeaders);
    }
    expect(headerValue(toDeferredRequest(incoming("/", { Cookie: "a=1", cookie: "b=2" }), ORIGIN), "cookie")).toBe("a=1; b=2");
  });

  it("builds the same Request as toWebRequest when it is needed", () => {
    const message = () => incoming("/p?q=1", { Host: "localhost", "Content-Type": "text/plain" }, "POST");
    const eager = toWebRequest(message(), ORIGIN);
    const deferred = toDeferredRequest(message(), ORIGIN);
    expect(deferred.signal).toBeInstanceOf(AbortSignal);
    expect(deferred.body).toBeInstanceOf(ReadableStream);
    expect([eager.method, eager.url, eager.headers.get("content-type")]).toEqual(["POST", "http://localhost/p?q=1", "text/plain"]);
    expect([deferred.method, deferred.url, deferred.headers.get("content-type")]).toEqual([eager.method, eager.url, "text/plain"]);
  });
});

describe("bodies of deferred requests", () => {
  it("are read without building the Request, which then reads as used", async () => {
    const { Vial } = await import("vial");
    const { serve } = await import("vial/node");
    const app = new Vial({ config: { MAX_CONTENT_LENGTH: 64 } });
    app.post("/echo", async (req) => {
      const body = await req.json();
      const raw = req.raw;
      const again = await raw.text().then(
        () => "read again",
        (error: unknown) => (error instanceof TypeError ? "already used" : "other error"),
      );
      return { body, used: raw.bodyUsed, again, aborted: raw.signal.aborted };
    });
    const server = await serve(app, { port: 0, handleSignals: false });
    try {
      const ok = await fetch(`${server.url}/echo`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"a":1}' });
      expect(await ok.json()).toEqual({ body: { a: 1 }, used: true, again: "already used", aborted: false });
      const big = await fetch(`${server.url}/echo`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ a: "x".repeat(100) }) });
      expect(big.status).toBe(413);
    } finally {
      await server.close();
    }
  });
});
