import { attack, check, expect, http } from "grader";
import { sessionSerializer } from "vial/signing";
import { app } from "./app";
import { KEY_2025, KEY_2026 } from "./secrets";

const ADA = { username: "ada", password: "correct horse battery staple" };

/** The response's Set-Cookie line for the session cookie, or "" when it sets none. */
function sessionSetCookie(headers: Headers): string {
  return headers.getSetCookie().find((line) => line.startsWith("session=")) ?? "";
}

/** The cookie's attributes, lower-cased: "httponly", "secure", "samesite=lax", ... */
function attributes(setCookie: string): string[] {
  return setCookie.split(";").slice(1).map((part) => part.trim().toLowerCase().replace(/\s*=\s*/, "="));
}

/** Whether `key` signed `cookie`. */
async function signedWith(key: string, cookie: string | undefined): Promise<boolean> {
  if (cookie === undefined) return false;
  return (await sessionSerializer(key).safeLoads(cookie)).ok;
}

check("The session cookie is Secure, HttpOnly and SameSite=Lax", async () => {
  const client = http(app);
  const login = await client.post("/login", { json: ADA });
  const line = sessionSetCookie(login.headers);
  expect(line || "(no session cookie)", "Set-Cookie of POST /login").toMatch(/^session=/);
  const flags = attributes(line);
  expect(flags, `attributes of the session cookie (${line})`).toContain("secure");
  expect(flags, `attributes of the session cookie (${line})`).toContain("httponly");
  expect(flags, `attributes of the session cookie (${line})`).toContain("samesite=lax");
}, { task: 1 });

check("Logging out deletes the cookie with the same flags", async () => {
  const client = http(app);
  await client.post("/login", { json: ADA });
  const logout = await client.post("/logout");
  const line = sessionSetCookie(logout.headers);
  expect(line || "(no session cookie)", "Set-Cookie of POST /logout").toMatch(/^session=;/);
  expect(attributes(line), `attributes of the deleting cookie (${line})`).toContain("secure");
  expect(Object.keys(logout.cookies), "cookies the client holds after POST /logout").not.toContain("session");
}, { task: 1 });

check("New cookies are signed with KEY_2026", async () => {
  const login = await http(app).post("/login", { json: ADA });
  expect(login.status, "status of POST /login as ada").toBe(200);
  const cookie = login.cookies.session;
  expect(await signedWith(KEY_2026, cookie), "whether KEY_2026 signed the cookie of POST /login").toBe(true);
  expect(await signedWith(KEY_2025, cookie), "whether KEY_2025 (now only a fallback) signed it").toBe(false);
}, { task: 2 });

check("A member logged in under KEY_2025 stays logged in, and is re-signed with KEY_2026", async () => {
  const client = http(app);
  const old = await sessionSerializer(KEY_2025).dumps({ member_id: 1 });
  const me = await client.get("/me", { headers: { cookie: `session=${old}` } });
  expect(me.status, "status of GET /me with a cookie signed by KEY_2025").toBe(200);
  expect(me.json(), "JSON body of GET /me with a cookie signed by KEY_2025").toHaveProperty("username", "ada");
  const write = await client.post("/reading-list", { json: { bookId: 1 }, headers: { cookie: `session=${old}` } });
  const renewed = write.cookies.session;
  expect(await signedWith(KEY_2026, renewed), "whether KEY_2026 signed the cookie that POST /reading-list sent back").toBe(true);
}, { task: 2 });

check("A cookie signed with any other key logs nobody in", async () => {
  const client = http(app);
  for (const key of ["dev", "dev-only: not a secret", "guessed-secret-key"]) {
    const forged = await sessionSerializer(key).dumps({ member_id: 1 });
    const res = await client.get("/me", { headers: { cookie: `session=${forged}` } });
    expect(res.status, `status of GET /me with a cookie signed by the key "${key}"`).toBe(401);
  }
  const findings = await attack.publishedKeys(app, {
    forge: (key) => sessionSerializer(key).dumps({ member_id: 1 }),
    whoami: (visitor, headers) => visitor.get("/me", { headers }),
  });
  expect(findings, "GET /me with sessions signed by published keys (as SECRET_KEY or a fallback)").toHaveNoFindings();
}, { task: 2 });

check("A session cookie altered, or re-signed with a key that is neither KEY_2026 nor KEY_2025, logs nobody in", async () => {
  const findings = await attack.sessionCookies(app, {
    login: (client) => client.post("/login", { json: ADA }),
    whoami: (client, headers) => client.get("/me", { headers }),
    sign: (key, data) => sessionSerializer(key).dumps(data),
  });
  expect(findings, "GET /me with altered and re-signed session cookies").toHaveNoFindings();
}, { task: 2 });
