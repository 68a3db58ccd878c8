// serve() and the Host header over raw sockets: a request-target that starts with // is a path on
// the real host, and a Host that is no host is a 400 (RFC 9112 §3.2), never a 500, logged by nobody.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Vial } from "vial";
import { serve, type VialServer } from "vial/node";
import { bodyOf, exchange, statusOf } from "./raw-socket";

let server: VialServer;

beforeAll(async () => {
  const app = new Vial();
  app.get("/reset", { endpoint: "reset" }, () => "reset");
  // Whatever the path, say which host the request is for and where urlFor points.
  app.beforeRequest((req) => Response.json({ host: req.host, path: req.path, reset: req.urlFor("reset", {}, { external: true }) }));
  server = await serve(app, { port: 0, handleSignals: false });
});

afterAll(() => server.close());
afterEach(() => vi.restoreAllMocks());

const get = (target: string, host: string) => exchange(server.url, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
const jsonOf = (answer: string) => JSON.parse(bodyOf(answer)) as Record<string, string>;

describe("serve and the request-target", () => {
  it("treats a target that starts with // as a path on the Host", async () => {
    const answer = await get("//evil.com/reset", "app.example:8000");
    expect(statusOf(answer)).toBe(200);
    expect(jsonOf(answer)).toEqual({ host: "app.example:8000", path: "//evil.com/reset", reset: "http://app.example:8000/reset" });
  });

  it("takes the host from the Host header, not from an absolute-form target", async () => {
    const answer = await get("http://evil.com/reset", "app.example");
    expect(jsonOf(answer).host).toBe("app.example");
  });
});

describe("serve and an unparsable Host", () => {
  it.each(["[", "[::1", "localhost%2f", "bad host/../"])("answers 400 to Host %s and logs nothing", async (host) => {
    const logged = vi.spyOn(console, "error");
    const answer = await get("/reset", host);
    expect(statusOf(answer)).toBe(400);
    expect(answer).toContain("Host header");
    expect(logged).not.toHaveBeenCalled();
  });

  it("keeps serving well-formed requests after bad ones", async () => {
    await get("/", "[");
    expect(statusOf(await get("/", "localhost"))).toBe(200);
  });
});
