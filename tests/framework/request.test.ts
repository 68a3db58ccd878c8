// The request object through the app — ported from Flask's tests/test_request.py,
// tests/test_json.py and tests/test_basic.py (test_max_content_length, trusted hosts).
import { describe, expect, it } from "vitest";
import { Vial } from "vial";

describe("req", () => {
  const app = new Vial();
  app.get("/info/<name>", (req) => ({
    method: req.method,
    path: req.path,
    params: req.params,
    tags: req.query.getAll("tag"),
    first: req.query.get("tag") ?? null,
    agent: req.headers.get("user-agent"),
    host: req.url.host,
    raw: req.raw instanceof Request,
  }));

  it("exposes method, path, params, multi-valued query, headers, url and raw", async () => {
    const res = await app.request("/info/ada?tag=a&tag=b", { headers: { "user-agent": "tests" } });
    expect(await res.json()).toEqual({
      method: "GET",
      path: "/info/ada",
      params: { name: "ada" },
      tags: ["a", "b"],
      first: "a",
      agent: "tests",
      host: "localhost",
      raw: true,
    });
  });

  it("gives req.host as Flask does: lower-cased, with the port only when it is not the default", async () => {
    const hosts = new Vial();
    hosts.get("/", (req) => req.host);
    expect(await (await hosts.request("http://Example.COM:5000/")).text()).toBe("example.com:5000");
    expect(await (await hosts.request("http://example.com:80/")).text()).toBe("example.com");
    expect(await (await hosts.request("https://example.com:443/")).text()).toBe("example.com");
  });

  it("parses cookies, ignoring a nameless cookie", async () => {
    const cookies = new Vial();
    cookies.get("/", (req) => ({ ...req.cookies }));
    const res = await cookies.request("/", { headers: { cookie: '==__Host-eq=bad; __Host-eq=good; a="quoted"' } });
    expect(await res.json()).toEqual({ "__Host-eq": "good", a: "quoted" });
  });
});

describe("req.json()", () => {
  const app = new Vial();
  app.post("/", async (req) => ({ got: await req.json() }));

  it("parses JSON and application/*+json", async () => {
    expect(await (await app.request("/", { method: "POST", json: { a: 1 } })).json()).toEqual({ got: { a: 1 } });
    const problem = await app.request("/", { method: "POST", body: "[1]", headers: { "content-type": "application/problem+json" } });
    expect(await problem.json()).toEqual({ got: [1] });
  });

  it("is 415 for another media type and 400 for malformed JSON", async () => {
    const wrongType = await app.request("/", { method: "POST", body: '{"a":1}', headers: { "content-type": "text/plain" } });
    expect(wrongType.status).toBe(415);
    const malformed = await app.request("/", { method: "POST", body: "{nope", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
  });

  it("can be called twice", async () => {
    const twice = new Vial();
    twice.post("/", async (req) => ({ same: (await req.json()) === (await req.json()) }));
    expect(await (await twice.request("/", { method: "POST", json: { a: 1 } })).json()).toEqual({ same: true });
  });
});

describe("req.form() and files", () => {
  const app = new Vial();
  app.post("/", async (req) => {
    const form = await req.form();
    const files = await req.files;
    const upload = files.get("upload");
    return { names: form.getAll("name"), file: upload ? { filename: upload.filename, text: await upload.text() } : null };
  });

  it("reads urlencoded forms with repeated keys", async () => {
    const res = await app.request("/", { method: "POST", form: { name: ["a", "b"] } });
    expect(await res.json()).toEqual({ names: ["a", "b"], file: null });
  });

  it("reads multipart forms with files", async () => {
    const body = new FormData();
    body.append("name", "ada");
    body.append("upload", new Blob(["hello"], { type: "text/plain" }), "hello.txt");
    const res = await app.request("/", { method: "POST", body });
    expect(await res.json()).toEqual({ names: ["ada"], file: { filename: "hello.txt", text: "hello" } });
  });
});

describe("MAX_CONTENT_LENGTH", () => {
  const app = new Vial({ config: { MAX_CONTENT_LENGTH: 16 } });
  app.post("/", async (req) => ({ got: await req.json() }));

  it("is 413 for a larger declared body", async () => {
    const res = await app.request("/", { method: "POST", json: { text: "x".repeat(100) } });
    expect(res.status).toBe(413);
  });

  it("is 413 while a body without Content-Length streams in", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 1000) return controller.close();
        controller.enqueue(new TextEncoder().encode("0123456789"));
      },
    });
    const res = await app.request("/", { method: "POST", body: stream, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  it("passes smaller bodies", async () => {
    expect((await app.request("/", { method: "POST", json: { a: 1 } })).status).toBe(200);
  });

  it("can be changed per request in a hook", async () => {
    const perRequest = new Vial({ config: { MAX_CONTENT_LENGTH: 4 } });
    perRequest.beforeRequest((req) => { req.maxContentLength = 1000; });
    perRequest.post("/", async (req) => ({ got: await req.json() }));
    expect((await perRequest.request("/", { method: "POST", json: { a: "long enough" } })).status).toBe(200);
  });
});

describe("TRUSTED_HOSTS", () => {
  const app = new Vial({ config: { TRUSTED_HOSTS: ["example.com", ".example.org"] } });
  app.get("/", () => "ok");

  it("answers listed hosts and subdomains of dotted entries", async () => {
    expect((await app.request("http://example.com/")).status).toBe(200);
    expect((await app.request("http://example.com:8080/")).status).toBe(200);
    expect((await app.request("http://example.org/")).status).toBe(200);
    expect((await app.request("http://api.example.org/")).status).toBe(200);
  });

  it("is 400 for any other host", async () => {
    expect((await app.request("http://evil.com/")).status).toBe(400);
    expect((await app.request("http://sub.example.com/")).status).toBe(400);
    expect((await app.request("http://example.com.evil.com/")).status).toBe(400);
  });
});
