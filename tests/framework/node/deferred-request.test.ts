// Deferred requests: method, URL and headers without building a Request; everything else from
// the real one, built once on first need.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { Vial } from "vial";
import { deferRequest } from "../../../framework/src/node/deferred-request";
import { realRequest } from "../../../framework/src/adapter-request";

function deferred(init: RequestInit & { duplex?: "half" } = {}) {
  const counts = { headers: 0, build: 0 };
  const url = "http://localhost/items?x=1";
  const request = deferRequest({
    method: init.method ?? "GET",
    url,
    headers: () => {
      counts.headers++;
      return new Headers(init.headers);
    },
    build: (headers) => {
      counts.build++;
      return new Request(url, { ...init, headers });
    },
  });
  return { request, counts };
}

describe("deferRequest", () => {
  it("answers method, url and headers without building the Request", () => {
    const { request, counts } = deferred({ headers: { accept: "text/plain" } });
    expect(request.method).toBe("GET");
    expect(request.url).toBe("http://localhost/items?x=1");
    expect(request.headers.get("accept")).toBe("text/plain");
    expect(request.headers).toBe(request.headers);
    expect(counts).toEqual({ headers: 1, build: 0 });
    expect(request instanceof Request).toBe(true);
  });

  it("builds the real Request once, for the body and everything else", async () => {
    const { request, counts } = deferred({ method: "POST", body: '{"a":1}', headers: { "content-type": "application/json" } });
    expect(request.bodyUsed).toBe(false);
    expect(await request.json()).toEqual({ a: 1 });
    expect(request.bodyUsed).toBe(true);
    expect(request.signal).toBeInstanceOf(AbortSignal);
    expect(counts.build).toBe(1);
    const real = realRequest(request);
    expect(real).not.toBe(request);
    expect(real).toBe(realRequest(request));
    expect(real.headers.get("content-type")).toBe("application/json");
  });

  it("leaves a real Request as it is", () => {
    const request = new Request("http://localhost/");
    expect(realRequest(request)).toBe(request);
  });

  it("reaches a Vial app, whose req.raw is the real Request", async () => {
    const app = new Vial();
    let raw: Request | undefined;
    app.post("/items", async (req) => {
      raw = req.raw;
      return { path: req.path, q: req.query.get("x"), type: req.headers.get("content-type"), body: await req.json() };
    });
    const { request, counts } = deferred({ method: "POST", body: '{"a":1}', headers: { "content-type": "application/json" } });
    const res = await app.fetch(request);
    expect(await res.json()).toEqual({ path: "/items", q: "1", type: "application/json", body: { a: 1 } });
    expect(raw).toBe(realRequest(request));
    expect(counts.build).toBe(1);
  });

  it("is never built for a request that only needs its method, URL and headers", async () => {
    const app = new Vial({ config: { SECRET_KEY: "s" } });
    app.get("/items", (req) => ({ session: req.session.get("user") ?? null, agent: req.headers.get("user-agent") }));
    const { request, counts } = deferred({ headers: { "user-agent": "test" } });
    const res = await app.fetch(request);
    expect(await res.json()).toEqual({ session: null, agent: "test" });
    expect(counts.build).toBe(0);
  });
});

describe("which apps get deferred requests", () => {
  const accepts = (app: object) => (app as Record<symbol, unknown>)[Symbol.for("vial.acceptsDeferredRequests")];

  it("a Vial app whose fetch is its own", () => {
    expect(accepts(new Vial())).toBe(true);
  });

  it("not once fetch is wrapped, or overridden by a subclass", () => {
    const wrapped = new Vial();
    const next = wrapped.fetch;
    wrapped.fetch = (request: Request) => next(request);
    expect(accepts(wrapped)).toBe(false);
    class Custom extends Vial {
      override fetch(request: Request): Promise<Response> {
        return super.fetch(request);
      }
    }
    expect(accepts(new Custom())).toBe(false);
  });
});

describe("deferred request bodies", () => {
  function withBody(text: string) {
    const counts = { build: 0 };
    let made: ReadableStream<Uint8Array> | null | undefined;
    const request = deferRequest({
      method: "POST",
      url: "http://localhost/",
      headers: () => new Headers({ "content-type": "application/json" }),
      body: () => (made = new Response(text).body),
      isDisturbed: (stream) => Readable.isDisturbed(stream as never),
      build: (headers, body) => {
        counts.build++;
        expect(body).toBe(made);
        return new Request("http://localhost/", { method: "POST", headers, body: "{}" });
      },
    });
    return { request, counts };
  }

  it("streams from the source without building the Request", async () => {
    const app = new Vial();
    app.post("/", async (req) => req.json() as Promise<object>);
    const { request, counts } = withBody('{"a":2}');
    expect(request.bodyUsed).toBe(false);
    expect(await (await app.fetch(request)).json()).toEqual({ a: 2 });
    expect(counts.build).toBe(0);
    expect(request.bodyUsed).toBe(true);
    realRequest(request);
    expect(counts.build).toBe(1);
  });
});
