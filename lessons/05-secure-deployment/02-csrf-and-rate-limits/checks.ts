import { attack, check, clock, expect, http } from "grader";
import { app } from "./app";

type Client = ReturnType<typeof http>;

const PASSWORD = "correct horse battery staple";

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

check("POST /messages without a CSRF token answers 403 and stores nothing", async () => {
  const client = http(app);
  await client.get("/");
  const res = await client.post("/messages", { form: { name: "Forger", website: "", text: "forged-without-token" } });
  expect(res.status, "status of POST /messages without a csrf_token field").toBe(403);
  const page = await client.get("/");
  expect(page.text, "body of GET / after the refused POST").not.toContain("forged-without-token");
}, { task: 1 });

check("The guestbook form carries a token, and a post with it is accepted", async () => {
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

check("Every form that changes something refuses token-less and cross-site posts", async () => {
  const findings = await attack.csrf(app, {
    token: (page) => /name="csrf_token"[^>]*value="([^"]+)"/.exec(page.text)?.[1],
    bodies: { "/messages": { text: "csrf-probe" }, "/login": { username: "ada", password: "not-the-password" } },
  });
  expect(findings, "CSRF protection of the app's POST routes").toHaveNoFindings();
}, { task: 1 });

check("The session cookie is HttpOnly and SameSite=Lax", async () => {
  const res = await http(app).get("/");
  const cookie = res.headers.get("set-cookie") ?? "";
  expect(cookie, "Set-Cookie header of GET / (the session that holds the CSRF secret)").toMatch(/^session=/);
  expect(cookie, "Set-Cookie header of GET /").toMatch(/;\s*SameSite=Lax/i);
  expect(cookie, "Set-Cookie header of GET /").toMatch(/;\s*HttpOnly/i);
}, { task: 2 });

check("The login form carries a token, and signing in with it works", async () => {
  const client = http(app);
  const token = await tokenFrom(client, "/login");
  const res = await client.post("/login", { form: { csrf_token: token, username: "ada", password: PASSWORD } });
  expect(res.status, "status of POST /login with the right password and the form's token").toBe(303);
  const page = await client.get("/");
  expect(page.text, "body of GET / after signing in").toContain("Signed in as ada");
  // A wrong password shows the form again, with a fresh token, as markup a browser can submit.
  clock.advance(61); // a fresh rate-limit window, whatever earlier checks did
  const retry = http(app);
  const wrong = await retry.post("/login", { form: { csrf_token: await tokenFrom(retry, "/login"), username: "ada", password: "not-her-password" } });
  expect(wrong.status, "status of POST /login with a wrong password").toBe(401);
  expect(wrong.text, "body of POST /login with a wrong password (the form again, with its token)").toMatch(/<input[^>]*name="csrf_token"[^>]*value="[^"]+"/);
}, { task: 2 });

check("Too many login attempts answer 429 with Retry-After", async () => {
  clock.advance(61); // a fresh one-minute window, whatever earlier checks did
  const client = http(app);
  const token = await tokenFrom(client, "/");
  let limited: Awaited<ReturnType<Client["post"]>> | undefined;
  for (let attempt = 1; attempt <= 6 && !limited; attempt++) {
    const res = await client.post("/login", { form: { csrf_token: token, username: "ada", password: `guess-${attempt}` } });
    if (res.status === 429) limited = res;
    else expect(res.status, `status of wrong-password attempt ${attempt} at POST /login`).toBe(401);
  }
  expect(limited?.status, "status of the 6th POST /login within a minute (at most 5 are allowed)").toBe(429);
  const retryAfter = Number(limited?.headers.get("retry-after"));
  expect(retryAfter, "Retry-After header of the 429 answer, in seconds").toBeGreaterThan(0);
  expect(retryAfter, "Retry-After header of the 429 answer, in seconds (the window is one minute)").toBeLessThan(61);
  const right = await client.post("/login", { form: { csrf_token: token, username: "ada", password: PASSWORD } });
  expect(right.status, "status of POST /login with the right password while limited").toBe(429);
}, { task: 3 });

check("The login limit leaves the guestbook alone", async () => {
  const client = http(app);
  for (let i = 1; i <= 7; i++) {
    const res = await client.get("/");
    expect(res.status, `status of GET / number ${i} in a row`).toBe(200);
  }
}, { task: 3 });

check("A fresh cookie per guess does not escape the login limit, and the limit lifts after its window", async () => {
  clock.advance(61); // a fresh one-minute window, whatever earlier checks did
  let status = 0;
  for (let attempt = 1; attempt <= 6 && status !== 429; attempt++) {
    const visitor = http(app); // a new cookie jar: a new session each time
    const token = await tokenFrom(visitor, "/");
    status = (await visitor.post("/login", { form: { csrf_token: token, username: "ada", password: `fresh-session-guess-${attempt}` } })).status;
  }
  expect(status, "status of the 6th wrong POST /login within a minute, each from a new session").toBe(429);
  clock.advance(61);
  const again = http(app);
  const token = await tokenFrom(again, "/");
  const right = await again.post("/login", { form: { csrf_token: token, username: "ada", password: PASSWORD } });
  expect(right.status, "status of POST /login with the right password, 61 seconds after being limited").toBe(303);
}, { task: 3 });
