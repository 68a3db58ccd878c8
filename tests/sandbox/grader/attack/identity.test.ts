import { describe, expect, it } from "vitest";
import { Vial } from "vial";
import { probeForeignCookies } from "../../../../sandbox/grader/attack/identity";
import { http } from "./apps";

/** Logs Ada in; `identity` says where the app keeps who she is. */
function loginApp(identity: "session" | "plain-cookie") {
  const app = new Vial({ config: { SECRET_KEY: "identity-probe-test-key" } });
  app.post("/login", (req) => {
    req.session.set("member", "ada");
    return identity === "session" ? { ok: true } : [{ ok: true }, 200, { "Set-Cookie": "user=ada; Path=/" }];
  });
  app.get("/me", (req) => {
    const who = identity === "session" ? req.session.get<string>("member") : req.cookies.user;
    return who ? { who } : [{ error: "not logged in" }, 401];
  });
  return app;
}

const options = {
  login: (client: ReturnType<typeof http>) => client.post("/login"),
  whoami: (client: ReturnType<typeof http>, headers?: Record<string, string>) => client.get("/me", headers ? { headers } : {}),
};

describe("the foreign-cookie identity probe", () => {
  it("passes an app that reads identity from the signed session only", async () => {
    expect(await probeForeignCookies(http, loginApp("session"), options)).toEqual([]);
  });

  it("catches identity read from a cookie the app set but did not sign", async () => {
    const findings = await probeForeignCookies(http, loginApp("plain-cookie"), options);
    expect(findings[0]?.message).toBe('a visitor who never logged in sent Cookie: user=ada; the app answered 200 {"who":"ada"} instead of 401 {"error":"not logged in"} as for anyone else');
  });
});
