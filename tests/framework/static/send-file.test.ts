// sendFile and the web-standard static route over in-memory files: validators, conditional
// requests (RFC 9110 §13.2.2 order), HEAD, byte ranges, Cache-Control, Content-Type.
import { describe, expect, it } from "vitest";
import { Blueprint, Vial } from "vial";
import { contentTypeFor, memoryFileSource, sendFile, staticFilesFrom, type FileSource, type StaticFile } from "../../../framework/src/static";

const MODIFIED = new Date("2024-05-01T12:00:00.500Z");
const ALPHABET = "abcdefghijklmnopqrstuvwxyz";

/** A source with one file that counts how often it is opened (HEAD and 304 must not open it). */
function countingSource(content = ALPHABET) {
  const bytes = new TextEncoder().encode(content);
  const opened: (string | undefined)[] = [];
  const file: StaticFile = {
    size: bytes.length,
    modified: MODIFIED,
    open: (range) => {
      opened.push(range && `${range.start}-${range.end}`);
      return range ? bytes.subarray(range.start, range.end + 1) : bytes;
    },
  };
  const source: FileSource = async (path) => (path === "letters.txt" ? file : undefined);
  return { source, opened };
}

function appOver(source: FileSource, options: Parameters<typeof staticFilesFrom>[1] = {}) {
  const app = new Vial();
  app.use(staticFilesFrom(source, options));
  return app;
}

describe("sendFile responses", () => {
  it("sends the file with type, length, validators and no-cache by default", async () => {
    const { source } = countingSource();
    const res = await appOver(source).request("/static/letters.txt");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(ALPHABET);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      "content-type": "text/plain; charset=utf-8",
      "content-length": "26",
      "cache-control": "no-cache",
      "last-modified": "Wed, 01 May 2024 12:00:00 GMT",
      "accept-ranges": "bytes",
      etag: `"1a-${MODIFIED.getTime().toString(16)}"`,
    });
  });

  it("says public, max-age=N when given a max age", async () => {
    const { source } = countingSource();
    const res = await appOver(source, { maxAge: 3600 }).request("/static/letters.txt");
    expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(() => staticFilesFrom(source, { maxAge: -1 })).toThrow(RangeError);
  });

  it("answers HEAD with the headers and without reading the file", async () => {
    const { source, opened } = countingSource();
    const res = await appOver(source).request("/static/letters.txt", { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe("26");
    expect(await res.text()).toBe("");
    expect(opened).toEqual([]);
  });

  it("works on a plain Request outside any route", async () => {
    const bytes = new TextEncoder().encode("{}");
    const file: StaticFile = { size: bytes.length, etag: '"v1"', open: () => bytes };
    const fresh = await sendFile(new Request("http://x/data"), file, { contentType: "application/json" });
    expect([fresh.status, fresh.headers.get("content-type"), await fresh.text()]).toEqual([200, "application/json", "{}"]);
    const cached = await sendFile(new Request("http://x/data", { headers: { "if-none-match": '"v1"' } }), file);
    expect(cached.status).toBe(304);
  });

  it("is 404 for a missing file", async () => {
    const { source } = countingSource();
    expect((await appOver(source).request("/static/nope.txt")).status).toBe(404);
  });
});

describe("conditional requests", () => {
  const get = async (headers: Record<string, string>, method = "GET") => {
    const { source, opened } = countingSource();
    const res = await appOver(source).request("/static/letters.txt", { method, headers });
    return { res, opened };
  };
  const etag = `"1a-${MODIFIED.getTime().toString(16)}"`;

  it("If-None-Match with the current ETag (strong, weak, in a list, or *) gives 304 without a body", async () => {
    for (const value of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const { res, opened } = await get({ "if-none-match": value });
      expect(res.status, value).toBe(304);
      expect(res.headers.get("etag")).toBe(etag);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toBe("");
      expect(opened).toEqual([]);
    }
    expect((await get({ "if-none-match": '"stale"' })).res.status).toBe(200);
  });

  it("If-Modified-Since compares whole seconds; a bad date is ignored", async () => {
    expect((await get({ "if-modified-since": "Wed, 01 May 2024 12:00:00 GMT" })).res.status).toBe(304);
    expect((await get({ "if-modified-since": "Thu, 02 May 2024 00:00:00 GMT" })).res.status).toBe(304);
    expect((await get({ "if-modified-since": "Wed, 01 May 2024 11:59:59 GMT" })).res.status).toBe(200);
    expect((await get({ "if-modified-since": "yesterday-ish" })).res.status).toBe(200);
  });

  it("If-None-Match wins over If-Modified-Since", async () => {
    const { res } = await get({ "if-none-match": '"stale"', "if-modified-since": "Thu, 02 May 2024 00:00:00 GMT" });
    expect(res.status).toBe(200);
  });

  it("If-Match and If-Unmodified-Since fail with 412", async () => {
    expect((await get({ "if-match": '"stale"' })).res.status).toBe(412);
    expect((await get({ "if-match": `W/${etag}` })).res.status).toBe(412); // If-Match compares strongly
    expect((await get({ "if-match": etag })).res.status).toBe(200);
    expect((await get({ "if-unmodified-since": "Tue, 30 Apr 2024 00:00:00 GMT" })).res.status).toBe(412);
    expect((await get({ "if-unmodified-since": "Wed, 01 May 2024 12:00:00 GMT" })).res.status).toBe(200);
  });

  it("memory files get a content-hash ETag that stays the same for the same bytes", async () => {
    const first = await appOver(memoryFileSource({ "a.css": "body{}" })).request("/static/a.css");
    const again = await appOver(memoryFileSource({ "/a.css": "body{}" })).request("/static/a.css");
    const changed = await appOver(memoryFileSource({ "a.css": "body{margin:0}" })).request("/static/a.css");
    expect(first.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(changed.headers.get("etag")).not.toBe(first.headers.get("etag"));
    expect(first.headers.get("last-modified")).toBeNull();
  });
});

describe("byte ranges", () => {
  const range = async (value: string, extra: Record<string, string> = {}) => {
    const { source, opened } = countingSource();
    const res = await appOver(source).request("/static/letters.txt", { headers: { range: value, ...extra } });
    return { res, body: await res.text(), opened };
  };

  it("serves one range with 206 and Content-Range", async () => {
    const cases: [string, string, string][] = [
      ["bytes=0-4", "abcde", "bytes 0-4/26"],
      ["bytes=20-", "uvwxyz", "bytes 20-25/26"],
      ["bytes=-3", "xyz", "bytes 23-25/26"],
      ["bytes=24-100", "yz", "bytes 24-25/26"],
      ["bytes=-100", ALPHABET, "bytes 0-25/26"],
    ];
    for (const [header, body, contentRange] of cases) {
      const result = await range(header);
      expect(result.res.status, header).toBe(206);
      expect(result.body).toBe(body);
      expect(result.res.headers.get("content-range")).toBe(contentRange);
      expect(result.res.headers.get("content-length")).toBe(String(body.length));
    }
  });

  it("answers 416 for a range past the end", async () => {
    for (const header of ["bytes=26-", "bytes=30-40", "bytes=-0"]) {
      const { res, opened } = await range(header);
      expect(res.status, header).toBe(416);
      expect(res.headers.get("content-range")).toBe("bytes */26");
      expect(opened).toEqual([]);
    }
  });

  it("sends the whole file for several ranges or a header that does not parse", async () => {
    for (const header of ["bytes=0-1,5-6", "bytes=5-2", "items=0-3", "bytes=abc"]) {
      const { res, body } = await range(header);
      expect(res.status, header).toBe(200);
      expect(body).toBe(ALPHABET);
    }
  });

  it("honours If-Range only while the client's copy is current", async () => {
    const etag = `"1a-${MODIFIED.getTime().toString(16)}"`;
    expect((await range("bytes=0-1", { "if-range": etag })).res.status).toBe(206);
    expect((await range("bytes=0-1", { "if-range": MODIFIED.toUTCString() })).res.status).toBe(206);
    expect((await range("bytes=0-1", { "if-range": '"old"' })).res.status).toBe(200);
    expect((await range("bytes=0-1", { "if-range": `W/${etag}` })).res.status).toBe(200);
    expect((await range("bytes=0-1", { "if-range": "Tue, 30 Apr 2024 00:00:00 GMT" })).res.status).toBe(200);
  });
});

describe("the static route", () => {
  it("is the `static` endpoint under /static, or under the given prefix", async () => {
    const source = memoryFileSource({ "css/site.css": "body{}" });
    const app = appOver(source);
    expect(app.urlFor("static", { filename: "css/site.css" })).toBe("/static/css/site.css");
    const assets = appOver(source, { urlPrefix: "/assets/", endpoint: "assets" });
    expect(assets.urlFor("assets", { filename: "css/site.css" })).toBe("/assets/css/site.css");
    expect((await assets.request("/assets/css/site.css")).headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(() => staticFilesFrom(source, { urlPrefix: "assets" })).toThrow(/must start with/);
  });

  it("lives under a blueprint's prefix when used on one", async () => {
    const docs = new Blueprint("docs", { urlPrefix: "/docs" });
    docs.use(staticFilesFrom(memoryFileSource({ "guide.md": "# Guide" })));
    const app = new Vial();
    app.register(docs);
    expect(app.urlFor("docs.static", { filename: "guide.md" })).toBe("/docs/static/guide.md");
    expect(await (await app.request("/docs/static/guide.md")).text()).toBe("# Guide");
  });

  it("sends 404s through the app's 404 handler", async () => {
    const app = appOver(memoryFileSource({}));
    app.errorHandler(404, () => ["no such file", 404]);
    expect(await (await app.request("/static/..%2fapp.ts")).text()).toBe("no such file");
  });
});

describe("contentTypeFor", () => {
  it("knows common web types, and falls back to octet-stream", () => {
    expect(contentTypeFor("index.HTML")).toBe("text/html; charset=utf-8");
    expect(contentTypeFor("app.mjs")).toBe("text/javascript; charset=utf-8");
    expect(contentTypeFor("img/logo.svg")).toBe("image/svg+xml");
    expect(contentTypeFor("fonts/a.woff2")).toBe("font/woff2");
    expect(contentTypeFor("site.webmanifest")).toBe("application/manifest+json");
    expect(contentTypeFor(".htaccess")).toBe("application/octet-stream");
    expect(contentTypeFor("dir.d/README")).toBe("application/octet-stream");
    expect(contentTypeFor("payload.exe")).toBe("application/octet-stream");
  });
});
