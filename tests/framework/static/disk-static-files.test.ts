// vial/node's staticFiles() over a real folder: files are served, and every traversal trick —
// `..`, encoded and double-encoded dots and slashes, absolute and UNC paths, backslashes, NUL
// bytes, Windows device names — is a 404, never the secret that sits next to the folder. The
// property test sends arbitrary paths: never a 500, never a byte from outside the folder.
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Vial } from "vial";
import { serve } from "vial/node";
import { sendFromDirectory, staticFiles } from "../../../framework/src/node/static-files";

const SECRET = "TOP SECRET: outside the static folder";
const FILES: Record<string, string> = {
  "hello.txt": "Hello, static world",
  "css/site.css": "body { margin: 0 }",
  "deep/er/page.html": "<h1>deep</h1>",
  "empty.txt": "",
  "a b.txt": "space in the name",
  "..data.txt": "dots at the start of a name are fine",
};

// Made at load time: the traversal table below names the secret by its absolute path.
const root = mkdtempSync(join(tmpdir(), "vial-static-"));
let app: Vial;

beforeAll(() => {
  writeFileSync(join(root, "secret.txt"), SECRET);
  mkdirSync(join(root, "static-private"));
  writeFileSync(join(root, "static-private", "key.txt"), SECRET);
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(join(root, "static", path, ".."), { recursive: true });
    writeFileSync(join(root, "static", path), content);
  }
  utimesSync(join(root, "static", "hello.txt"), new Date("2024-01-02T03:04:05Z"), new Date("2024-01-02T03:04:05Z"));
  app = new Vial({ logger: { error: () => {} } });
  app.use(staticFiles(join(root, "static")));
  app.get("/download/<path:name>", (req) => sendFromDirectory(req, join(root, "static"), req.params.name, { maxAge: 60 }));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("staticFiles from disk", () => {
  it("serves files with their type, length, ETag and Last-Modified", async () => {
    const res = await app.request("/static/hello.txt");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(FILES["hello.txt"]);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-length")).toBe(String(FILES["hello.txt"]!.length));
    expect(res.headers.get("last-modified")).toBe("Tue, 02 Jan 2024 03:04:05 GMT");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect((await app.request("/static/hello.txt", { headers: { "if-none-match": etag } })).status).toBe(304);
  });

  it("serves nested, empty and oddly named files, and ranges from disk", async () => {
    expect(await (await app.request("/static/deep/er/page.html")).text()).toBe("<h1>deep</h1>");
    expect(await (await app.request("/static/css/../hello.txt")).text()).toBe(FILES["hello.txt"]);
    expect(await (await app.request("/static/a%20b.txt")).text()).toBe("space in the name");
    expect(await (await app.request("/static/..data.txt")).text()).toBe(FILES["..data.txt"]);
    const empty = await app.request("/static/empty.txt");
    expect([empty.status, await empty.text(), empty.headers.get("content-length")]).toEqual([200, "", "0"]);
    const part = await app.request("/static/hello.txt", { headers: { range: "bytes=7-12" } });
    expect([part.status, await part.text()]).toEqual([206, "static"]);
  });

  it("answers HEAD without a body", async () => {
    const res = await app.request("/static/css/site.css", { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(FILES["css/site.css"]!.length));
    expect(await res.text()).toBe("");
  });

  it("is 404 for directories and missing files", async () => {
    for (const path of ["/static/css", "/static/css/", "/static/deep/er", "/static/missing.txt", "/static/hello.txt/x"]) {
      expect((await app.request(path)).status, path).toBe(404);
    }
  });

  it("accepts a file: URL for the folder", async () => {
    const fromUrl = new Vial();
    fromUrl.use(staticFiles(pathToFileURL(join(root, "static"))));
    expect(await (await fromUrl.request("/static/hello.txt")).text()).toBe(FILES["hello.txt"]);
  });

  it("streams over a real node:http server, with Content-Length, HEAD and 304", async () => {
    const server = await serve(app, { port: 0, handleSignals: false });
    try {
      const res = await fetch(`${server.url}/static/hello.txt`);
      expect([res.status, res.headers.get("content-length"), await res.text()]).toEqual([200, "19", FILES["hello.txt"]]);
      const head = await fetch(`${server.url}/static/hello.txt`, { method: "HEAD" });
      expect([head.status, head.headers.get("content-length"), await head.text()]).toEqual([200, "19", ""]);
      const cached = await fetch(`${server.url}/static/hello.txt`, { headers: { "if-none-match": res.headers.get("etag")! } });
      expect(cached.status).toBe(304);
      expect((await fetch(`${server.url}/static/..%2fsecret.txt`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("sendFromDirectory checks an untrusted name the same way", async () => {
    const res = await app.request("/download/css/site.css");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(await res.text()).toBe(FILES["css/site.css"]);
    expect((await app.request("/download/..%2fsecret.txt")).status).toBe(404);
  });
});

const TRAVERSALS = [
  "/static/../secret.txt",
  "/static/%2e%2e/secret.txt",
  "/static/%2E%2E/secret.txt",
  "/static/.%2e/secret.txt",
  "/static/..%2fsecret.txt",
  "/static/..%2Fsecret.txt",
  "/static/%2e%2e%2fsecret.txt",
  "/static/css/..%2f..%2fsecret.txt",
  "/static/%252e%252e/secret.txt",
  "/static/%252e%252e%252fsecret.txt",
  "/static/..%252fsecret.txt",
  "/static/..\\secret.txt",
  "/static/..%5csecret.txt",
  "/static/..%5Csecret.txt",
  "/static/css%5c..%5c..%5csecret.txt",
  "/static/%2fetc%2fpasswd",
  "/static//etc/passwd",
  `/static/${encodeURIComponent(join(root, "secret.txt"))}`,
  "/static/%2f%2fserver%2fshare%2fsecret.txt",
  "/static/C:%5cWindows%5cwin.ini",
  "/static/C:/Windows/win.ini",
  "/static/hello.txt%00.png",
  "/static/%00",
  "/static/..%00/secret.txt",
  "/static/CON",
  "/static/con.txt",
  "/static/css/AUX",
  "/static/NUL.css",
  "/static/COM1",
  "/static/LPT1.txt",
  "/static/.. /secret.txt",
  "/static/.../secret.txt",
  "/static/../static-private/key.txt",
  "/static/..%2fstatic-private%2fkey.txt",
];

describe("traversal attempts", () => {
  it.each(TRAVERSALS)("%s is 404", async (path) => {
    const res = await app.testClient({ followRedirects: true }).get(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("SECRET");
  });
});

/** Segments and separators that traversal attempts are made of, raw and (double-)encoded. */
const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("..", "%2e%2e", ".%2e", "%2E.", "%252e%252e", ".. ", "...") },
  { weight: 2, arbitrary: fc.constantFrom("secret.txt", "static-private", "key.txt", "hello.txt", "css", "site.css") },
  { weight: 1, arbitrary: fc.constantFrom("", ".", "CON", "nul.txt", "C:", "%00", "%", "%25", "~", " ", "?", "#", ";") },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const separator = fc.constantFrom("/", "%2f", "%2F", "%252f", "\\", "%5c", "%5C", "//");
const traversal = fc
  .tuple(fc.array(fc.tuple(segment, separator), { maxLength: 5 }), segment)
  .map(([pairs, last]) => pairs.map(([name, sep]) => name + sep).join("") + last);
const anyPath = fc.oneof(traversal, traversal.map((path) => `${path}%2fsecret.txt`), fc.string({ unit: "binary", maxLength: 40 }));

describe("any path under /static/", () => {
  it("never answers 500 and never serves a byte from outside the folder", async () => {
    const contents = new Set(Object.values(FILES));
    await fc.assert(
      fc.asyncProperty(anyPath, async (path) => {
        const res = await app.request(`/static/${path}`);
        expect(res.status).not.toBe(500);
        const body = await res.text();
        expect(body).not.toContain("SECRET");
        if (res.status === 200) expect(contents.has(body)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
