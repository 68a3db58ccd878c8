import { describe, expect, it } from "vitest";
import { readFormBody } from "../../../framework/src/body/form";
import { DEFAULT_BODY_LIMITS, type BodyLimits } from "../../../framework/src/body/limits";
import { BadRequest, ContentTooLarge, HTTPError } from "../../../framework/src/http-errors";
import { bytes, chunk, encodeMultipart, endlessRequest, latin1, postRequest, rejection, streamingRequest } from "./request-helpers";

const noLimits: BodyLimits = { maxContentLength: null, maxFormMemorySize: null, maxFormParts: null };
const multipart = (boundary: string) => `multipart/form-data; boundary=${boundary}`;

describe("readFormBody: urlencoded", () => {
  it("parses pairs, repeated keys, '+' and percent-escapes as UTF-8", async () => {
    const { form, files } = await readFormBody(
      postRequest("tag=a&tag=b&q=hello+world&e=%C3%A9t%C3%A9&empty=&flag&%26k=%3Dv", "application/x-www-form-urlencoded"),
      DEFAULT_BODY_LIMITS,
    );
    expect(form.getAll("tag")).toEqual(["a", "b"]);
    expect(form.get("q")).toBe("hello world");
    expect(form.get("e")).toBe("été");
    expect(form.get("empty")).toBe("");
    expect(form.get("flag")).toBe("");
    expect(form.get("&k")).toBe("=v");
    expect(files.size).toBe(0);
  });

  it("raw UTF-8 bytes, a leading '?', and charset parameters", async () => {
    const { form } = await readFormBody(postRequest("?name=Zoë", "application/x-www-form-urlencoded; charset=UTF-8"), noLimits);
    expect(form.get("?name")).toBe("Zoë");
  });

  it("test_limiting (urlencoded): maxContentLength and maxFormMemorySize", async () => {
    const data = "foo=Hello+World&bar=baz";
    const type = "application/x-www-form-urlencoded";
    expect((await readFormBody(postRequest(data, type), { ...noLimits, maxContentLength: 400 })).form.get("foo")).toBe("Hello World");
    expect(await rejection(readFormBody(postRequest(data, type), { ...noLimits, maxFormMemorySize: 7 }))).toBeInstanceOf(ContentTooLarge);
    expect((await readFormBody(postRequest(data, type), { ...noLimits, maxFormMemorySize: 400 })).form.get("foo")).toBe("Hello World");
    expect(await rejection(readFormBody(postRequest(data, type), { ...noLimits, maxContentLength: 7 }))).toBeInstanceOf(ContentTooLarge);
  });

  it("an endless urlencoded body without Content-Length stops at maxFormMemorySize", async () => {
    const { request, state } = endlessRequest(() => bytes("a=b&"), { "content-type": "application/x-www-form-urlencoded" });
    expect(await rejection(readFormBody(request, DEFAULT_BODY_LIMITS))).toBeInstanceOf(ContentTooLarge);
    expect(state.cancelled).toBe(true);
  });
});

describe("readFormBody: other content types (test_parse_bad_content_type, test_parse_form_data_*_without_content)", () => {
  it.each([undefined, "bad-mime-type", "text/plain", "application/json", "application/x-url-encoded"])("%s gives an empty form, body unread", async (type) => {
    const request = postRequest("a=b", type);
    const { form, files } = await readFormBody(request, DEFAULT_BODY_LIMITS);
    expect(form.size).toBe(0);
    expect(files.size).toBe(0);
    expect(request.bodyUsed).toBe(false);
  });

  it("a GET or PUT without a body or content type", async () => {
    for (const method of ["GET", "PUT"]) {
      const { form, files } = await readFormBody(new Request("http://localhost/foo", { method }), DEFAULT_BODY_LIMITS);
      expect([form.size, files.size]).toEqual([0, 0]);
    }
  });
});

describe("readFormBody: multipart (ported from Werkzeug tests/test_formparser.py)", () => {
  const limitingData =
    "--foo\r\nContent-Disposition: form-field; name=foo\r\n\r\nHello World\r\n" +
    "--foo\r\nContent-Disposition: form-field; name=bar\r\n\r\nbar=baz\r\n--foo--";

  it("test_limiting (multipart)", async () => {
    const request = () => postRequest(limitingData, multipart("foo"));
    expect(await rejection(readFormBody(request(), { ...noLimits, maxContentLength: 4 }))).toBeInstanceOf(ContentTooLarge);
    expect((await readFormBody(request(), { ...noLimits, maxContentLength: 400 })).form.get("foo")).toBe("Hello World");
    expect(await rejection(readFormBody(request(), { ...noLimits, maxFormMemorySize: 7 }))).toBeInstanceOf(ContentTooLarge);
    const { form } = await readFormBody(request(), { ...noLimits, maxFormMemorySize: 400 });
    expect(form.toObject()).toEqual({ foo: "Hello World", bar: "bar=baz" });
  });

  it("test_missing_multipart_boundary: a 400 here (Werkzeug silently gives an empty form)", async () => {
    for (const type of ["multipart/form-data", 'multipart/form-data; boundary=""', "multipart/form-data; boundary=bad\u00e9"]) {
      const error = await rejection(readFormBody(postRequest(limitingData, type), DEFAULT_BODY_LIMITS));
      expect(error).toBeInstanceOf(BadRequest);
      expect((error as Error).message).toMatch(/boundary/);
    }
  });

  it("test_basic: a browser-style upload with text full of boundary look-alikes", async () => {
    const boundary = "---------------------------14904044739787191031754711748";
    const png = Uint8Array.from({ length: 3000 }, (_, i) => (i * 31 + 7) % 256);
    const text = "--long text\r\n--with boundary\r\n--lookalikes--";
    const body = encodeMultipart(boundary, [
      { name: "file1", filename: "accept.png", contentType: "image/png", data: png },
      { name: "file2", filename: "add.png", contentType: "image/png", data: png.slice(0, 10) },
      { name: "text", value: text },
    ]);
    for (const size of [body.length, 1000, 37, 1]) {
      const { form, files } = await readFormBody(streamingRequest(chunk(body, size), { "content-type": `multipart/form-data; boundary="${boundary}"` }), DEFAULT_BODY_LIMITS);
      expect(form.get("text")).toBe(text);
      const file1 = files.get("file1")!;
      expect([file1.name, file1.filename, file1.contentType, file1.size]).toEqual(["file1", "accept.png", "image/png", 3000]);
      expect(await file1.bytes()).toEqual(png);
      expect(await files.get("file2")!.bytes()).toEqual(png.slice(0, 10));
    }
  });

  it("test_ie7_unc_path: a full Windows path is cut to the file name", async () => {
    const body = latin1(
      '--b\r\nContent-Disposition: form-data; name="cb_file_upload_multiple"; filename="C:\\Documents\\Sellersburg Town Council Meeting 02-22-2010doc.doc"\r\n\r\nx\r\n' +
        '--b\r\nContent-Disposition: form-data; name="unc"; filename="\\\\server\\share\\a.txt"\r\n\r\ny\r\n--b--',
    );
    const { files } = await readFormBody(postRequest(body, multipart("b")), DEFAULT_BODY_LIMITS);
    expect(files.get("cb_file_upload_multiple")!.filename).toBe("Sellersburg Town Council Meeting 02-22-2010doc.doc");
    expect(files.get("unc")!.filename).toBe("a.txt");
  });

  it("test_end_of_file: a body without its closing boundary is a 400 (Werkzeug: silently empty)", async () => {
    const data = '--foo\r\nContent-Disposition: form-data; name="test"; filename="test.txt"\r\nContent-Type: text/plain\r\n\r\nfile contents and no end';
    const error = await rejection(readFormBody(postRequest(data, multipart("foo")), DEFAULT_BODY_LIMITS));
    expect(error).toBeInstanceOf(BadRequest);
    expect((error as HTTPError).status).toBe(400);
  });

  it("test_file_no_content_type", async () => {
    const data = '--foo\r\nContent-Disposition: form-data; name="test"; filename="test.txt"\r\n\r\nfile contents\r\n--foo--';
    const { files } = await readFormBody(postRequest(data, multipart("foo")), DEFAULT_BODY_LIMITS);
    const file = files.get("test")!;
    expect(file.filename).toBe("test.txt");
    expect(file.contentType).toBe("application/octet-stream");
    expect(await file.text()).toBe("file contents");
  });

  it("test_extra_newline", async () => {
    const data = '\r\n\r\n--foo\r\nContent-Disposition: form-data; name="foo"\r\n\r\na string\r\n--foo--';
    const { form, files } = await readFormBody(postRequest(data, multipart("foo")), DEFAULT_BODY_LIMITS);
    expect(files.size).toBe(0);
    expect(form.get("foo")).toBe("a string");
  });

  it("test_headers: the part's content type and custom headers", async () => {
    const data =
      '--foo\r\nContent-Disposition: form-data; name="foo"; filename="foo.txt"\r\nX-Custom-Header: blah\r\n' +
      "Content-Type: text/plain; charset=utf-8\r\n\r\nfile contents, just the contents\r\n--foo--";
    const file = (await readFormBody(postRequest(data, multipart("foo")), DEFAULT_BODY_LIMITS)).files.get("foo")!;
    expect(file.contentType).toBe("text/plain; charset=utf-8");
    expect(file.headers.get("content-type")).toBe(file.contentType);
    expect(file.headers.get("x-custom-header")).toBe("blah");
    expect(await file.text()).toBe("file contents, just the contents");
  });

  it.each(["\n", "\r", "\r\n"])("test_nonstandard_line_endings %j", async (ending) => {
    const data = ["--foo", "Content-Disposition: form-data; name=foo", "", "this is just bar", "--foo", "Content-Disposition: form-data; name=bar", "", "blafasel", "--foo--"].join(ending);
    const { form } = await readFormBody(postRequest(data, multipart("foo")), DEFAULT_BODY_LIMITS);
    expect(form.get("foo")).toBe("this is just bar");
    expect(form.get("bar")).toBe("blafasel");
  });

  it("test_failures: no part headers, or no closing boundary, are 400s", async () => {
    for (const data of ["--foo\r\n\r\nHello World\r\n--foo--", "--foo\r\nContent-Disposition: form-field; name=foo\r\n\r\nHello World\r\n"]) {
      expect(await rejection(readFormBody(postRequest(data, multipart("foo")), DEFAULT_BODY_LIMITS))).toBeInstanceOf(BadRequest);
    }
  });

  it("test_empty_multipart", async () => {
    const { form, files } = await readFormBody(postRequest("--boundary--", multipart("boundary")), DEFAULT_BODY_LIMITS);
    expect([form.size, files.size]).toEqual([0, 0]);
  });

  it("test_file_rfc2231_filename_continuations", async () => {
    const data =
      "--foo\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Disposition: form-data; name=rfc2231;\r\n" +
      "\tfilename*0*=ascii''a%20b%20;\r\n\tfilename*1*=c%20d%20;\r\n\tfilename*2=\"e f.txt\"\r\n\r\nfile contents\r\n--foo--";
    const file = (await readFormBody(postRequest(data, multipart("foo")), DEFAULT_BODY_LIMITS)).files.get("rfc2231")!;
    expect(file.filename).toBe("a b c d e f.txt");
    expect(await file.text()).toBe("file contents");
  });

  it("UTF-8 field names, values and file names (raw and filename*=UTF-8'')", async () => {
    const data = bytes(
      '--b\r\nContent-Disposition: form-data; name="prénom"\r\n\r\nZoë ☃\r\n' +
        '--b\r\nContent-Disposition: form-data; name="doc"; filename="résumé.pdf"\r\n\r\n%PDF\r\n' +
        "--b\r\nContent-Disposition: form-data; name=\"doc2\"; filename=\"fallback.txt\"; filename*=UTF-8''%E2%82%AC%20rates.txt\r\n\r\nx\r\n--b--",
    );
    const { form, files } = await readFormBody(postRequest(data, multipart("b")), DEFAULT_BODY_LIMITS);
    expect(form.get("prénom")).toBe("Zoë ☃");
    expect(files.get("doc")!.filename).toBe("résumé.pdf");
    expect(files.get("doc2")!.filename).toBe("€ rates.txt");
  });

  it("an empty file input (filename=\"\") is still a file; repeated names are kept in order", async () => {
    const data =
      '--b\r\nContent-Disposition: form-data; name="f"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n' +
      '--b\r\nContent-Disposition: form-data; name="t"\r\n\r\n1\r\n--b\r\nContent-Disposition: form-data; name="t"\r\n\r\n2\r\n--b--';
    const { form, files } = await readFormBody(postRequest(data, multipart("b")), DEFAULT_BODY_LIMITS);
    expect(files.get("f")!.filename).toBe("");
    expect(files.get("f")!.size).toBe(0);
    expect(form.getAll("t")).toEqual(["1", "2"]);
    expect(form.toObject()).toEqual({ t: ["1", "2"] });
  });

  it("an uploaded file can be read several times and as a stream", async () => {
    const body = encodeMultipart("b", [{ name: "f", filename: "a.bin", data: bytes("abc") }]);
    const file = (await readFormBody(postRequest(body, multipart("b")), DEFAULT_BODY_LIMITS)).files.get("f")!;
    (await file.bytes())[0] = 0; // a copy: changing it changes nothing
    expect(await file.text()).toBe("abc");
    expect(await new Response(file.stream()).text()).toBe("abc");
  });
});

describe("readFormBody: multipart limits and advisories", () => {
  const field = (name: string) => ({ name, value: "v" });

  it("CVE-2023-25577: more parts than maxFormParts is a 413; exactly the limit is fine", async () => {
    const over = encodeMultipart("b", Array.from({ length: 1001 }, (_, i) => field(`f${i}`)));
    expect(await rejection(readFormBody(postRequest(over, multipart("b")), DEFAULT_BODY_LIMITS))).toBeInstanceOf(ContentTooLarge);
    const exact = encodeMultipart("b", Array.from({ length: 1000 }, (_, i) => field(`f${i}`)));
    expect((await readFormBody(postRequest(exact, multipart("b")), DEFAULT_BODY_LIMITS)).form.size).toBe(1000);
  });

  it("CVE-2023-25577: an endless stream of tiny parts stops at the limit", async () => {
    const part = bytes('--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n\r\n');
    const { request, state } = endlessRequest(() => part, { "content-type": multipart("b") });
    expect(await rejection(readFormBody(request, { ...noLimits, maxFormParts: 50 }))).toBeInstanceOf(ContentTooLarge);
    expect(state.cancelled).toBe(true);
    expect(state.pulls).toBeLessThanOrEqual(52);
  });

  it("CVE-2024-49767: maxFormMemorySize holds across chunks (Quart/Werkzeug test_multipart_max_form_memory_size)", async () => {
    const data = bytes(`--bound\r\nContent-Disposition: form-field; name=a\r\n\r\n${"a".repeat(15)}\r\n--bound--`);
    const request = streamingRequest(chunk(data, 5), { "content-type": multipart("bound") });
    expect(await rejection(readFormBody(request, { ...noLimits, maxFormMemorySize: 10 }))).toBeInstanceOf(ContentTooLarge);
  });

  it("CVE-2024-49767: an endless field in 1 KiB chunks stops just past the limit", async () => {
    const head = bytes('--b\r\nContent-Disposition: form-data; name="big"\r\n\r\n');
    const { request, state } = endlessRequest((i) => (i === 0 ? head : new Uint8Array(1024).fill(0x61)), { "content-type": multipart("b") });
    expect(await rejection(readFormBody(request, DEFAULT_BODY_LIMITS))).toBeInstanceOf(ContentTooLarge);
    expect(state.cancelled).toBe(true);
    expect(state.pulls).toBeLessThanOrEqual(500_000 / 1024 + 3);
  });

  it("maxFormMemorySize applies to fields, not files", async () => {
    const big = new Uint8Array(2000).fill(0x62);
    const ok = encodeMultipart("b", [{ name: "f", filename: "a.bin", data: big }, { name: "small", value: "x".repeat(100) }]);
    const { files } = await readFormBody(postRequest(ok, multipart("b")), { ...noLimits, maxFormMemorySize: 100 });
    expect(files.get("f")!.size).toBe(2000);
    const tooBig = encodeMultipart("b", [{ name: "small", value: "x".repeat(101) }]);
    expect(await rejection(readFormBody(postRequest(tooBig, multipart("b")), { ...noLimits, maxFormMemorySize: 100 }))).toBeInstanceOf(ContentTooLarge);
  });

  it("files are limited by maxContentLength, declared or streamed", async () => {
    const body = encodeMultipart("b", [{ name: "f", filename: "a.bin", data: new Uint8Array(5000) }]);
    expect(await rejection(readFormBody(postRequest(body, multipart("b")), { ...DEFAULT_BODY_LIMITS, maxContentLength: 4000 }))).toBeInstanceOf(ContentTooLarge);
    const head = bytes('--b\r\nContent-Disposition: form-data; name="f"; filename="x"\r\n\r\n');
    const { request, state } = endlessRequest((i) => (i === 0 ? head : new Uint8Array(4096)), { "content-type": multipart("b") });
    expect(await rejection(readFormBody(request, { ...DEFAULT_BODY_LIMITS, maxContentLength: 64 * 1024 }))).toBeInstanceOf(ContentTooLarge);
    expect(state.cancelled).toBe(true);
  });

  it("the field name __proto__ is just data", async () => {
    const body = encodeMultipart("b", [{ name: "__proto__", value: "x" }, { name: "__proto__", value: "y" }]);
    const obj = (await readFormBody(postRequest(body, multipart("b")), DEFAULT_BODY_LIMITS)).form.toObject();
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(obj, "__proto__")?.value).toEqual(["x", "y"]);
  });
});
