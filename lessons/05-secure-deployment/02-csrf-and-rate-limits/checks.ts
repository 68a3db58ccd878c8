import { attack, check, clock, expect, http } from "grader";
import { app } from "./app";

type Client = ReturnType<typeof http>;

const ADA = { username: "ada", password: "correct horse battery staple" };

/** Loads a page and returns the CSRF token of its form (failing the check if there is none). */
async function tokenFrom(client: Client, path: string): Promise<string> {
  const page = await client.get(path);
  expect(page.status, `status of GET ${path}`).toBe(200);
  const field = /<input[^>]*name="csrf_token"[^>]*>/.exec(page.text)?.[0];
  expect(field, `hidden csrf_token field in the form of GET ${path}`).toBeDefined();
  const token = /value="([^"]*)"/.exec(field ?? "")?.[1];
  expect(token, `value of the csrf_token field of GET ${path}`).toBeTruthy();
  return token ?? "";
}

/** The token a script of the library's pages reads from GET /csrf-token. */
async function apiToken(client: Client): Promise<string> {
  const res = await client.get("/csrf-token");
  expect(res.status, "status of GET /csrf-token").toBe(200);
  const token: unknown = res.json().csrfToken;
  expect(typeof token === "string" && token.length > 0, `csrfToken in the JSON of GET /csrf-token (got ${JSON.stringify(token)})`).toBe(true);
  return String(token);
}

/** A JSON login as `credentials`, with this session's token in X-CSRF-Token. */
async function logIn(client: Client, credentials: { username: string; password: string }, token?: string) {
  return client.post("/login", { json: credentials, headers: { "X-CSRF-Token": token ?? (await apiToken(client)) } });
}

check("POST /messages without a CSRF token answers 403 and stores nothing", async () => {
  const client = http(app);
  await client.get("/");
  const res = await client.post("/messages", { form: { name: "Forger", website: "", text: "forged-without-token" } });
  expect(res.status, "status of POST /messages without a csrf_token field").toBe(403);
  const page = await client.get("/");
  expect(page.text, "body of GET / after the refused POST").not.toContain("forged-without-token");
}, { task: 1 });

check("The visitors' book form carries a token, and a post with it is accepted", async () => {
  const client = http(app);
  const token = await tokenFrom(client, "/");
  const res = await client.post("/messages", { form: { csrf_token: token, name: "Grace", website: "", text: "posted-with-token" } });
  expect(res.status, "status of POST /messages with the page's csrf_token").toBe(303);
  const page = await client.get("/");
  expect(page.text, "body of GET / after posting with the token").toContain("posted-with-token");
}, { task: 1 });

check("A token from another session, or a post from another site, answers 403", async () => {
  const visitor = http(app);
  const attacker = http(app);
  const attackersToken = await tokenFrom(attacker, "/");
  await visitor.get("/");
  const stolen = await visitor.post("/messages", { form: { csrf_token: attackersToken, text: "token-of-another-session" } });
  expect(stolen.status, "status of POST /messages with another session's token").toBe(403);
  const token = await tokenFrom(visitor, "/");
  const crossSite = await visitor.post("/messages", {
    form: { csrf_token: token, text: "from-another-site" },
    headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
  });
  expect(crossSite.status, "status of POST /messages sent from https://evil.example (Sec-Fetch-Site: cross-site)").toBe(403);
}, { task: 1 });

check("The JSON API takes the token from GET /csrf-token in X-CSRF-Token", async () => {
  clock.advance(61); // a fresh rate-limit window, whatever earlier checks did
  const client = http(app);
  const token = await apiToken(client);
  const login = await logIn(client, ADA, token);
  expect(login.status, "status of POST /login as ada with X-CSRF-Token").toBe(200);
  const me = await client.get("/me");
  expect(me.json(), "JSON body of GET /me after logging in").toHaveProperty("username", "ada");
  // Logging in starts a new session, so the token changes with it.
  const fresh = await apiToken(client);
  const added = await client.post("/reading-list", { json: { bookId: 1 }, headers: { "X-CSRF-Token": fresh } });
  expect(added.status, "status of POST /reading-list with the logged-in session's X-CSRF-Token").toBe(200);
}, { task: 2, timeoutMs: 15_000 });

check("A login or a PATCH /me without the token answers 403 and changes nothing", async () => {
  clock.advance(61);
  const client = http(app);
  await client.get("/");
  const forgedLogin = await client.post("/login", { json: ADA });
  expect(forgedLogin.status, "status of POST /login without X-CSRF-Token").toBe(403);
  const anonymous = await client.get("/me");
  expect(anonymous.status, "status of GET /me after the refused login").toBe(401);
  expect((await logIn(client, ADA)).status, "status of POST /login as ada with the token").toBe(200);
  const forgedPatch = await client.patch("/me", { json: { interests: ["forged"] } });
  expect(forgedPatch.status, "status of PATCH /me without X-CSRF-Token").toBe(403);
  const profile = await client.get("/members/1");
  expect(profile.json().interests, "interests of GET /members/1 after the refused PATCH").not.toContain("forged");
}, { task: 2, timeoutMs: 15_000 });

check("Every route that changes something refuses token-less and cross-site requests", async () => {
  clock.advance(61);
  const findings = await attack.csrf(app, {
    token: (page) => /name="csrf_token"[^>]*value="([^"]+)"/.exec(page.text)?.[1],
    bodies: {
      "/messages": { text: "csrf-probe" },
      "/login": { username: "ada", password: "not-the-password" },
      "/members": { username: "csrf_probe", email: "csrf-probe@example.com", password: "a-long-enough-password" },
      "/reading-list": { bookId: "1" },
      "/me": { interests: "csrf-probe" },
    },
  });
  expect(findings, "CSRF protection of the app's POST, PATCH and DELETE routes").toHaveNoFindings();
}, { task: 2, timeoutMs: 15_000 });

check("The session cookie that holds the CSRF secret is HttpOnly and SameSite=Lax", async () => {
  const res = await http(app).get("/");
  const cookie = res.headers.getSetCookie().find((line) => line.startsWith("session=")) ?? "";
  expect(cookie || "(no session cookie)", "Set-Cookie of GET / (the session that holds the CSRF secret)").toMatch(/^session=/);
  expect(cookie, "Set-Cookie of GET /").toMatch(/;\s*SameSite=Lax/i);
  expect(cookie, "Set-Cookie of GET /").toMatch(/;\s*HttpOnly/i);
}, { task: 2 });

check("Too many login attempts answer 429 with Retry-After", async () => {
  clock.advance(61); // a fresh one-minute window, whatever earlier checks did
  const client = http(app);
  const token = await apiToken(client);
  let limited: Awaited<ReturnType<Client["post"]>> | undefined;
  for (let attempt = 1; attempt <= 6 && !limited; attempt++) {
    const res = await logIn(client, { username: "ada", password: `guess-${attempt}` }, token);
    if (res.status === 429) limited = res;
    else expect(res.status, `status of wrong-password attempt ${attempt} at POST /login`).toBe(401);
  }
  expect(limited?.status, "status of the 6th POST /login within a minute (at most 5 are allowed)").toBe(429);
  const retryAfter = Number(limited?.headers.get("retry-after"));
  expect(retryAfter, "Retry-After header of the 429 answer, in seconds").toBeGreaterThan(0);
  expect(retryAfter, "Retry-After header of the 429 answer, in seconds (the window is one minute)").toBeLessThan(61);
  const right = await logIn(client, ADA, token);
  expect(right.status, "status of POST /login with the right password while limited").toBe(429);
}, { task: 3, timeoutMs: 30_000 });

check("The login limit leaves the rest of the library alone", async () => {
  const client = http(app);
  for (let i = 1; i <= 7; i++) {
    const page = await client.get("/");
    expect(page.status, `status of GET / number ${i} in a row`).toBe(200);
    const books = await client.get("/books");
    expect(books.status, `status of GET /books number ${i} in a row`).toBe(200);
  }
}, { task: 3 });

check("A fresh cookie per guess does not escape the login limit, and the limit lifts after its window", async () => {
  clock.advance(61); // a fresh one-minute window, whatever earlier checks did
  let status = 0;
  for (let attempt = 1; attempt <= 6 && status !== 429; attempt++) {
    const visitor = http(app); // a new cookie jar: a new session each time
    status = (await logIn(visitor, { username: "ada", password: `fresh-session-guess-${attempt}` })).status;
  }
  expect(status, "status of the 6th wrong POST /login within a minute, each from a new session").toBe(429);
  clock.advance(61);
  const right = await logIn(http(app), ADA);
  expect(right.status, "status of POST /login with the right password, 61 seconds after being limited").toBe(200);
}, { task: 3, timeoutMs: 30_000 });
