// csrf(): origin checks plus a per-session token on every unsafe method, through real apps.
import { describe, expect, it } from "vitest";
import { Blueprint, CsrfError, Vial, csrf, csrfToken, html, type CsrfOptions } from "vial";

function protectedApp(options?: CsrfOptions): Vial {
  const app = new Vial({ config: { SECRET_KEY: "csrf-secret" }, logger: { error: () => {} } });
  app.use(csrf(options));
  app.get("/form", (req) => html`<form method="post"><input type="hidden" name="csrf_token" value="${csrfToken(req)}"></form>`);
  app.get("/token", (req) => csrfToken(req));
  app.route("/submit", { methods: ["POST", "PUT", "PATCH", "DELETE"] }, async (req) => `done: ${(await req.form()).get("text") ?? ""}`);
  return app;
}

/** A test client that has loaded the form page, and the token from it. */
async function clientWithToken(app: Vial) {
  const client = app.testClient();
  const page = await (await client.get("/form")).text();
  const token = /value="([^"]+)"/.exec(page)![1]!;
  return { client, token };
}

describe("csrf() token check", () => {
  it("lets a form with the page's token through, leaving the form readable by the handler", async () => {
    const app = protectedApp();
    const { client, token } = await clientWithToken(app);
    const res = await client.post("/submit", { form: { csrf_token: token, text: "hi" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("done: hi");
  });

  it("accepts the token in the X-CSRF-Token header, whatever the body", async () => {
    const app = protectedApp();
    const { client, token } = await clientWithToken(app);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const res = await client.request("/submit", { method, json: { a: 1 }, headers: { "x-csrf-token": token } });
      expect(res.status, method).toBe(200);
    }
  });

  it("accepts the token from a multipart form", async () => {
    const app = protectedApp();
    const { client, token } = await clientWithToken(app);
    const body = new FormData();
    body.set("csrf_token", token);
    body.set("text", "multipart");
    expect(await (await client.post("/submit", { body })).text()).toBe("done: multipart");
  });

  it("refuses every unsafe method without the token, with the reason in a 403", async () => {
    const app = protectedApp();
    const { client } = await clientWithToken(app);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const res = await client.request("/submit", { method, form: { text: "x" } });
      expect(res.status, method).toBe(403);
      expect(await res.text()).toMatch(/CSRF check failed: the CSRF token is missing: send it in the "csrf_token" form field or the X-CSRF-Token header/);
    }
  });

  it("does not exempt a request without a Content-Type (GHSA-2234-fmw7-43wr)", async () => {
    const app = protectedApp();
    const { client } = await clientWithToken(app);
    const noType = new Request("http://localhost/submit", { method: "POST", body: new Blob(["text=x"]) });
    expect(noType.headers.get("content-type")).toBeNull();
    const res = await client.request("/submit", { method: "POST", body: new Blob(["csrf_token=x"]) });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("the CSRF token is missing");
    const plain = await client.request("/submit", { method: "POST", body: "x", headers: { "content-type": "text/plain" } });
    expect(plain.status).toBe(403);
    expect((await app.fetch(noType)).status).toBe(403);
  });

  it("refuses a token from another session and a changed token", async () => {
    const app = protectedApp();
    const alice = await clientWithToken(app);
    const mallory = await clientWithToken(app);
    const stolen = await alice.client.post("/submit", { form: { csrf_token: mallory.token } });
    expect(stolen.status).toBe(403);
    expect(await stolen.text()).toContain("the CSRF token is invalid");
    const flipped = alice.token.slice(0, -2) + (alice.token.endsWith("AA") ? "BA" : "AA");
    expect((await alice.client.post("/submit", { form: { csrf_token: flipped } })).status).toBe(403);
    expect((await alice.client.post("/submit", { form: { csrf_token: "short" } })).status).toBe(403);
  });

  it("refuses a request whose session has no token, saying why", async () => {
    const app = protectedApp();
    const { token } = await clientWithToken(app);
    const res = await app.request("/submit", { form: { csrf_token: token } });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("the session has no CSRF token");
  });

  it("masks the token differently on each page, all of them valid, one per request", async () => {
    const app = protectedApp();
    app.get("/twice", (req) => [csrfToken(req), csrfToken(req)]);
    const client = app.testClient();
    const [first, second] = (await (await client.get("/twice")).json()) as string[];
    expect(first).toBe(second);
    const others = [await (await client.get("/token")).text(), await (await client.get("/token")).text()];
    expect(new Set([first, ...others]).size).toBe(3);
    for (const token of [first!, ...others]) {
      expect((await client.post("/submit", { form: { csrf_token: token } })).status).toBe(200);
    }
  });

  it("lets safe methods through and marks pages that show a token Vary: Cookie", async () => {
    const app = protectedApp();
    const get = await app.request("/form");
    expect(get.status).toBe(200);
    expect(get.headers.get("vary")).toBe("Cookie");
    expect((await app.request("/form", { method: "HEAD" })).status).toBe(200);
    expect((await app.request("/form", { method: "OPTIONS" })).status).toBe(200);
  });

  it("uses the configured field and header names", async () => {
    const app = protectedApp({ fieldName: "_csrf", headerName: "X-Token" });
    const { client, token } = await clientWithToken(app);
    expect((await client.post("/submit", { form: { _csrf: token } })).status).toBe(200);
    expect((await client.post("/submit", { headers: { "x-token": token } })).status).toBe(200);
    const old = await client.post("/submit", { form: { csrf_token: token } });
    expect(await old.text()).toContain('"_csrf" form field or the X-Token header');
  });

  it("says to set SECRET_KEY when there is no session to keep the token in", async () => {
    const errors: Error[] = [];
    const app = new Vial({ logger: { error: (_m, e) => errors.push(e as Error) } });
    app.use(csrf());
    app.get("/form", (req) => csrfToken(req));
    expect((await app.request("/form")).status).toBe(500);
    expect(errors[0]?.message).toMatch(/SECRET_KEY/);
  });
});

describe("csrf() origin check", () => {
  async function post(app: Vial, headers: Record<string, string>) {
    const { client, token } = await clientWithToken(app);
    return client.post("/submit", { form: { csrf_token: token }, headers });
  }

  it("refuses cross-site and same-site requests by Sec-Fetch-Site, even with a valid token", async () => {
    const app = protectedApp();
    for (const site of ["cross-site", "same-site"]) {
      const res = await post(app, { "sec-fetch-site": site, origin: "https://evil.example" });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain(`the request came from another site (Sec-Fetch-Site: ${site})`);
    }
  });

  it("accepts same-origin and user-initiated (none) requests", async () => {
    const app = protectedApp();
    expect((await post(app, { "sec-fetch-site": "same-origin", origin: "http://localhost" })).status).toBe(200);
    expect((await post(app, { "sec-fetch-site": "none" })).status).toBe(200);
  });

  it("falls back to comparing Origin with the host when Sec-Fetch-Site is absent", async () => {
    const app = protectedApp();
    expect((await post(app, { origin: "http://localhost" })).status).toBe(200);
    const evil = await post(app, { origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(await evil.text()).toContain("the Origin header (https://evil.example) does not match this site (localhost)");
    expect((await post(app, { origin: "null" })).status).toBe(403);
    expect((await post(app, { origin: "http://localhost.evil.example" })).status).toBe(403);
  });

  it("accepts trusted origins, which still need the token", async () => {
    const app = protectedApp({ trustedOrigins: ["https://admin.example.com"] });
    expect((await post(app, { "sec-fetch-site": "cross-site", origin: "https://admin.example.com" })).status).toBe(200);
    const tokenless = await app.testClient().post("/submit", { headers: { origin: "https://admin.example.com", "sec-fetch-site": "cross-site" } });
    expect(tokenless.status).toBe(403);
    expect(() => csrf({ trustedOrigins: ["https://admin.example.com/path"] })).toThrow(/trustedOrigins must be origins/);
    expect(() => csrf({ trustedOrigins: ["admin.example.com"] })).toThrow(/trustedOrigins must be origins/);
  });
});

describe("csrf() scope and errors", () => {
  it("protects only the blueprints it is installed on, so JSON APIs can opt out", async () => {
    const app = new Vial({ config: { SECRET_KEY: "csrf-secret" } });
    const site = new Blueprint("site");
    site.use(csrf());
    site.post("/comment", () => "commented");
    const api = new Blueprint("api", { urlPrefix: "/api" });
    api.post("/items", () => ({ created: true }));
    app.register(site);
    app.register(api);
    expect((await app.request("/comment", { method: "POST", form: { text: "x" } })).status).toBe(403);
    expect((await app.request("/api/items", { method: "POST", json: {} })).status).toBe(200);
  });

  it("raises CsrfError, which an error handler can render", async () => {
    const app = protectedApp();
    app.errorHandler(CsrfError, (err: CsrfError) => [`Please reload the page. (${err.description})`, 403]);
    const res = await app.request("/submit", { method: "POST" });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/^Please reload the page\. \(CSRF check failed: the session has no CSRF token/);
  });
});
