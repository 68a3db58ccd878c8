// Bodies read directly from the socket by Vial's parsers (no web stream): sizes, limits, forms,
// and clients that go away mid-body.
import { connect } from "node:net";
import { statusOf, streamUntilAnswered } from "./raw-socket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTTPError, Vial } from "vial";
import { serve, type VialServer } from "vial/node";

let server: VialServer;
let aborted: Promise<number>;

beforeAll(async () => {
  const app = new Vial({ config: { MAX_CONTENT_LENGTH: 1_000_000 } });
  app.post("/length", async (req) => String((await req.bytes()).length));
  app.post("/form", async (req) => {
    const form = await req.form();
    const file = (await req.files).get("upload");
    return { name: form.get("name"), file: file ? await file.text() : null };
  });
  let reportAbort: (status: number) => void = () => {};
  aborted = new Promise((resolve) => (reportAbort = resolve));
  app.post("/slow", async (req) => {
    try {
      await req.bytes();
      return "complete";
    } catch (error) {
      reportAbort(error instanceof HTTPError ? error.status : -1);
      throw error;
    }
  });
  server = await serve(app, { port: 0, handleSignals: false });
});

afterAll(() => server.close());

describe("bodies read directly", () => {
  it("reads empty, small and large bodies whole", async () => {
    for (const size of [0, 1, 70_000, 900_000]) {
      const res = await fetch(`${server.url}/length`, { method: "POST", body: new Uint8Array(size) });
      expect(await res.text()).toBe(String(size));
    }
  });

  it("answers 413 past MAX_CONTENT_LENGTH, declared or streamed", async () => {
    expect((await fetch(`${server.url}/length`, { method: "POST", body: new Uint8Array(1_000_001) })).status).toBe(413);
    // Sent until the server answers: it must answer 413 long before 16 MB have gone.
    const { answer, sent } = await streamUntilAnswered(server.url, "/length", 16 * 1024 * 1024);
    expect(statusOf(answer)).toBe(413);
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });

  it("parses multipart forms with files", async () => {
    const form = new FormData();
    form.set("name", "Ada");
    form.set("upload", new Blob(["file body"]), "notes.txt");
    const res = await fetch(`${server.url}/form`, { method: "POST", body: form });
    expect(await res.json()).toEqual({ name: "Ada", file: "file body" });
  });

  it("gives up with 400 when the client goes away mid-body", async () => {
    const url = new URL(server.url);
    const socket = connect(Number(url.port), url.hostname);
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    socket.write(`POST /slow HTTP/1.1\r\nHost: ${url.host}\r\nContent-Length: 1000\r\n\r\n0123456789`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    expect(await aborted).toBe(400);
  });
});
