import { describe, expect, it } from "vitest";
import { MultipartParser, isValidMultipartBoundary, type MultipartEvent } from "../../../framework/src/body/multipart";
import { BadRequest, ContentTooLarge } from "../../../framework/src/http-errors";
import { bytes, chunk, latin1 } from "./request-helpers";

interface Collected {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  data: string;
}

/** Feeds chunks and folds the events into parts (data decoded as Latin-1 to keep bytes visible). */
function collect(parser: MultipartParser, chunks: Uint8Array[], finish = true): Collected[] {
  const parts: Collected[] = [];
  const events: MultipartEvent[] = [];
  for (const piece of chunks) events.push(...parser.push(piece));
  if (finish) parser.finish();
  for (const event of events) {
    if (event.kind === "part") parts.push({ name: event.part.name, filename: event.part.filename, contentType: event.part.contentType, data: "" });
    else if (event.kind === "data") parts[parts.length - 1]!.data += String.fromCharCode(...event.data);
  }
  return parts;
}

const crlf = (text: string) => text.replace(/\n/g, "\r\n");

describe("MultipartParser (ported from Werkzeug tests/sansio/test_multipart.py)", () => {
  it("test_decoder_simple", () => {
    const boundary = "---------------------------9704338192090380615194531385$";
    const data = bytes(
      crlf(`
-----------------------------9704338192090380615194531385$
Content-Disposition: form-data; name="fname"

ß∑œß∂ƒå∂
-----------------------------9704338192090380615194531385$
Content-Disposition: form-data; name="lname"; filename="bob"

asdasd
-----------------------------9704338192090380615194531385$--
    `),
    );
    const parts = collect(new MultipartParser(boundary), [data]);
    expect(parts.map((p) => [p.name, p.filename])).toEqual([["fname", undefined], ["lname", "bob"]]);
    expect(new TextDecoder().decode(latin1(parts[0]!.data))).toBe("ß∑œß∂ƒå∂");
    expect(parts[1]!.data).toBe("asdasd");
  });

  it("test_chunked_boundaries: events as the chunks arrive", () => {
    const parser = new MultipartParser("--boundary");
    expect(parser.push(bytes("--"))).toEqual([]);
    expect(parser.push(bytes("--boundary\r\n"))).toEqual([]);
    expect(parser.push(bytes("Content-Disposition: form-data;"))).toEqual([]);
    const field = parser.push(bytes('name="fname"\r\n\r\n'));
    expect(field.map((e) => e.kind)).toEqual(["part"]);
    const first = parser.push(bytes("longer than the boundary"));
    expect(first.map((e) => e.kind)).toEqual(["data"]);
    const second = parser.push(bytes("also longer, but includes a linebreak\r\n--"));
    expect(second.map((e) => e.kind)).toEqual(["data"]);
    const end = parser.push(bytes("--boundary--\r\n"));
    expect(end.map((e) => e.kind)).toEqual(["data", "part-end"]);
    const text = [...first, ...second, ...end].map((e) => (e.kind === "data" ? new TextDecoder().decode(e.data) : "")).join("");
    expect(text).toBe("longer than the boundaryalso longer, but includes a linebreak");
    expect(parser.complete).toBe(true);
    parser.finish();
  });

  it("test_empty_field", () => {
    const data = bytes(
      crlf(`
--foo
Content-Disposition: form-data; name="text"
Content-Type: text/plain; charset="UTF-8"

Some Text
--foo
Content-Disposition: form-data; name="empty"
Content-Type: text/plain; charset="UTF-8"

--foo--
    `),
    );
    const parts = collect(new MultipartParser("foo"), [data]);
    expect(parts).toEqual([
      { name: "text", filename: undefined, contentType: 'text/plain; charset="UTF-8"', data: "Some Text" },
      { name: "empty", filename: undefined, contentType: 'text/plain; charset="UTF-8"', data: "" },
    ]);
  });

  describe("test_decoder_data_start_with_different_newline_positions (CVE-2023-46136)", () => {
    const head = '\r\n--foo\r\nContent-Disposition: form-data; name="test"; filename="testfile"\r\nContent-Type: application/octet-stream\r\n\r\n';
    const starts = ["A", "\n", "\r", "\r\n", "\n\r", "A\n", "A\r", "A\r\n", "A\n\r"];

    it.each(starts)("data starting with %j, no boundary yet: only a short tail is held back", (start) => {
      const parser = new MultipartParser("foo");
      const [part] = collect(parser, [latin1(head + start + "\r\nBCDE")], false);
      expect(part!.filename).toBe("testfile");
      expect((start + "\r\nBCDE").startsWith(part!.data)).toBe(true);
      // At most: the line break after the headers, plus a line break and "--foo" that may start a boundary.
      expect(parser.bufferedBytes).toBeLessThanOrEqual(2 + 2 + "--foo".length);
    });

    it.each(starts)("data starting with %j, then a boundary: all the data is out, whole", (start) => {
      const parser = new MultipartParser("foo");
      const [part] = collect(parser, [latin1(head + start + "\r\nBCDE\r\n--foo")], false);
      expect(part!.data).toBe(start + "\r\nBCDE");
      const rest = collect(parser, [bytes("--\r\n")]);
      expect(rest).toEqual([]);
      expect(parser.complete).toBe(true);
    });
  });

  it("CVE-2023-46136: a large part made of line breaks is streamed out, never accumulated", () => {
    for (const filler of ["\r\n", "\r", "\n", "\n\r"]) {
      const parser = new MultipartParser("boundary");
      parser.push(bytes('--boundary\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n\r\n'));
      let received = 0;
      const piece = bytes(filler.repeat(512));
      for (let i = 0; i < 1000; i++) {
        for (const event of parser.push(piece)) if (event.kind === "data") received += event.data.length;
        expect(parser.bufferedBytes).toBeLessThanOrEqual("--boundary".length + 2);
      }
      for (const event of parser.push(bytes("\r\n--boundary--"))) if (event.kind === "data") received += event.data.length;
      parser.finish();
      expect(received).toBe(piece.length * 1000);
    }
  });

  it("max_parts counts fields and files, and the extra part is refused (test_max_parts_with_file_and_field)", () => {
    const data = bytes(
      '--foo\r\nContent-Disposition: form-data; name="a"\r\n\r\nval\r\n' +
        '--foo\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\ncontent\r\n' +
        '--foo\r\nContent-Disposition: form-data; name="b"\r\n\r\nval2\r\n--foo--',
    );
    expect(() => collect(new MultipartParser("foo", { maxParts: 2 }), [data])).toThrow(ContentTooLarge);
    expect(collect(new MultipartParser("foo", { maxParts: 3 }), [data]).map((p) => p.name)).toEqual(["a", "f", "b"]);
  });

  it("file data is not limited by the parser's buffer (test_decoder_file_data_not_limited_by_max_form_memory_size)", () => {
    const content = "x".repeat(500);
    const data = bytes(`--foo\r\nContent-Disposition: form-data; name="f"; filename="big.bin"\r\n\r\n${content}\r\n--foo--`);
    expect(collect(new MultipartParser("foo"), chunk(data, 7))[0]!.data).toBe(content);
  });

  it("gives the same result however the body is split, with boundary look-alikes in the data", () => {
    const aData = "\r\n--xy\r\n--xyzz\r\n-\r\n--xyz-x\n--\r";
    const data = bytes(
      `preamble\r\n--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n${aData}` +
        `\r\n--xyz \t\r\nContent-Disposition: form-data; name="b"\r\n\r\nB\r\n--xyz--\r\nepilogue --xyz\r\n`,
    );
    const whole = collect(new MultipartParser("xyz"), [data]);
    expect(whole.map((p) => [p.name, p.data])).toEqual([["a", aData], ["b", "B"]]);
    for (let size = 1; size <= 12; size++) {
      expect(collect(new MultipartParser("xyz"), chunk(data, size))).toEqual(whole);
    }
  });

  it("a part's headers may be folded and end with LF or CR", () => {
    const parts = collect(new MultipartParser("b"), [bytes('--b\nContent-Disposition: form-data;\n\tname="folded"\n\nv\n--b--')]);
    expect(parts.map((p) => [p.name, p.data])).toEqual([["folded", "v"]]);
  });

  it("refuses malformed bodies with a 400", () => {
    expect(() => collect(new MultipartParser("foo"), [bytes("--foo\r\n\r\nHello World\r\n--foo--")])).toThrow(BadRequest);
    expect(() => collect(new MultipartParser("foo"), [bytes("--foo\r\nContent-Disposition: form-field; name=foo\r\n\r\nHello World\r\n")])).toThrow(BadRequest);
    expect(() => collect(new MultipartParser("foo"), [bytes("no boundary at all")])).toThrow(/no boundary/);
    expect(() => collect(new MultipartParser("foo"), [bytes("--foo\r\nContent-Type: text/plain\r\n\r\nx\r\n--foo--")])).toThrow(/Content-Disposition/);
    expect(() => collect(new MultipartParser("foo"), [bytes('--foo\r\nContent-Disposition: form-data; filename="x"\r\n\r\nx\r\n--foo--')])).toThrow(/name/);
  });

  it("a part header block over the limit is a 413", () => {
    const parser = new MultipartParser("b", { maxHeaderSize: 100 });
    expect(() => parser.push(bytes(`--b\r\nX-Long: ${"a".repeat(200)}`))).toThrow(ContentTooLarge);
  });

  it("rejects invalid boundaries", () => {
    expect(() => new MultipartParser("")).toThrow(BadRequest);
    expect(() => new MultipartParser("ends with space ")).toThrow(BadRequest);
    expect(() => new MultipartParser("é")).toThrow(BadRequest);
    expect(isValidMultipartBoundary("x".repeat(201))).toBe(true);
    expect(isValidMultipartBoundary("x".repeat(202))).toBe(false);
    expect(isValidMultipartBoundary("----WebKitFormBoundary7MA4YWxkTrZu0gW")).toBe(true);
  });

  it("keeps the preamble buffer small while looking for the first boundary", () => {
    const parser = new MultipartParser("boundary");
    for (let i = 0; i < 100; i++) parser.push(bytes("-".repeat(1000)));
    expect(parser.bufferedBytes).toBeLessThan("--boundary".length);
  });
});
