// serve()'s limits over raw sockets: header and request timeouts (408), the header size (431)
// and the connection cap, each configurable; and the documented defaults reach node:http.
import { once } from "node:events";
import type { Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Vial } from "vial";
import { serve, type VialServer } from "vial/node";
import { exchange, openSocket, readUntilClosed, statusOf } from "./raw-socket";

const app = new Vial();
app.get("/", () => "ok");
app.post("/upload", async (req) => String((await req.bytes()).length));

let open: Socket[] = [];
afterEach(() => {
  for (const socket of open) socket.destroy();
  open = [];
});

async function connection(url: string): Promise<{ socket: Socket; answer: Promise<string> }> {
  const socket = await openSocket(url);
  open.push(socket);
  return { socket, answer: readUntilClosed(socket) };
}

describe("serve's defaults", () => {
  let server: VialServer;
  beforeAll(async () => (server = await serve(app, { port: 0, handleSignals: false })));
  afterAll(() => server.close());

  it("sets node:http's timeouts, header size and connection cap", () => {
    const { requestTimeout, headersTimeout, keepAliveTimeout, maxConnections } = server.server;
    expect({ requestTimeout, headersTimeout, keepAliveTimeout, maxConnections }).toEqual({
      requestTimeout: 300_000,
      headersTimeout: 30_000,
      keepAliveTimeout: 5_000,
      maxConnections: 1_024,
    });
  });

  it("answers 431 to headers over 16 KiB", async () => {
    const big = `GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${"a".repeat(17 * 1024)}\r\n\r\n`;
    expect(statusOf(await exchange(server.url, big))).toBe(431);
    const fits = `GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Padding: ${"a".repeat(15 * 1024)}\r\n\r\n`;
    expect(statusOf(await exchange(server.url, fits))).toBe(200);
  });
});

describe("serve's limits, configured", () => {
  let server: VialServer;
  beforeAll(async () => {
    server = await serve(app, { port: 0, handleSignals: false, headersTimeout: 200, requestTimeout: 600, maxHeaderSize: 1024, maxConnections: 2 });
  });
  afterAll(() => server.close());

  it("answers 408 and closes when the headers do not arrive in time", async () => {
    const { socket, answer } = await connection(server.url);
    socket.write("GET / HTTP/1.1\r\nHost: localhost\r\n");
    expect(statusOf(await answer)).toBe(408);
  });

  it("closes a connection whose body does not arrive within the request timeout", async () => {
    const { socket, answer } = await connection(server.url);
    socket.write("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\nab");
    // The handler has begun to read: node can only close the connection, not answer.
    expect(await answer).not.toContain("200 OK");
    expect(socket.destroyed).toBe(true);
  });

  it("answers 431 past the configured header size", async () => {
    const big = `GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${"a".repeat(2048)}\r\n\r\n`;
    expect(statusOf(await exchange(server.url, big))).toBe(431);
  });

  it("closes connections beyond maxConnections at once", async () => {
    const accepted: Promise<unknown>[] = [once(server.server, "connection"), once(server.server, "connection")];
    await connection(server.url);
    await connection(server.url);
    await Promise.all(accepted);
    const dropped = once(server.server, "drop");
    const third = await connection(server.url);
    third.socket.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    expect(await third.answer).toBe("");
    await dropped;
  });
});
