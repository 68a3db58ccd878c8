import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteCookieHeader, MAX_COOKIE_AGE_SECONDS, serializeCookie } from "../../../framework/src/cookies";

const NOW = Date.UTC(2025, 0, 1);

describe("serializeCookie", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it("writes name=value with no attributes by default", () => {
    expect(serializeCookie("theme", "dark")).toBe("theme=dark");
    expect(serializeCookie("empty", "")).toBe("empty=");
  });

  it("writes every attribute", () => {
    expect(
      serializeCookie("sid", "abc", {
        maxAge: 3600,
        expires: new Date(NOW + 3_600_000),
        domain: "example.com",
        path: "/app",
        secure: true,
        httpOnly: true,
        sameSite: "Strict",
        partitioned: true,
        priority: "High",
      }),
    ).toBe(
      "sid=abc; Max-Age=3600; Expires=Wed, 01 Jan 2025 01:00:00 GMT; Domain=example.com; Path=/app; Secure; HttpOnly; SameSite=Strict; Partitioned; Priority=High",
    );
  });

  it("normalizes SameSite and Priority case, and omits SameSite for null", () => {
    expect(serializeCookie("a", "b", { sameSite: "lax" })).toBe("a=b; SameSite=Lax");
    expect(serializeCookie("a", "b", { sameSite: "STRICT" as "strict" })).toBe("a=b; SameSite=Strict");
    expect(serializeCookie("a", "b", { sameSite: "none", secure: true })).toBe("a=b; Secure; SameSite=None");
    expect(serializeCookie("a", "b", { sameSite: null })).toBe("a=b");
    expect(serializeCookie("a", "b", { priority: "low" })).toBe("a=b; Priority=Low");
  });

  it("throws for an unknown SameSite or Priority", () => {
    expect(() => serializeCookie("a", "b", { sameSite: "Lenient" as "Lax" })).toThrow(/SameSite.*Strict, Lax, None/);
    expect(() => serializeCookie("a", "b", { sameSite: "" as "Lax" })).toThrow(TypeError);
    expect(() => serializeCookie("a", "b", { priority: "Urgent" as "High" })).toThrow(/Priority/);
  });

  it.each(["", "a b", "a;b", "a=b", "a,b", 'a"b', "a\tb", "a\u0000", "é", "a(b)", "a/b", "[a]", "a:b"])("refuses the cookie name %j", (name) => {
    expect(() => serializeCookie(name, "v")).toThrow(/Invalid cookie name/);
  });

  it("accepts every token character in a name", () => {
    expect(serializeCookie("!#$%&'*+-.^_`|~Az09", "v")).toBe("!#$%&'*+-.^_`|~Az09=v");
  });

  it.each(["a b", "a;b", "a,b", 'a"b', '"quoted"', "a\\b", "a\u0000", "a\u007f", "a\nb", "é", "🍵"])("refuses the cookie value %j", (value) => {
    expect(() => serializeCookie("n", value)).toThrow(/encodeURIComponent/);
  });

  it("accepts every cookie-octet in a value (base64, JSON-ish punctuation)", () => {
    const value = "!#$%&'()*+-./0123456789:<=>?@AZ[]^_`az{|}~";
    expect(serializeCookie("n", value)).toBe(`n=${value}`);
    expect(serializeCookie("n", encodeURIComponent("a b;é"))).toBe("n=a%20b%3B%C3%A9");
  });

  it("requires Secure for SameSite=None and Partitioned", () => {
    expect(() => serializeCookie("a", "b", { sameSite: "None" })).toThrow(/SameSite=None requires Secure/);
    expect(() => serializeCookie("a", "b", { partitioned: true })).toThrow(/Partitioned requires Secure/);
    expect(serializeCookie("a", "b", { partitioned: true, secure: true })).toBe("a=b; Secure; Partitioned");
  });

  it("enforces the __Secure- prefix (case-insensitively)", () => {
    expect(() => serializeCookie("__Secure-id", "1")).toThrow(/__Secure- prefix requires Secure/);
    expect(() => serializeCookie("__secure-id", "1")).toThrow(/__Secure-/);
    expect(serializeCookie("__Secure-id", "1", { secure: true, domain: "example.com" })).toBe("__Secure-id=1; Domain=example.com; Secure");
  });

  it("enforces the __Host- prefix: Secure, Path=/ and no Domain", () => {
    expect(() => serializeCookie("__Host-id", "1", { path: "/" })).toThrow(/requires Secure/);
    expect(() => serializeCookie("__Host-id", "1", { secure: true })).toThrow(/Path="\/"/);
    expect(() => serializeCookie("__Host-id", "1", { secure: true, path: "/app" })).toThrow(/Path="\/"/);
    expect(() => serializeCookie("__HOST-id", "1", { secure: true, path: "/", domain: "example.com" })).toThrow(/Domain/);
    expect(serializeCookie("__Host-id", "1", { secure: true, path: "/" })).toBe("__Host-id=1; Path=/; Secure");
  });

  it("enforces the __Http- and __Host-Http- prefixes (HttpOnly too)", () => {
    expect(() => serializeCookie("__Http-id", "1", { secure: true })).toThrow(/HttpOnly/);
    expect(() => serializeCookie("__Host-Http-id", "1", { secure: true, path: "/" })).toThrow(/HttpOnly/);
    expect(serializeCookie("__Host-Http-id", "1", { secure: true, httpOnly: true, path: "/" })).toBe("__Host-Http-id=1; Path=/; Secure; HttpOnly");
  });

  it("caps Max-Age at 400 days and floors it to whole non-negative seconds", () => {
    expect(MAX_COOKIE_AGE_SECONDS).toBe(34_560_000);
    expect(serializeCookie("a", "b", { maxAge: 10 ** 9 })).toBe("a=b; Max-Age=34560000");
    expect(serializeCookie("a", "b", { maxAge: 1.9 })).toBe("a=b; Max-Age=1");
    expect(serializeCookie("a", "b", { maxAge: -5 })).toBe("a=b; Max-Age=0");
    expect(() => serializeCookie("a", "b", { maxAge: Number.NaN })).toThrow(/Max-Age/);
    expect(() => serializeCookie("a", "b", { maxAge: Infinity })).toThrow(/Max-Age/);
  });

  it("caps Expires at 400 days from now", () => {
    const cookie = serializeCookie("a", "b", { expires: new Date(Date.UTC(2100, 0, 1)) });
    expect(cookie).toBe(`a=b; Expires=${new Date(NOW + MAX_COOKIE_AGE_SECONDS * 1000).toUTCString()}`);
    expect(cookie).toBe("a=b; Expires=Thu, 05 Feb 2026 00:00:00 GMT");
    expect(() => serializeCookie("a", "b", { expires: new Date("nope") })).toThrow(/Expires/);
  });

  it("validates Path and Domain", () => {
    expect(() => serializeCookie("a", "b", { path: "app" })).toThrow(/Path/);
    expect(() => serializeCookie("a", "b", { path: "/a;b" })).toThrow(/Path/);
    expect(() => serializeCookie("a", "b", { path: "/a\nb" })).toThrow(/Path/);
    expect(() => serializeCookie("a", "b", { domain: "exa mple.com" })).toThrow(/Domain/);
    expect(() => serializeCookie("a", "b", { domain: "example.com; Secure" })).toThrow(/Domain/);
    expect(() => serializeCookie("a", "b", { domain: "bücher.de" })).toThrow(/punycode/);
    expect(serializeCookie("a", "b", { domain: ".example.com", path: "/a b" })).toBe("a=b; Domain=.example.com; Path=/a b");
  });
});

describe("deleteCookieHeader", () => {
  it("expires the cookie with the same flags", () => {
    expect(deleteCookieHeader("session", { path: "/", httpOnly: true, sameSite: "lax" })).toBe(
      "session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax",
    );
    expect(deleteCookieHeader("a")).toBe("a=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  });

  it("ignores maxAge and expires passed by mistake", () => {
    const options = { maxAge: 100, expires: new Date(), path: "/" } as never;
    expect(deleteCookieHeader("a", options)).toBe("a=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/");
  });

  it("applies the same rules as setting", () => {
    expect(() => deleteCookieHeader("bad name")).toThrow(/Invalid cookie name/);
    expect(() => deleteCookieHeader("__Host-id", { path: "/" })).toThrow(/Secure/);
    expect(() => deleteCookieHeader("a", { sameSite: "None" })).toThrow(/Secure/);
    expect(deleteCookieHeader("__Host-id", { path: "/", secure: true })).toBe("__Host-id=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure");
  });
});

describe("checks remembered between cookies", () => {
  it("still refuses a bad name, path or domain right after good ones were accepted", () => {
    expect(serializeCookie("session", "v", { path: "/", domain: "example.com" })).toBe("session=v; Domain=example.com; Path=/");
    expect(() => serializeCookie(undefined as unknown as string, "v")).toThrow(/Invalid cookie name/);
    expect(() => serializeCookie("bad name", "v")).toThrow(/Invalid cookie name/);
    expect(() => serializeCookie("session", "v", { path: "/a;b" })).toThrow(/Path/);
    expect(() => serializeCookie("session", "v", { domain: "exa mple.com" })).toThrow(/Domain/);
    expect(() => deleteCookieHeader("bad name")).toThrow(/Invalid cookie name/);
    expect(serializeCookie("session", "w", { path: "/", domain: "example.com" })).toBe("session=w; Domain=example.com; Path=/");
  });
});
