// urlFor — ported from Flask's tests/test_basic.py (test_url_generation, test_build_error_handler)
// and Werkzeug's tests/test_routing.py (build cases).
import { describe, expect, it } from "vitest";
import { Vial } from "vial";
import { BuildError } from "vial/routing";

function app() {
  const a = new Vial({ config: { SERVER_NAME: "example.com" } });
  a.get("/", { endpoint: "index" }, () => "i");
  a.get("/users/<int:id>", { endpoint: "user" }, () => "u");
  a.get("/files/<path:name>", { endpoint: "file" }, () => "f");
  a.route("/items", { methods: ["POST"], endpoint: "items" }, () => "p");
  return a;
}

describe("urlFor", () => {
  it("converts values back into the path and sends extras to the query string", () => {
    expect(app().urlFor("user", { id: 7 })).toBe("/users/7");
    expect(app().urlFor("user", { id: 7, tab: "posts", tag: ["a", "b"] })).toBe("/users/7?tab=posts&tag=a&tag=b");
  });

  it("percent-encodes path parts and the query", () => {
    expect(app().urlFor("file", { name: "dir/a b.txt" })).toBe("/files/dir/a%20b.txt");
    expect(app().urlFor("index", { q: "a&b=c é" })).toBe("/?q=a%26b%3Dc%20%C3%A9");
  });

  it("adds an anchor and builds external URLs", () => {
    expect(app().urlFor("index", {}, { anchor: "top section" })).toBe("/#top%20section");
    expect(app().urlFor("user", { id: 1 }, { external: true })).toBe("http://example.com/users/1");
    expect(app().urlFor("user", { id: 1 }, { scheme: "https" })).toBe("https://example.com/users/1");
  });

  it("uses the request's host for external URLs inside a request", async () => {
    const a = new Vial();
    a.get("/", { endpoint: "here" }, (req) => req.urlFor("here", {}, { external: true }));
    expect(await (await a.request("http://site.test:8080/")).text()).toBe("http://site.test:8080/");
  });

  it("throws a clear BuildError for an unknown endpoint or a missing param", () => {
    expect(() => app().urlFor("usr")).toThrow(BuildError);
    expect(() => app().urlFor("usr")).toThrow(/usr/);
    expect(() => app().urlFor("user")).toThrow(/id/);
  });

  it("checks the method when given", () => {
    expect(app().urlFor("items", {}, { method: "POST" })).toBe("/items");
    expect(() => app().urlFor("items", {}, { method: "GET" })).toThrow(BuildError);
  });

  it("builds under APPLICATION_ROOT outside a request, as Flask's url_for in an app context", () => {
    const a = new Vial({ config: { SERVER_NAME: "example.com", APPLICATION_ROOT: "/shop/" } });
    a.get("/users/<int:id>", { endpoint: "user" }, () => "u");
    expect(a.urlFor("user", { id: 3 })).toBe("/shop/users/3");
    expect(a.urlFor("user", { id: 3 }, { external: true })).toBe("http://example.com/shop/users/3");
    const atRoot = new Vial({ config: { APPLICATION_ROOT: "/" } });
    atRoot.get("/", { endpoint: "i" }, () => "");
    expect(atRoot.urlFor("i")).toBe("/");
  });

  it("needs SERVER_NAME for external URLs outside a request", () => {
    const a = new Vial();
    a.get("/", { endpoint: "index" }, () => "x");
    expect(() => a.urlFor("index", {}, { external: true })).toThrow(/SERVER_NAME/);
  });
});
