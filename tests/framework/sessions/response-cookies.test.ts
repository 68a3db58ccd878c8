// setCookie / deleteCookie on responses, through an app and the test client, and addVary.
import { describe, expect, it } from "vitest";
import { Vial, addVary, deleteCookie, redirect, setCookie, text } from "vial";

describe("setCookie and deleteCookie", () => {
  it("append Set-Cookie headers that the test client keeps and then forgets", async () => {
    const app = new Vial();
    app.get("/set", () => setCookie(setCookie(text("ok"), "theme", "dark", { path: "/", sameSite: "lax" }), "lang", "en", { path: "/" }));
    app.get("/show", (req) => `${req.cookies.theme ?? "-"} ${req.cookies.lang ?? "-"}`);
    app.get("/forget", () => deleteCookie(text("bye"), "theme", { path: "/" }));
    const client = app.testClient();
    const set = await client.get("/set");
    expect(set.headers.getSetCookie()).toEqual(["theme=dark; Path=/; SameSite=Lax", "lang=en; Path=/"]);
    expect(await (await client.get("/show")).text()).toBe("dark en");
    const forget = await client.get("/forget");
    expect(forget.headers.getSetCookie()).toEqual(["theme=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"]);
    expect(await (await client.get("/show")).text()).toBe("- en");
  });

  it("work on responses whose headers are immutable, returning a copy", async () => {
    const original = Response.redirect("http://localhost/next", 303);
    const res = setCookie(original, "a", "1");
    expect(res).not.toBe(original);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://localhost/next");
    expect(res.headers.getSetCookie()).toEqual(["a=1"]);
    const mutable = redirect("/next");
    expect(deleteCookie(mutable, "a")).toBe(mutable);
  });

  it("refuse what browsers would drop, naming the rule", () => {
    expect(() => setCookie(text(""), "bad name", "x")).toThrow(TypeError);
    expect(() => setCookie(text(""), "a", "has space")).toThrow(/not allowed/);
    expect(() => setCookie(text(""), "a", "1", { sameSite: "None" })).toThrow(/SameSite=None requires Secure/);
    expect(() => setCookie(text(""), "a", "1", { partitioned: true })).toThrow(/Partitioned requires Secure/);
    expect(() => setCookie(text(""), "__Host-a", "1", { secure: true, path: "/x" })).toThrow(/__Host- prefix requires Path/);
    expect(() => deleteCookie(text(""), "__Secure-a")).toThrow(/requires Secure/);
    expect(setCookie(text(""), "a", "1", { maxAge: 10 ** 9 }).headers.get("set-cookie")).toBe("a=1; Max-Age=34560000");
  });
});

describe("addVary", () => {
  it("adds a field once, keeps existing ones, and leaves * alone", () => {
    const headers = new Headers();
    addVary(headers, "Cookie");
    expect(headers.get("vary")).toBe("Cookie");
    addVary(headers, "cookie");
    expect(headers.get("vary")).toBe("Cookie");
    addVary(headers, "Accept-Encoding");
    expect(headers.get("vary")).toBe("Cookie, Accept-Encoding");
    const star = new Headers({ vary: "*" });
    addVary(star, "Cookie");
    expect(star.get("vary")).toBe("*");
    const blank = new Headers({ vary: " " });
    addVary(blank, "Cookie");
    expect(blank.get("vary")).toBe("Cookie");
  });
});
