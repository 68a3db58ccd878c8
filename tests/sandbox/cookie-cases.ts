/**
 * Cookie scenarios for every engine, in the same runner-agnostic shape as contract-cases.ts.
 * They matter most for the worker engine: browsers drop `Cookie` from a Request's headers and
 * `Set-Cookie` from a Response's, so without the engine's cookie-keeping classes sessions and
 * the test client would silently lose their cookies there. The node engine passes them too
 * (cookie-cases.test.ts), which proves the checks themselves are right.
 */
import type { GradeReport } from "../../sandbox/report";
import type { ContractScenario } from "./contract-cases";

/** An app with a signed session, a hand-written Set-Cookie, and routes that read both back. */
export const COOKIE_APP = `import { Vial, redirect } from "vial";

export const app = new Vial({ config: { SECRET_KEY: "a secret for the tests" } });

app.post("/login", async (req) => {
  const form = await req.form();
  req.session.set("user", form.get("user") ?? "nobody");
  return new Response("logged in", { headers: { "set-cookie": "flavour=oat; Path=/" } });
});
app.get("/me", (req) => ({ user: req.session.get("user") ?? null, flavour: req.cookies.flavour ?? null }));
app.get("/echo-cookie", (req) => req.headers.get("cookie") ?? "(none)");
app.get("/go", () => redirect("/me"));
`;

export const COOKIE_CHECKS = `import { check, expect, http } from "grader";
import { app } from "./app";

check("testClient() keeps the cookies the app sets", async () => {
  const client = app.testClient();
  const login = await client.post("/login", { form: { user: "ada" } });
  expect(login.headers.getSetCookie().length, "Set-Cookie headers of POST /login").toBe(2);
  const me = await client.get("/me");
  expect(await me.json(), "GET /me after logging in").toEqual({ user: "ada", flavour: "oat" });
}, { task: 1 });

check("http() keeps the cookies the app sets", async () => {
  const client = http(app);
  await client.post("/login", { form: { user: "grace" } });
  const me = await client.get("/me");
  expect(me.json(), "GET /me after logging in").toEqual({ user: "grace", flavour: "oat" });
}, { task: 2 });

check("a Cookie header written by hand reaches the app", async () => {
  const res = await app.request("/echo-cookie", { headers: { cookie: "flavour=rye" } });
  expect(await res.text(), "the Cookie header the app saw").toBe("flavour=rye");
  const copy = new Request("http://localhost/echo-cookie", { headers: { cookie: "a=1" } });
  expect(copy.clone().headers.get("cookie"), "the Cookie header of a cloned Request").toBe("a=1");
}, { task: 3 });
`;

export const COOKIE_WORKSPACE = { files: { "app.ts": COOKIE_APP }, checks: COOKIE_CHECKS };

function assertPass(report: GradeReport): void {
  if (report.status !== "pass" || report.checks.length !== 3) {
    throw new Error(`expected all three cookie checks to pass\nReport: ${JSON.stringify(report, null, 2)}`);
  }
}

export const cookieScenarios: ContractScenario[] = [
  {
    name: "cookies: Set-Cookie and Cookie survive a check run (testClient, http, sessions)",
    async run(sandbox) {
      await sandbox.load(COOKIE_WORKSPACE);
      assertPass(await sandbox.check());
    },
  },
];
