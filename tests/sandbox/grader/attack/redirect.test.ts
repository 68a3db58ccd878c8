import { describe, expect, it } from "vitest";
import { Vial, redirect } from "vial";
import { probeOpenRedirect } from "../../../../sandbox/grader/attack/redirect";
import { http, random } from "./apps";

function loginApp(safeTarget: (next: string) => string) {
  const app = new Vial();
  app.get("/login", (req) => redirect(safeTarget(req.query.get("next") ?? "/"), 303));
  return app;
}

const send = (app: Vial) => (target: string) => http(app).get("/login", { query: { next: target } });

describe("the open-redirect probe", () => {
  it("passes a redirect that only follows local paths it has parsed itself", async () => {
    const app = loginApp((next) => {
      const url = new URL(next, "http://localhost");
      const path = url.pathname + url.search;
      return url.origin === "http://localhost" && !path.startsWith("//") ? path : "/";
    });
    expect(await probeOpenRedirect(random(), { input: "?next= of GET /login", send: send(app) })).toEqual([]);
  });

  it("catches a redirect that keeps the parsed path: dot segments turn /.//host into //host", async () => {
    const app = loginApp((next) => {
      const url = new URL(next, "http://localhost");
      return url.origin === "http://localhost" ? url.pathname + url.search : "/";
    });
    const sent = (await probeOpenRedirect(random(), { input: "?next=", send: send(app) })).map((found) => /^sent "([^"]*)"/.exec(found.message)?.[1]);
    expect(sent).toEqual(expect.arrayContaining([expect.stringMatching(/^\/\.\/\/\w+\.example\/$/), expect.stringMatching(/^\/\.\.\/\/\w+\.example\/$/), expect.stringMatching(/^\/%2e\/\/\w+\.example\/$/)]));
    expect(sent).toHaveLength(4);
  });

  it("catches a startsWith('/') check: //host and /\\host leave the site", async () => {
    const app = loginApp((next) => (next.startsWith("/") ? next : "/"));
    const messages = (await probeOpenRedirect(random(), { input: "?next= of GET /login", send: send(app) })).map((found) => found.message);
    expect(messages.some((message) => /^sent "\/\/\w+\.example\/" as \?next= of GET \/login; the app answered 303 with Location: "\/\/\w+\.example\/", which a browser follows to another site/.test(message))).toBe(true);
    expect(messages.some((message) => message.startsWith('sent "/\\\\'))).toBe(true);
  });

  it("catches a redirect that blocks http(s) URLs but lets javascript: through", async () => {
    const app = loginApp((next) => (/^https?:|^\/\//i.test(next) ? "/" : next));
    const messages = (await probeOpenRedirect(random(), { input: "?next=", send: send(app) })).map((found) => found.message);
    expect(messages.some((message) => message.includes("a javascript: URL"))).toBe(true);
  });
});
