import { attack, check, expect, http, random } from "grader";
import { hashPassword } from "vial";
import { sessionSerializer } from "vial/signing";
import { app } from "./app";
import { addMember, members } from "./members";

const ADA = { username: "ada", password: "correct horse battery staple" };

/** The JSON inside a session cookie: its first part is only base64url. */
function decodeSession(cookie: string | undefined): string {
  if (cookie === undefined) return "(no session cookie)";
  const [payload = ""] = cookie.split(".");
  return atob(payload.replaceAll("-", "+").replaceAll("_", "/"));
}

/** The same cookie with other data in it, and the original timestamp and signature. */
function forge(cookie: string, data: unknown): string {
  const payload = btoa(JSON.stringify(data)).replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");
  return [payload, ...cookie.split(".").slice(1)].join(".");
}

/** The response's Set-Cookie line for the session cookie, or "" when it sets none. */
function sessionSetCookie(headers: Headers): string {
  return headers.getSetCookie().find((line) => line.startsWith("session=")) ?? "";
}

check("POST /login with the right password logs Ada in", async () => {
  const res = await http(app).post("/login", { json: ADA });
  expect(res.status, "status of POST /login as ada").toBe(200);
  expect(res.json(), "JSON body of POST /login as ada").toHaveProperty("username", "ada");
  expect(Object.keys(res.cookies), "cookies the client holds after logging in").toContain("session");
  const inside = decodeSession(res.cookies.session);
  expect(inside, "the session cookie, decoded (it should hold Ada's id)").toContain("1");
  expect(inside, "the session cookie, decoded (it must not hold the password hash)").not.toContain("pbkdf2");
  expect(inside, "the session cookie, decoded (it should hold Ada's id, not her record)").not.toContain("Lovelace");
}, { task: 1 });

check("POST /login with a wrong password or an unknown member answers 401", async () => {
  const client = http(app);
  const wrong = await client.post("/login", { json: { username: "ada", password: "password123" } });
  expect(wrong.status, "status of POST /login with Ada's username and a wrong password").toBe(401);
  expect(wrong.json(), "JSON body of POST /login with a wrong password").toHaveProperty("error");
  const unknown = await client.post("/login", { json: { username: "mallory", password: "password123" } });
  expect(unknown.status, "status of POST /login as a member who does not exist").toBe(401);
  expect(unknown.json(), "JSON body of POST /login as an unknown member (the same as for a wrong password)").toEqual(wrong.json());
  expect(Object.keys(unknown.cookies), "cookies the client holds after two failed logins").not.toContain("session");
}, { task: 1 });

/** The fastest of `times` answers to `send`, in ms: load only ever adds time, so the minimum is the cost. */
async function fastestMs(times: number, send: () => Promise<unknown>): Promise<number> {
  let fastest = Infinity;
  for (let attempt = 0; attempt < times; attempt++) {
    const start = performance.now();
    await send();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

check("A failed login takes as long for an unknown username as for a wrong password", async () => {
  const client = http(app);
  const wrong = await fastestMs(2, () => client.post("/login", { json: { username: "ada", password: random.password(14) } }));
  const unknown = await fastestMs(2, () => client.post("/login", { json: { username: random.word(10), password: random.password(14) } }));
  // Checking a password costs hundreds of ms on purpose; skipping the check answers in one or
  // two. A quarter leaves room for a busy machine while a skipped check stays far below it.
  expect(unknown, `ms to refuse an unknown username, against ${Math.round(wrong)} ms for Ada's username with a wrong password`).toBeGreaterThan(wrong / 4);
}, { task: 1 });

check("A new member with a random password can log in, and every password is stored hashed", async () => {
  const username = random.word(9);
  const password = random.password(18);
  // A cheap hash: the check tests the login, not the cost; verifyPassword reads the rounds from it.
  const passwordHash = await hashPassword(password, { method: "pbkdf2:sha256:1000" });
  // Through the lesson's own data module: the checks' copy of `members` is only a copy.
  await addMember({ id: 1000 + random.int(9000), username, name: "Random Member", passwordHash });
  const res = await http(app).post("/login", { json: { username, password } });
  expect(res.status, `status of POST /login as a member added with the password ${JSON.stringify(password)}`).toBe(200);
  expect(res.json(), "JSON body of that login").toHaveProperty("username", username);
  for (const member of members) {
    expect(String(member.passwordHash), `the stored passwordHash of ${member.username} (a recognised hash format)`).toMatch(/^(pbkdf2:sha256:\d+|scrypt:\d+:\d+:\d+)\$[^$]+\$[0-9a-f]+$/);
  }
}, { task: 1 });

check("POST /login without a username or password answers 400", async () => {
  const client = http(app);
  for (const body of [{}, { username: "ada" }, { username: "ada", password: 123 }]) {
    const res = await client.post("/login", { json: body });
    expect(res.status, `status of POST /login with ${JSON.stringify(body)}`).toBe(400);
  }
}, { task: 1 });

check("GET /me answers 401 before logging in and the member after", async () => {
  const client = http(app);
  const before = await client.get("/me");
  expect(before.status, "status of GET /me without logging in").toBe(401);
  expect(before.json(), "JSON body of GET /me without logging in").toHaveProperty("error");
  await client.post("/login", { json: ADA });
  const after = await client.get("/me");
  expect(after.status, "status of GET /me after logging in as ada").toBe(200);
  expect(after.json(), "JSON body of GET /me after logging in as ada").toEqual({ username: "ada", name: "Ada Lovelace" });
}, { task: 2 });

check("A cookie edited to say member 2 does not log anyone in", async () => {
  const client = http(app);
  const login = await client.post("/login", { json: ADA });
  const cookie = login.cookies.session ?? "";
  expect(cookie, "the session cookie after logging in").not.toBe("");
  const forged = forge(cookie, { member_id: 2 });
  const res = await client.get("/me", { headers: { cookie: `session=${forged}` } });
  expect(res.status, "status of GET /me with a cookie edited to member_id 2").toBe(401);
}, { task: 2 });

check("Logging in starts a new session: nothing stored before it carries over", async () => {
  const client = http(app);
  // Someone used this browser before, or planted a session cookie in it.
  await client.post("/reading-list", { json: { bookId: 2 } });
  const before = (await client.get("/reading-list")).json();
  expect(before.books?.length, "books on the reading list before logging in").toBe(1);
  await client.post("/login", { json: ADA });
  const after = await client.get("/reading-list");
  expect(after.json(), "JSON body of GET /reading-list right after logging in").toEqual({ books: [] });
}, { task: 1 });

check("Only the signed session says who you are: other cookies change nothing", async () => {
  const findings = await attack.foreignCookies(app, {
    login: (client) => client.post("/login", { json: ADA }),
    whoami: (client, headers) => client.get("/me", { headers }),
  });
  expect(findings, "GET /me with cookies the app did not sign").toHaveNoFindings();
}, { task: 2 });

check("POST /logout logs out and forgets the session", async () => {
  const client = http(app);
  await client.post("/login", { json: ADA });
  await client.post("/reading-list", { json: { bookId: 2 } });
  const res = await client.post("/logout");
  expect(res.status, "status of POST /logout").toBe(200);
  const me = await client.get("/me");
  expect(me.status, "status of GET /me after POST /logout").toBe(401);
  const list = await client.get("/reading-list");
  expect(list.json(), "JSON body of GET /reading-list after POST /logout").toEqual({ books: [] });
}, { task: 3 });

check("Remember me keeps the cookie for 7 days; otherwise it ends with the browser", async () => {
  const remembered = await http(app).post("/login", { json: { ...ADA, remember: true } });
  const lasting = sessionSetCookie(remembered.headers);
  expect(lasting || "(no session cookie)", "Set-Cookie of POST /login with remember: true").toMatch(/Max-Age=604800\b/i);
  const once = await http(app).post("/login", { json: ADA });
  const browserOnly = sessionSetCookie(once.headers);
  expect(browserOnly || "(no session cookie)", "Set-Cookie of POST /login without remember").toMatch(/^session=/);
  expect(browserOnly, "Set-Cookie of POST /login without remember (no lifetime)").not.toMatch(/Max-Age|Expires/i);
}, { task: 4 });

check("A session cookie altered, re-signed with another key, or older than its 7 days logs nobody in", async () => {
  // The probe moves the fake clock past the week, so the check does not wait for it.
  const findings = await attack.sessionCookies(app, {
    login: (client) => client.post("/login", { json: { ...ADA, remember: true } }),
    whoami: (client, headers) => client.get("/me", { headers }),
    sign: (key, data) => sessionSerializer(key).dumps(data),
    lifetime: 7 * 24 * 60 * 60,
  });
  expect(findings, "GET /me with altered, re-signed and expired session cookies").toHaveNoFindings();
}, { task: 4 });

check("A remembered member is still logged in on the next request", async () => {
  const client = http(app);
  await client.post("/login", { json: { ...ADA, remember: true } });
  const me = await client.get("/me");
  expect(me.status, "status of GET /me after logging in with remember: true").toBe(200);
}, { task: 4 });
