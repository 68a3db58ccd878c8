import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Vial } from "vial";
import { sessionSerializer } from "vial/signing";
import { probeSessionCookies } from "../../../../sandbox/grader/attack/sessions";
import { createClock } from "../../../../sandbox/grader/clock";
import { http, random } from "./apps";

const KEY = "session-probe-test-key-0123456789";
const HOUR = 3600;

/**
 * Logs Ada in with a session that lives `lifetime` seconds. `verify: false` reads the member
 * from the cookie's payload without checking its signature, as a hand-made session might.
 */
function sessionApp({ lifetime = HOUR, verify = true } = {}) {
  const app = new Vial({ config: { SECRET_KEY: KEY, PERMANENT_SESSION_LIFETIME: lifetime } });
  app.post("/login", (req) => {
    req.session.set("member", "ada");
    req.session.permanent = true;
    return { ok: true };
  });
  app.get("/me", (req) => {
    const who = verify ? req.session.get<string>("member") : unverifiedMember(req.cookies.session);
    return who ? { who } : [{ error: "not logged in" }, 401];
  });
  return app;
}

function unverifiedMember(cookie: string | undefined): string | undefined {
  try {
    const payload = (cookie ?? "").split(".")[0] ?? "";
    return JSON.parse(atob(payload.replaceAll("-", "+").replaceAll("_", "/"))).member;
  } catch {
    return undefined;
  }
}

const fakeClock = createClock();
beforeEach(() => fakeClock.install());
afterEach(() => fakeClock.uninstall());

const options = {
  login: (client: ReturnType<typeof http>) => client.post("/login"),
  whoami: (client: ReturnType<typeof http>, headers: Record<string, string>) => client.get("/me", { headers }),
  sign: (key: string, data: unknown) => sessionSerializer(key).dumps(data),
  lifetime: HOUR,
};

describe("the session-cookie probe", () => {
  it("passes an app whose signed session expires when it says", async () => {
    expect(await probeSessionCookies(http, fakeClock.api, random(), sessionApp(), options)).toEqual([]);
    expect(fakeClock.api.advancedSeconds).toBe(HOUR + 60);
  });

  it("catches a session read without checking its signature", async () => {
    const messages = (await probeSessionCookies(http, fakeClock.api, random(), sessionApp({ verify: false }), options)).map((found) => found.message);
    expect(messages).toHaveLength(5);
    expect(messages[0]).toBe('the session cookie with the last character of its signature changed was accepted: the app answered 200 {"who":"ada"} instead of 401 {"error":"not logged in"} as for an anonymous visitor');
    expect(messages[3]).toMatch(/^the session cookie re-signed, with the same data, with a key that is not the app's \(".{32}"\) was accepted/);
    expect(messages[4]).toMatch(/^the session cookie 3660 s old \(its lifetime is 3600 s\) was accepted/);
  });

  it("catches a session that outlives the lifetime the lesson promises", async () => {
    const messages = (await probeSessionCookies(http, fakeClock.api, random(), sessionApp({ lifetime: 30 * 24 * HOUR }), options)).map((found) => found.message);
    expect(messages).toEqual(['the session cookie 3660 s old (its lifetime is 3600 s) was accepted: the app answered 200 {"who":"ada"} instead of 401 {"error":"not logged in"} as for an anonymous visitor']);
  });

  it("catches a session that ends before its lifetime", async () => {
    const messages = (await probeSessionCookies(http, fakeClock.api, random(), sessionApp({ lifetime: 60 }), options)).map((found) => found.message);
    expect(messages).toEqual(['the session cookie was refused 60 s before its lifetime of 3600 s ran out: the app answered 401 {"error":"not logged in"} instead of 200 {"who":"ada"}']);
  });

  it("says so when logging in sets no session cookie", async () => {
    const app = new Vial({ config: { SECRET_KEY: KEY } });
    app.post("/login", () => ({ ok: true }));
    app.get("/me", () => [{ error: "not logged in" }, 401]);
    const findings = await probeSessionCookies(http, fakeClock.api, random(), app, options);
    expect(findings.map((found) => found.message)).toEqual(['logging in (200 {"ok":true}) set no session cookie, so the session cannot be tested']);
  });
});
