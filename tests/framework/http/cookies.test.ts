import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCookieHeader } from "../../../framework/src/http/cookies";
import { parseCookieHeaderReference } from "./cookie-reference";

describe("parseCookieHeader (ported from Werkzeug tests/test_http.py)", () => {
  it("test_parse_cookie: quoted values, odd names, and the CVE-2023-23934 nameless cookie", () => {
    const cookies = parseCookieHeader(
      "dismiss-top=6; CP=null*; PHPSESSID=0a539d42abc001cdc762809248d4beed;" +
        'a=42; b="\\";"; ; fo234{=bar;blub=Blah; "__Secure-c"=d;' +
        "==__Host-eq=bad;__Host-eq=good;",
    );
    expect({ ...cookies }).toEqual({
      CP: "null*",
      PHPSESSID: "0a539d42abc001cdc762809248d4beed",
      a: "42",
      "dismiss-top": "6",
      b: '";',
      "fo234{": "bar",
      blub: "Blah",
      '"__Secure-c"': "d",
      "__Host-eq": "good",
    });
  });

  it("CVE-2023-23934: a nameless cookie never shadows a __Host- cookie", () => {
    expect(parseCookieHeader("==__Host-eq=bad; __Host-eq=good")["__Host-eq"]).toBe("good");
    expect(parseCookieHeader("=__Host-eq=bad; __Host-eq=good")["__Host-eq"]).toBe("good");
    expect(parseCookieHeader("=x")).toEqual(Object.create(null));
    expect(Object.keys(parseCookieHeader("==__Host-eq=bad"))).toEqual([]);
    expect(Object.keys(parseCookieHeader("=; ==; =a=b"))).toEqual([]);
  });

  it("test_bad_cookies: spaces around names and values, a pair without '=', the first value wins", () => {
    const cookies = parseCookieHeader("first=IamTheFirst ; a=1; oops ; a=2 ;second = andMeTwo;");
    expect({ ...cookies }).toEqual({ first: "IamTheFirst", a: "1", oops: "", second: "andMeTwo" });
  });

  it("test_empty_keys_are_ignored", () => {
    expect({ ...parseCookieHeader("spam=ham; duck=mallard; ; ") }).toEqual({ spam: "ham", duck: "mallard" });
  });

  it("test_cookie_quoting: octal escapes in quoted values", () => {
    expect(parseCookieHeader("foo=?foo").foo).toBe("?foo");
    expect(parseCookieHeader('foo="foo\\054bar"').foo).toBe("foo,bar");
  });

  it("test_parse_set_cookie_directive: quoted values and attributes", () => {
    expect({ ...parseCookieHeader('foo="?foo"; version="0.1";') }).toEqual({ foo: "?foo", version: "0.1" });
  });

  it("test_cookie_unicode_dumping: octal UTF-8 bytes decode to text", () => {
    expect(parseCookieHeader('foo="\\342\\230\\203"; Path=/').foo).toBe("☃");
  });

  it("test_cookie_unicode_keys / test_cookie_unicode_parsing: UTF-8 bytes arriving as a byte string", () => {
    expect(parseCookieHeader('f\u00c3\u00b6="f\\303\\266"')["fö"]).toBe("fö");
    expect(parseCookieHeader("f\u00c3\u00b6=f\u00c3\u00b6")["fö"]).toBe("fö");
  });

  it("decodes a real Cookie header from a fetch Request (isomorphic-decoded bytes)", () => {
    const raw = new TextEncoder().encode("name=Zoë");
    const byteString = String.fromCharCode(...raw);
    const request = new Request("http://localhost/", { headers: { cookie: byteString } });
    expect(parseCookieHeader(request.headers.get("cookie")).name).toBe("Zoë");
  });

  it("keeps Latin-1 text that is not valid UTF-8, and accepts text above U+00FF", () => {
    expect(parseCookieHeader("a=f\u00f6").a).toBe("fö");
    expect(parseCookieHeader("snow=☃").snow).toBe("☃");
  });

  it("unquotes backslash escapes; a value that only looks quoted at one end stays as it is", () => {
    expect(parseCookieHeader('a="x\\"y"; b=c').a).toBe('x"y');
    expect(parseCookieHeader('a="abc"def; b=1').a).toBe('"abc"def');
    expect(parseCookieHeader('a="; b=1').a).toBe('"');
  });

  it("returns an empty object for missing or empty headers", () => {
    expect(Object.keys(parseCookieHeader(undefined))).toEqual([]);
    expect(Object.keys(parseCookieHeader(null))).toEqual([]);
    expect(Object.keys(parseCookieHeader(""))).toEqual([]);
    expect(Object.keys(parseCookieHeader(" ; ;; "))).toEqual([]);
  });

  it("has a null prototype, so __proto__ and constructor are ordinary cookie names", () => {
    const cookies = parseCookieHeader("__proto__=evil; constructor=x; toString=y");
    expect(Object.getPrototypeOf(cookies)).toBeNull();
    expect(cookies.__proto__).toBe("evil");
    expect(cookies.constructor).toBe("x");
    expect(({} as Record<string, unknown>).evil).toBeUndefined();
    expect(Object.keys(parseCookieHeader("a=1"))).toEqual(["a"]);
    expect("toString" in parseCookieHeader("a=1")).toBe(false);
  });

  it("stays linear on inputs that make a backtracking regex quadratic", () => {
    // Many unclosed quotes and long whitespace runs; a quadratic parser would take minutes here.
    const unclosed = 'a="x;'.repeat(40_000);
    expect(Object.keys(parseCookieHeader(unclosed))).toEqual(["a"]);
    const spaces = `a=${" ".repeat(200_000)}x; b=2`;
    expect({ ...parseCookieHeader(spaces) }).toEqual({ a: "x", b: "2" });
  });

  it("never throws and always returns string values (property)", () => {
    const cookieish = fc
      .array(fc.constantFrom(";", "=", '"', "\\", " ", "\t", "a", "B", "ö", "\u00c3", "\u00b6", "☃", "0", "7", "\n", "_"), { maxLength: 60 })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), cookieish), (header) => {
        const cookies = parseCookieHeader(header);
        expect(Object.getPrototypeOf(cookies)).toBeNull();
        for (const [name, value] of Object.entries(cookies)) {
          expect(name).not.toBe("");
          expect(typeof value).toBe("string");
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("the first occurrence of a name wins (property)", () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/);
    fc.assert(
      fc.property(token, token, token, (name, first, second) => {
        expect(parseCookieHeader(`${name}=${first}; ${name}=${second}`)[name]).toBe(first);
      }),
    );
  });
});

describe("parseCookieHeader's fast path for plain headers", () => {
  it("gives the cookies the general scanner gives, for plain headers and near-plain ones (property)", () => {
    const piece = fc.constantFrom("a", "B", "0", "_", "-", ".", "=", "==", ";", "; ", ";  ", " ", "\t", '"', "\\", "ö", "~", "%20", "__proto__", "constructor");
    const header = fc.oneof(
      fc.array(piece, { maxLength: 30 }).map((parts) => parts.join("")),
      fc
        .array(fc.tuple(fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{0,6}$/), fc.stringMatching(/^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]{0,10}$/)), {
          maxLength: 6,
        })
        .map((pairs) => pairs.map(([n, v]) => `${n}=${v}`).join("; ")),
    );
    fc.assert(
      fc.property(header, (text) => {
        expect(parseCookieHeader(text)).toStrictEqual(parseCookieHeaderReference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
