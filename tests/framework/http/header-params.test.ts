import { describe, expect, it } from "vitest";
import { parseHeaderParams } from "../../../framework/src/http/header-params";

const params = (header: string) => ({ ...parseHeaderParams(header).params });

describe("parseHeaderParams (after Werkzeug's parse_options_header)", () => {
  it("splits the main value from its parameters", () => {
    expect(parseHeaderParams("text/html; charset=UTF-8").value).toBe("text/html");
    expect(parseHeaderParams("  form-data  ").value).toBe("form-data");
    expect(params("form-data")).toEqual({});
  });

  it("lower-cases names; token and quoted values; HTTP and HTML quote escapes", () => {
    expect(params('form-data; Name="a b"; FileName=x.txt')).toEqual({ name: "a b", filename: "x.txt" });
    expect(params('form-data; name="a\\"b\\\\c"')).toEqual({ name: 'a"b\\c' });
    expect(params('form-data; filename="say %22hi%22.txt"')).toEqual({ filename: 'say "hi".txt' });
  });

  it("RFC 5987 key*=charset''value, preferred over the plain key in either order", () => {
    expect(params("attachment; filename*=UTF-8''na%C3%AFve%20file.txt")).toEqual({ filename: "naïve file.txt" });
    expect(params("attachment; filename=\"plain.txt\"; filename*=UTF-8''%E2%82%AC.txt")).toEqual({ filename: "€.txt" });
    expect(params("attachment; filename*=UTF-8''%E2%82%AC.txt; filename=\"plain.txt\"")).toEqual({ filename: "€.txt" });
    expect(params("attachment; filename*=iso-8859-1'en'%A3%20rates")).toEqual({ filename: "£ rates" });
  });

  it("an unknown charset leaves the value encoded and loses to the plain key", () => {
    expect(params("attachment; filename*=koi8-r''%C1")).toEqual({ filename: "%C1" });
    expect(params("attachment; filename*=koi8-r''%C1; filename=a.txt")).toEqual({ filename: "a.txt" });
  });

  it("RFC 2231 continuations (test_file_rfc2231_filename_continuations)", () => {
    expect(params("form-data; name=rfc2231; filename*0*=ascii''a%20b%20; filename*1*=c%20d%20; filename*2=\"e f.txt\"")).toEqual({
      name: "rfc2231",
      filename: "a b c d e f.txt",
    });
    expect(params('x; title*1="b"; title*0="a"')).toEqual({ title: "ab" });
  });

  it("decodes UTF-8 from byte strings (how browsers send non-ASCII file names)", () => {
    const byteString = String.fromCharCode(...new TextEncoder().encode('form-data; name="f"; filename="résumé.pdf"'));
    expect(params(byteString)).toEqual({ name: "f", filename: "résumé.pdf" });
  });

  it("skips parts that are not key=value and never throws on garbage", () => {
    expect(params('a; b; ="x"; c=; d = 1; e="unterminated')).toEqual({});
    expect(params('a; f="x;y"; g=2')).toEqual({ f: "x;y", g: "2" });
  });

  it("stays linear on long headers with quotes", () => {
    expect(params(`x; a="b${"; c=d".repeat(50_000)}`)).toEqual({ c: "d" });
    expect(params(`x${'; a="b'.repeat(50_000)}`)).toEqual({ a: "b; a=" });
    expect(params(`x${"; a=1".repeat(50_000)}`)).toEqual({ a: "1" });
  });
});
