// writeWebResponse: whole bodies in one write with their length; streams still stream.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Vial } from "vial";
import { serve, type VialServer } from "vial/node";

let server: VialServer;
let releaseStream: () => void = () => {};

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(path: string, method = "GET"): Promise<RawAnswer> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  const app = new Vial();
  app.get("/text", () => "héllo wörld");
  app.get("/json", () => ({ ok: true }));
  app.get("/tuple", () => ["created", 201, { "x-id": "7" }]);
  app.get("/wrapped", () => new Response("from a stream", { headers: { "x-kind": "plain" } }));
  app.get("/slow", async function* () {
    yield "first;";
    // The rest only comes once the client has seen the first chunk: a response held back
    // until its end would never finish.
    await new Promise<void>((resolve) => (releaseStream = resolve));
    yield "second;";
  });
  app.get("/read-by-hook", () => "read me");
  app.get("/wrapped-by-hook", () => ({ wrapped: true }));
  app.afterRequest((res, req) => {
    if (req.path === "/text") res.headers.set("x-after", "1");
    return res;
  });
  app.afterRequest(async (res, req) => {
    // A hook that reads the body and keeps the response, and one that wraps it in a new one.
    if (req.path === "/read-by-hook") res.headers.set("x-length", String((await res.clone().text()).length));
    if (req.path === "/wrapped-by-hook") return new Response(res.body, { status: 202, headers: res.headers });
    return res;
  });
  server = await serve(app, { port: 0, handleSignals: false });
});

afterAll(() => server.close());

describe("writeWebResponse", () => {
  it("sends a string body whole, with its byte length", async () => {
    const res = await get("/text");
    expect(res.body).toBe("héllo wörld");
    expect(res.headers["content-length"]).toBe(String(Buffer.byteLength("héllo wörld")));
    expect(res.headers["transfer-encoding"]).toBeUndefined();
    expect(res.headers["x-after"]).toBe("1");
  });

  it("sends JSON and tuples whole, with their status and headers", async () => {
    const json = await get("/json");
    expect(json.body).toBe('{"ok":true}');
    expect(json.headers["content-length"]).toBe("11");
    const tuple = await get("/tuple");
    expect(tuple.status).toBe(201);
    expect(tuple.headers["x-id"]).toBe("7");
    expect(tuple.body).toBe("created");
  });

  it("streams a Response made elsewhere", async () => {
    const res = await get("/wrapped");
    expect(res.body).toBe("from a stream");
    expect(res.headers["x-kind"]).toBe("plain");
  });

  it("sends a slow stream's first chunk before the stream ends", async () => {
    const url = new URL(server.url);
    const body = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: "/slow" }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
          if (text === "first;") releaseStream();
        });
        res.on("end", () => resolve(text));
      });
      req.on("error", reject);
      req.end();
    });
    expect(body).toBe("first;second;");
  });

  it("lets after-request hooks read and replace Vial's answers", async () => {
    const read = await get("/read-by-hook");
    expect(read.body).toBe("read me");
    expect(read.headers["x-length"]).toBe("7");
    const wrapped = await get("/wrapped-by-hook");
    expect(wrapped.status).toBe(202);
    expect(wrapped.headers["content-type"]).toBe("application/json");
    expect(wrapped.body).toBe('{"wrapped":true}');
  });

  it("answers HEAD with the headers and no body", async () => {
    const res = await get("/text", "HEAD");
    expect(res.status).toBe(200);
    expect(res.body).toBe("");
  });
});

describe("writeWebResponse with sessions", () => {
  let sessionServer: VialServer;
  beforeAll(async () => {
    const app = new Vial({ config: { SECRET_KEY: "test" } });
    app.get("/count", (req) => {
      const count = req.session.get<number>("count", 0) + 1;
      req.session.set("count", count);
      return { count };
    });
    sessionServer = await serve(app, { port: 0, handleSignals: false });
  });
  afterAll(() => sessionServer.close());

  it("sends the session cookie and Vary with the answer", async () => {
    const first = await fetch(`${sessionServer.url}/count`);
    expect(await first.json()).toEqual({ count: 1 });
    expect(first.headers.get("vary")).toBe("Cookie");
    const cookie = first.headers.getSetCookie()[0]!.split(";")[0]!;
    const second = await fetch(`${sessionServer.url}/count`, { headers: { cookie } });
    expect(await second.json()).toEqual({ count: 2 });
    expect(second.headers.getSetCookie()).toHaveLength(1);
  });
});
