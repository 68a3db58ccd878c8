// serve() spools large multipart uploads to disk, as Werkzeug does: past the threshold a file is a
// temporary file (`file.path`), written while it arrives, and deleted once the response is sent.
import { existsSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Vial } from "vial";
import { serve, type VialServer } from "vial/node";
import { bodyOf, exchange, statusOf } from "./raw-socket";

let server: VialServer;
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "vial-uploads-test-"));
  const app = new Vial();
  app.post("/upload", async (req) => {
    const file = (await req.files).get("file")!;
    const path = file.path ?? null;
    const text = await file.text();
    return {
      path,
      onDisk: path !== null && existsSync(path) ? statSync(path).size : null,
      size: file.size,
      intact: text === "0123456789".repeat(file.size / 10),
    };
  });
  server = await serve(app, { port: 0, handleSignals: false, uploads: { directory } });
});

afterAll(async () => {
  await server.close();
  await rm(directory, { recursive: true, force: true });
});

function upload(size: number): Promise<string> {
  const data = "0123456789".repeat(size / 10);
  const body = `--xyz\r\nContent-Disposition: form-data; name="file"; filename="f.bin"\r\nContent-Type: application/octet-stream\r\n\r\n${data}\r\n--xyz--\r\n`;
  const head = `POST /upload HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: ${body.length}\r\n\r\n`;
  return exchange(server.url, head + body);
}

describe("serve and large uploads", () => {
  it("keeps a file past 500 KiB in a temporary file in the uploads directory, and deletes it after the response", async () => {
    const answer = await upload(2_000_000);
    expect(statusOf(answer)).toBe(200);
    const result = JSON.parse(bodyOf(answer)) as { path: string; onDisk: number; size: number; intact: boolean };
    expect(dirname(result.path)).toBe(directory);
    expect(result).toMatchObject({ onDisk: 2_000_000, size: 2_000_000, intact: true });
    await vi.waitFor(() => expect(existsSync(result.path)).toBe(false));
  });

  it("keeps a file under the threshold in memory", async () => {
    const result = JSON.parse(bodyOf(await upload(100_000))) as { path: string | null; size: number; intact: boolean };
    expect(result).toEqual({ path: null, onDisk: null, size: 100_000, intact: true });
  });
});
