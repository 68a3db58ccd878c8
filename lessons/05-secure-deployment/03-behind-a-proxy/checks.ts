import { attack, check, expect, http, random } from "grader";
import { createApp, type Env } from "./app";

type Client = ReturnType<typeof http>;

/** A key as `openssl rand -hex 32` makes one, new for every run. */
const strongKey = () => random.password(48);

/** What production sets: a strong key, and the one host the library answers for. */
const PRODUCTION: Env = { VIAL_SECRET_KEY: strongKey(), VIAL_TRUSTED_HOSTS: '["library.example"]' };

/** Where nginx forwards requests: the app's own address, not the public host. */
const UPSTREAM = "http://127.0.0.1:8000";

/** Headers nginx adds for a browser at `address` that asked for https://library.example. */
function viaProxy(address: string, host = "library.example"): Record<string, string> {
  return { "x-forwarded-for": address, "x-forwarded-proto": "https", "x-forwarded-host": host };
}

/** The token the library's scripts read from GET /csrf-token, through the proxy's headers. */
async function apiToken(client: Client, url: string, headers: Record<string, string>): Promise<string> {
  const res = await client.get(url, { headers });
  expect(res.status, `status of GET ${url}`).toBe(200);
  const token: unknown = res.json().csrfToken;
  expect(typeof token === "string" && token.length > 0, `csrfToken in the JSON of GET ${url}`).toBe(true);
  return String(token);
}

/** Loads a page and returns the CSRF token of its form. */
async function tokenFrom(client: Client, url: string, headers: Record<string, string> = {}): Promise<string> {
  const page = await client.get(url, { headers });
  expect(page.status, `status of GET ${url}`).toBe(200);
  const token = /name="csrf_token"[^>]*value="([^"]*)"/.exec(page.text)?.[1];
  expect(token, `csrf_token field in the form of GET ${url}`).toBeTruthy();
  return token ?? "";
}

check("createApp without VIAL_SECRET_KEY refuses to start", async () => {
  // createApp lives in the learner's realm: calling it from a check returns a promise.
  await expect(() => createApp({}), "createApp({}) (no VIAL_SECRET_KEY)").toThrow(/VIAL_SECRET_KEY/);
  const key = strongKey();
  await expect(() => createApp({ VIAL_SECRET_KEY: key }), `createApp({ VIAL_SECRET_KEY: "${key}" })`).not.toThrow();
}, { task: 1 });

check("createApp refuses short and published keys, as VIAL_SECRET_KEY and in VIAL_SECRET_KEY_FALLBACKS", async () => {
  const findings = await attack.weakKeys({ start: (env) => createApp(env), env: { VIAL_TRUSTED_HOSTS: '["library.example"]' } });
  expect(findings, "createApp with short or published keys").toHaveNoFindings();
}, { task: 1 });

check("Sessions are signed with the key from the environment", async () => {
  const appA = await createApp({ VIAL_SECRET_KEY: strongKey() });
  const appB = await createApp({ VIAL_SECRET_KEY: strongKey() });
  const client = http(appA);
  const token = await tokenFrom(client, "/");
  const accepted = await client.post("/messages", { form: { csrf_token: token, text: "signed-by-key-a" } });
  expect(accepted.status, "status of POST /messages to server A (its own VIAL_SECRET_KEY), with its own session").toBe(303);
  const session = accepted.cookies.session ?? "";
  expect(session, "session cookie set by server A").toBeTruthy();
  const refused = await http(appB).post("/messages", { form: { csrf_token: token, text: "replayed" }, headers: { cookie: `session=${session}` } });
  expect(refused.status, "status of POST /messages to server B (another VIAL_SECRET_KEY), with a session signed by server A's key").toBe(403);
}, { task: 1 });

check("In production a crash answers 500 without its details", async () => {
  const res = await http(await createApp(PRODUCTION)).get("http://library.example/stats");
  expect(res.status, "status of GET /stats in production").toBe(500);
  expect(res.text, "body of GET /stats in production (the exception's message holds a password)").not.toContain("hunter2");
  expect(res.text, "body of GET /stats in production (a stack trace)").not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
}, { task: 2 });

check("VIAL_DEBUG=true shows the details, for development only", async () => {
  const res = await http(await createApp({ ...PRODUCTION, VIAL_DEBUG: "true" })).get("http://library.example/stats");
  expect(res.status, "status of GET /stats with VIAL_DEBUG=true").toBe(500);
  expect(res.text, "body of GET /stats with VIAL_DEBUG=true (the exception, shown in debug mode)").toContain("hunter2");
}, { task: 2 });

check("Production session cookies are Secure, unless the environment says otherwise", async () => {
  const production = await http(await createApp(PRODUCTION)).get("http://library.example/");
  expect(production.headers.get("set-cookie") ?? "", "Set-Cookie header of GET / in production").toMatch(/;\s*Secure/i);
  expect(production.headers.get("set-cookie") ?? "", "Set-Cookie header of GET / in production").toMatch(/;\s*SameSite=Lax/i);
  expect(production.headers.get("set-cookie") ?? "", "Set-Cookie header of GET / in production").toMatch(/;\s*HttpOnly/i);
  const local = await http(await createApp({ VIAL_SECRET_KEY: strongKey(), VIAL_SESSION_COOKIE_SECURE: "false" })).get("/");
  expect(local.headers.get("set-cookie") ?? "", "Set-Cookie header of GET / with VIAL_SESSION_COOKIE_SECURE=false").not.toMatch(/;\s*Secure/i);
}, { task: 2 });

check("A request for another host answers 400", async () => {
  const client = http(await createApp(PRODUCTION));
  const forged = await client.get("http://evil.example/");
  expect(forged.status, "status of GET / with Host: evil.example (VIAL_TRUSTED_HOSTS is library.example)").toBe(400);
  const real = await client.get("http://library.example/");
  expect(real.status, "status of GET / with Host: library.example").toBe(200);
}, { task: 3 });

check("Behind the proxy, the forwarded host is the one checked", async () => {
  const client = http(await createApp(PRODUCTION));
  const proxied = await client.get(`${UPSTREAM}/`, { headers: viaProxy("203.0.113.10") });
  expect(proxied.status, `status of GET ${UPSTREAM}/ forwarded by nginx for library.example (X-Forwarded-Host)`).toBe(200);
  const forged = await client.get(`${UPSTREAM}/`, { headers: viaProxy("203.0.113.10", "evil.example") });
  expect(forged.status, `status of GET ${UPSTREAM}/ forwarded for Host: evil.example`).toBe(400);
}, { task: 3 });

check("In development, with no proxy in front, X-Forwarded-* headers are not trusted", async () => {
  const development = http(createApp({ ...PRODUCTION, VIAL_DEBUG: "true" }));
  const forged = await development.get(`${UPSTREAM}/`, { headers: viaProxy("203.0.113.10") });
  expect(forged.status, `status of GET ${UPSTREAM}/ with X-Forwarded-Host: library.example, to the app with VIAL_DEBUG=true (no proxy: the Host is 127.0.0.1:8000)`).toBe(400);
}, { task: 3 });

check("The login limit counts each real client, and a forged X-Forwarded-For does not escape it", async () => {
  const library = await createApp(PRODUCTION);
  const mallory = http(library);
  const token = await apiToken(mallory, `${UPSTREAM}/csrf-token`, viaProxy("203.0.113.66"));
  const guess = (password: string, forwardedFor: string) =>
    mallory.post(`${UPSTREAM}/login`, { json: { username: "ada", password }, headers: { ...viaProxy(forwardedFor), "X-CSRF-Token": token } });
  let status = 0;
  for (let attempt = 1; attempt <= 6 && status !== 429; attempt++) {
    status = (await guess(`guess-${attempt}`, "203.0.113.66")).status;
  }
  expect(status, "status of the 6th POST /login from 203.0.113.66 within a minute").toBe(429);
  // nginx appends the address it saw; what the client sent itself stays to the left.
  const forged = await guess("one-more-guess", "198.51.100.1, 203.0.113.66");
  expect(forged.status, "status of POST /login from 203.0.113.66 claiming X-Forwarded-For: 198.51.100.1").toBe(429);
  const ada = http(library);
  const adasToken = await apiToken(ada, `${UPSTREAM}/csrf-token`, viaProxy("192.0.2.7"));
  const login = await ada.post(`${UPSTREAM}/login`, {
    json: { username: "ada", password: "correct horse battery staple" },
    headers: { ...viaProxy("192.0.2.7"), "X-CSRF-Token": adasToken },
  });
  expect(login.status, "status of POST /login from another client, 192.0.2.7, with the right password").toBe(200);
}, { task: 3, timeoutMs: 30_000 });
