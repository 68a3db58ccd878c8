import { describe, expect, it } from "vitest";
import { Blueprint, Vial, csrf, csrfToken, html } from "vial";
import { probeCsrf } from "../../../../sandbox/grader/attack/csrf";
import { routesOf } from "../../../../sandbox/grader/attack/routes";
import { http } from "./apps";

/** A form page, a guestbook POST and a login POST; `protect` says which get csrf(). */
function appWith(protect: "all" | "guestbook-only") {
  const app = new Vial({ config: { SECRET_KEY: "csrf-probe-test-key" } });
  const guestbook = new Blueprint("guestbook");
  const auth = new Blueprint("auth");
  (protect === "all" ? app : guestbook).use(csrf());
  guestbook.get("/", (req) => html`<form method="post" action="/messages"><input type="hidden" name="csrf_token" value="${csrfToken(req)}"></form><a href="/login">Sign in</a>`);
  auth.get("/login", () => html`<form method="post" action="/login"><input name="username"></form>`);
  guestbook.post("/messages", () => "stored");
  auth.post("/login", () => ["wrong password", 401]);
  app.register(guestbook);
  app.register(auth);
  return app;
}

const token = (page: { text: string }) => /name="csrf_token" value="([^"]+)"/.exec(page.text)?.[1];

describe("the CSRF probe", () => {
  it("enumerates the routes from the URL map", async () => {
    const routes = await routesOf(appWith("all"));
    expect(routes.map((route) => `${route.methods.filter((m) => m !== "OPTIONS" && m !== "HEAD").join(",")} ${route.path}`).sort()).toEqual(["GET /", "GET /login", "POST /login", "POST /messages"]);
  });

  it("passes an app whose every unsafe route checks the token and the origin", async () => {
    expect(await probeCsrf(http, appWith("all"), { token })).toEqual([]);
  });

  it("catches a login form left out of the protection", async () => {
    const findings = await probeCsrf(http, appWith("guestbook-only"), { token });
    expect(findings.map((found) => found.message)).toEqual([
      "POST /login without a csrf_token (from a visitor whose session began at GET /) answered 401, not 403: the request was not refused",
      "POST /login with a valid csrf_token but sent from https://attacker.example (Origin, Sec-Fetch-Site: cross-site) answered 401, not 403",
    ]);
  });

  it("finds the forms by request when the URL map cannot be read (an app behind a proxy)", async () => {
    const app = appWith("guestbook-only");
    const behindAProxy = { request: (path: string, init?: RequestInit) => app.request(path, init) };
    const findings = await probeCsrf(http, behindAProxy, { token });
    expect(findings.map((found) => found.message.split(" answered")[0])).toEqual([
      "POST /login without a csrf_token (from a visitor whose session began at GET /)",
      "POST /login with a valid csrf_token but sent from https://attacker.example (Origin, Sec-Fetch-Site: cross-site)",
    ]);
    const protectedApp = appWith("all");
    expect(await probeCsrf(http, { request: (path: string, init?: RequestInit) => protectedApp.request(path, init) }, { token })).toEqual([]);
  });

  it("says so when it finds no routes to try", async () => {
    expect(await probeCsrf(http, { request: () => new Response("") })).toEqual([
      { probe: "csrf", message: "found no unsafe routes to try: the app's URL map could not be read, no page had a POST form, and no routes were given" },
    ]);
  });
});
