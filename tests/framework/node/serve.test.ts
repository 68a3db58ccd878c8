// vial/node's serve(): real sockets on 127.0.0.1, streaming both ways, clean shutdown.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Vial } from "vial";
import { serve, type VialServer } from "vial/node";
import { statusOf, streamUntilAnswered } from "./raw-socket";

let server: VialServer;
let limitedServer: VialServer;

beforeAll(async () => {
  const app = new Vial();
  app.get("/", () => "Hello");
  app.get("/cookies", () => new Response("c", { headers: [["set-cookie", "a=1"], ["set-cookie", "b=2"]] }));
  app.post("/echo-length", async (req) => String((await req.bytes()).length));
  app.get("/stream", async function* () {
    for (let i = 0; i < 3; i++) yield `chunk${i};`;
  });
  server = await serve(app, { port: 0, handleSignals: false });
  const limited = new Vial({ config: { MAX_CONTENT_LENGTH: 1024 } });
  limited.post("/", async (req) => String((await req.bytes()).length));
  limitedServer = await serve(limited, { port: 0, handleSignals: false });
});

afterAll(() => Promise.all([server.close(), limitedServer.close()]));

describe("serve", () => {
  it("answers over HTTP", async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("Hello");
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("sends every Set-Cookie header separately", async () => {
    const res = await fetch(`${server.url}/cookies`);
    expect(res.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  });

  it("streams a large request body in and a generated body out", async () => {
    const size = 5 * 1024 * 1024;
    const res = await fetch(`${server.url}/echo-length`, { method: "POST", body: new Uint8Array(size) });
    expect(await res.text()).toBe(String(size));
    expect(await (await fetch(`${server.url}/stream`)).text()).toBe("chunk0;chunk1;chunk2;");
  });

  it("answers 413 for a body over MAX_CONTENT_LENGTH, declared or streamed", async () => {
    const declared = await fetch(`${limitedServer.url}/`, { method: "POST", body: new Uint8Array(4096) });
    expect(declared.status).toBe(413);
    const { answer, sent } = await streamUntilAnswered(limitedServer.url, "/", 64 * 1024 * 1024);
    expect(statusOf(answer)).toBe(413);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    const small = await fetch(`${limitedServer.url}/`, { method: "POST", body: "tiny" });
    expect(await small.text()).toBe("4");
  });

  it("answers HEAD without a body", async () => {
    const res = await fetch(`${server.url}/`, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });
});

describe("shutdown", () => {
  it("lets in-flight requests finish on SIGTERM, then exits 0", async () => {
    const script = fileURLToPath(new URL("./fixtures/slow-app.ts", import.meta.url));
    const child = spawn(process.execPath, ["--conditions=vial-source", "--import", "tsx", script], { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    const ready = new Promise<string>((resolve) => {
      child.stdout.on("data", (chunk) => {
        output += chunk;
        const match = /READY (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
    });
    const url = await ready;
    const pending = fetch(`${url}/slow`).then((res) => res.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill("SIGTERM");
    expect(await pending).toBe("finished");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });
});
