// Request dispatching, automatic HEAD/OPTIONS, 405, strict slashes — ported from Flask's
// tests/test_basic.py (test_request_dispatching, test_options_*, test_url_mapping) and
// Werkzeug's routing behaviour as seen through the app.
import { describe, expect, it } from "vitest";
import { Vial, VialRequest, abort } from "vial";

describe("dispatching by method", () => {
  const app = new Vial();
  app.get("/", (req) => req.method);
  app.route("/more", { methods: ["GET", "POST"] }, (req) => req.method);

  it("answers GET and auto-HEAD with the same headers and no body", async () => {
    const get = await app.request("/");
    expect(get.status).toBe(200);
    expect(await get.text()).toBe("GET");
    const head = await app.request("/", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"));
  });

  it("answers 405 with Allow listing every method the path accepts", async () => {
    const res = await app.request("/", { method: "POST" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")?.split(", ").sort()).toEqual(["GET", "HEAD", "OPTIONS"]);
    const more = await app.request("/more", { method: "DELETE" });
    expect(more.status).toBe(405);
    expect(more.headers.get("allow")?.split(", ").sort()).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
  });

  it("dispatches several methods to one handler", async () => {
    expect(await (await app.request("/more", { method: "POST" })).text()).toBe("POST");
    expect(await (await app.request("/more")).text()).toBe("GET");
  });

  it("answers automatic OPTIONS with 200, Allow and an empty body", async () => {
    const res = await app.request("/more", { method: "OPTIONS" });
    expect(res.status).toBe(200);
    expect(res.headers.get("allow")?.split(", ").sort()).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
    expect(await res.text()).toBe("");
  });

  it("unions Allow over several rules for the same path", async () => {
    const multi = new Vial();
    multi.get("/", { endpoint: "index_get" }, () => "get");
    multi.route("/", { methods: ["POST", "PUT"], endpoint: "index_write" }, () => "write");
    const res = await multi.request("/", { method: "OPTIONS" });
    expect(res.headers.get("allow")?.split(", ").sort()).toEqual(["GET", "HEAD", "OPTIONS", "POST", "PUT"]);
  });

  it("lets a route or the config turn automatic OPTIONS off", async () => {
    const own = new Vial();
    own.route("/", { methods: ["GET", "OPTIONS"] }, (req) => (req.method === "OPTIONS" ? ["custom", 200] : "get"));
    expect(await (await own.request("/", { method: "OPTIONS" })).text()).toBe("custom");

    const off = new Vial({ config: { PROVIDE_AUTOMATIC_OPTIONS: false } });
    off.get("/", () => "x");
    expect((await off.request("/", { method: "OPTIONS" })).status).toBe(405);

    const perRoute = new Vial();
    perRoute.get("/", { provideAutomaticOptions: false }, () => "x");
    expect((await perRoute.request("/", { method: "OPTIONS" })).status).toBe(405);
  });
});

describe("not found and slashes", () => {
  const app = new Vial();
  app.get("/branch/", () => "branch");
  app.get("/leaf", () => "leaf");
  app.get("/a/b", () => "ab");

  it("is 404 for an unknown path", async () => {
    const res = await app.request("/nope");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("404 Not Found");
  });

  it("redirects a branch rule requested without its slash with 308, keeping the query", async () => {
    const res = await app.request("/branch?x=1&y=%20");
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toBe("/branch/?x=1&y=%20");
  });

  it("is 404 for a leaf rule requested with a trailing slash", async () => {
    expect((await app.request("/leaf/")).status).toBe(404);
  });

  it("merges runs of slashes with a redirect", async () => {
    const res = await app.request("/a//b");
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toBe("/a/b");
  });

  it("does not send routing redirects through error handlers", async () => {
    const handled = new Vial();
    handled.get("/x/", () => "x");
    handled.errorHandler(Error, () => "handled");
    const res = await handled.request("/x");
    expect(res.status).toBe(308);
  });
});

describe("routing by specificity", () => {
  it("prefers static parts and int over string regardless of registration order", async () => {
    const app = new Vial();
    app.get("/users/<name>", (req) => `name:${req.params.name}`);
    app.get("/users/<int:id>", (req) => `id:${req.params.id + 1}`);
    app.get("/users/me", () => "me");
    expect(await (await app.request("/users/me")).text()).toBe("me");
    expect(await (await app.request("/users/41")).text()).toBe("id:42");
    expect(await (await app.request("/users/ada")).text()).toBe("name:ada");
  });

  it("gives 404 when a converter refuses the value", async () => {
    const app = new Vial();
    app.get("/page/<int(min=1, max=10):n>", (req) => `page ${req.params.n}`);
    expect((await app.request("/page/3")).status).toBe(200);
    expect((await app.request("/page/11")).status).toBe(404);
    expect((await app.request("/page/x")).status).toBe(404);
  });

  it("percent-decodes the path before matching", async () => {
    const app = new Vial();
    app.get("/files/<path:name>", (req) => req.params.name);
    expect(await (await app.request("/files/a%20b/c.txt")).text()).toBe("a b/c.txt");
  });

  it("accepts custom converters", async () => {
    const app = new Vial({
      converters: {
        list: () => ({
          regex: "[^/]+",
          weight: 100,
          partIsolating: true,
          toValue: (raw) => raw.split(","),
          toUrl: (value) => (value as string[]).join(","),
        }),
      },
    });
    app.get("/sum/<list:items>", { endpoint: "sum" }, (req) => ({ items: req.params.items }));
    expect(await (await app.request("/sum/a,b")).json()).toEqual({ items: ["a", "b"] });
    expect(app.urlFor("sum", { items: ["x", "y"] })).toBe("/sum/x,y");
  });
});

describe("abort", () => {
  it("ends the request with the status and description", async () => {
    const app = new Vial();
    app.get("/", () => abort(403, "Admins only."));
    const res = await app.request("/");
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Admins only.");
  });

  it("sends a given Response as is", async () => {
    const app = new Vial();
    app.get("/", () => abort(new Response("teapot", { status: 418 })));
    const res = await app.request("/");
    expect(res.status).toBe(418);
    expect(await res.text()).toBe("teapot");
  });

  it("refuses a status that is not an error", () => {
    expect(() => abort(200)).toThrow(RangeError);
  });
});

describe("endpoints", () => {
  it("names endpoints after the handler, or the option, and refuses clashes", () => {
    const app = new Vial();
    app.get("/a", function index() { return "a"; });
    app.get("/b", { endpoint: "bee" }, () => "b");
    expect(app.urlFor("index")).toBe("/a");
    expect(app.urlFor("bee")).toBe("/b");
    expect(() => app.get("/c", { endpoint: "bee" }, () => "c")).toThrow(/already used/);
    expect(() => app.get("/d", { endpoint: "a.b" }, () => "d")).toThrow(/dot/);
  });

  it("refuses a dotted handler name on the app, but lets an anonymous handler's rule hold dots", async () => {
    const app = new Vial();
    const dotted = Object.defineProperty(() => "x", "name", { value: "a.b" });
    expect(() => app.get("/x", dotted)).toThrow(/must not contain a dot/);
    app.get("/robots.txt", () => "User-agent: *");
    expect(app.urlFor("/robots.txt")).toBe("/robots.txt");
    expect(await (await app.request("/robots.txt")).text()).toBe("User-agent: *");
  });

  it("lets unnamed handlers share a rule across methods", async () => {
    const app = new Vial();
    app.get("/books", () => "list");
    app.post("/books", () => ["created", 201]);
    expect(await (await app.request("/books")).text()).toBe("list");
    expect((await app.request("/books", { method: "POST" })).status).toBe(201);
    expect(app.urlFor("/books")).toBe("/books");
  });

  it("refuses options given after the handler", () => {
    const app = new Vial();
    const register = app.get as unknown as (rule: string, handler: () => string, options: object) => void;
    expect(() => register("/", () => "x", { endpoint: "late" })).toThrow(/options go before the handler/);
  });

  it("lets one handler serve several rules under one endpoint", async () => {
    const app = new Vial();
    const page = (req: { params: { n?: number } }) => `page ${req.params.n ?? 1}`;
    app.get("/pages/", { endpoint: "page" }, page);
    app.get("/pages/<int:n>", { endpoint: "page" }, page);
    expect(await (await app.request("/pages/")).text()).toBe("page 1");
    expect(await (await app.request("/pages/3")).text()).toBe("page 3");
    expect(app.urlFor("page", { n: 2 })).toBe("/pages/2");
    expect(app.urlFor("page")).toBe("/pages/");
  });
});

describe("handler request types", () => {
  it("lets a handler's req be passed to functions taking VialRequest", async () => {
    const describeRequest = (req: VialRequest) => `${req.method} ${req.path}`;
    const app = new Vial();
    app.get("/users/<int:id>", (req) => describeRequest(req));
    expect(await (await app.request("/users/3")).text()).toBe("GET /users/3");
  });
});

describe("rule defaults", () => {
  // Flask 2.2, with @app.route("/users/", defaults={"page": 1}) on @app.route("/users/page/<int:page>"):
  //   /users/ -> 200 "page 1"; /users/page/1?x=1 -> 308 to /users/?x=1; /users/page/2 -> "page 2";
  //   url_for("users") == url_for("users", page=1) == "/users/"
  const app = () => {
    const a = new Vial();
    const users = (req: VialRequest<{ page: number }>) => `page ${req.params.page}`;
    a.get("/users/", { defaults: { page: 1 } }, users);
    a.get("/users/page/<int:page>", users);
    return a;
  };

  it("hands the defaults to the handler as params", async () => {
    expect(await (await app().request("/users/")).text()).toBe("page 1");
    expect(await (await app().request("/users/page/2")).text()).toBe("page 2");
  });

  it("redirects the defaulted URL to its canonical form with 308, keeping the query", async () => {
    const res = await app().request("/users/page/1?x=1");
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toBe("/users/?x=1");
  });

  it("builds the defaulted rule for the default value or none", () => {
    const a = app();
    expect(a.urlFor("users")).toBe("/users/");
    expect(a.urlFor("users", { page: 1 })).toBe("/users/");
    expect(a.urlFor("users", { page: 2 })).toBe("/users/page/2");
  });

  it("types the defaults as params", () => {
    const a = new Vial();
    a.get("/feed/", { defaults: { page: 1, tag: "all" } }, (req) => {
      const page: number = req.params.page;
      const tag: string = req.params.tag;
      return `${page} ${tag}`;
    });
    expect(a.urlFor("/feed/")).toBe("/feed/");
  });
});
