import { describe, expect, it } from "vitest";
import { createHttp } from "../../../sandbox/grader/http";
import type { HttpTrace } from "../../../sandbox/report";

/** A tiny fetch-handler app that echoes what it received and sets a cookie on /login. */
const echoApp = {
  async request(path: string, init: RequestInit = {}) {
    const request = new Request(new URL(path, "http://localhost"), init);
    const url = new URL(request.url);
    if (url.pathname === "/login") {
      return new Response("ok", { headers: { "set-cookie": "session=abc; Path=/; HttpOnly" } });
    }
    if (url.pathname === "/logout") {
      return new Response("bye", { headers: { "set-cookie": "session=; Max-Age=0" } });
    }
    if (url.pathname === "/big") return new Response("x".repeat(10_000));
    if (url.pathname === "/html") return new Response("<h1>Hi</h1>", { headers: { "content-type": "text/html" } });
    return Response.json({
      method: request.method,
      search: url.search,
      type: request.headers.get("content-type"),
      cookie: request.headers.get("cookie"),
      body: await request.text(),
    });
  },
};

function client() {
  const traces: HttpTrace[] = [];
  const http = createHttp((trace) => traces.push(trace));
  return { http, traces };
}

describe("http(app)", () => {
  it("sends JSON, form and query data with the right content types", async () => {
    const { http } = client();
    const api = http(echoApp);
    expect((await api.post("/items", { json: { name: "tea" } })).json()).toMatchObject({ method: "POST", type: "application/json", body: '{"name":"tea"}' });
    expect((await api.put("/items", { form: { name: "tea", tag: ["a", "b"] } })).json()).toMatchObject({ method: "PUT", type: "application/x-www-form-urlencoded", body: "name=tea&tag=a&tag=b" });
    expect((await api.get("/search", { query: { q: "vial tea" } })).json()).toMatchObject({ search: "?q=vial+tea" });
    expect((await api.fetch("/x", { method: "patch" })).json()).toMatchObject({ method: "PATCH" });
  });

  it("records the request and response of each call as a trace", async () => {
    const { http, traces } = client();
    await http(echoApp).post("/items", { json: { a: 1 }, headers: { "x-test": "1" } });
    expect(traces[0]?.request).toEqual({ method: "POST", path: "/items", headers: { "content-type": "application/json", "x-test": "1" }, body: '{"a":1}' });
    expect(traces[0]?.response.status).toBe(200);
    expect(traces[0]?.response.headers["content-type"]).toContain("application/json");
  });

  it("cuts long bodies in the trace but keeps the whole text for the check", async () => {
    const { http, traces } = client();
    const res = await http(echoApp).get("/big");
    expect(res.text).toHaveLength(10_000);
    expect(traces[0]!.response.body.length).toBeLessThan(4200);
    expect(traces[0]!.response.body).toContain("more characters");
  });

  it("keeps cookies between calls of one client, and drops expired ones", async () => {
    const { http } = client();
    const browser = http(echoApp);
    await browser.post("/login");
    expect((await browser.get("/me")).json().cookie).toBe("session=abc");
    expect((await http(echoApp).get("/me")).json().cookie).toBeNull();
    await browser.post("/logout");
    expect((await browser.get("/me")).json().cookie).toBeNull();
  });

  it("fails with a clear message when the body is not JSON", async () => {
    const { http } = client();
    const res = await http(echoApp).get("/html");
    expect(() => res.json()).toThrow('Expected a JSON body, but the response (Content-Type: text/html) was "<h1>Hi</h1>".');
  });

  it("tells the learner to export the app when it gets none", async () => {
    const { http } = client();
    await expect(http(undefined).get("/")).rejects.toThrow(/got undefined\. Does app\.ts export it\?/);
  });

  it("works with an app that only has a fetch handler", async () => {
    const { http } = client();
    const res = await http({ fetch: async (request: Request) => new Response(new URL(request.url).pathname) }).get("/only-fetch");
    expect(res.text).toBe("/only-fetch");
  });
});
