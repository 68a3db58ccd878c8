import { attack, check, database, expect, http, random } from "grader";
import { hashPassword } from "vial";
import { app, initDb } from "./app";

// Every check starts from the learner's schema (their init-db), one member with a random
// password and a few public notes. Her hash is cheap (1000 rounds): these checks test the login,
// not the hash's cost; the timing check registers a member through the app's own /register.
const ADA = { username: `ada_${random.word(6)}`, password: random.password(18) };
const ADA_EMAIL = `${ADA.username}@example.com`;
const adaHash = hashPassword(ADA.password, { method: "pbkdf2:sha256:1000" });
const NOTE_TITLES = [`Garden ${random.word(6)}`, `Recipes ${random.word(6)}`, `Trips ${random.word(6)}`];

database.setup(async () => {
  await initDb();
  await database.query("INSERT INTO members (username, email, password_hash) VALUES ($1, $2, $3)", [ADA.username, ADA_EMAIL, await adaHash]);
  await database.query("INSERT INTO notes (owner_id, title, public) SELECT 1, title, true FROM unnest($1::text[]) AS title", [NOTE_TITLES]);
});

type Client = ReturnType<typeof http>;

const login = (client: Client, credentials: { username: string; password: string }, next?: string) =>
  client.post("/login", { json: credentials, ...(next === undefined ? {} : { query: { next } }) });

const publicNoteIds = async () => (await database.query<{ id: number }>("SELECT id FROM notes WHERE public ORDER BY id")).map((row) => row.id);

check("POST /login with the right password answers 303 and logs the member in", async () => {
  const client = http(app);
  const res = await login(client, ADA);
  expect(res.status, "status of POST /login with the right password").toBe(303);
  const me = await client.get("/me");
  expect(me.status, "status of GET /me after logging in").toBe(200);
  expect(me.json(), "JSON body of GET /me after logging in").toHaveProperty("username", ADA.username);
}, { task: 1, timeoutMs: 20_000 });

check("A wrong password and an unknown username get the same answer, and no session", async () => {
  const client = http(app);
  const wrong = await login(client, { username: ADA.username, password: random.password(16) });
  const unknown = await login(client, { username: `nobody_${random.word(8)}`, password: random.password(16) });
  expect(wrong.status, "status of POST /login with a wrong password").toBe(401);
  expect(unknown.status, "status of POST /login with an unknown username (the same as for a wrong password)").toBe(wrong.status);
  expect(unknown.text, "body of POST /login with an unknown username (the same as for a wrong password)").toBe(wrong.text);
  expect(wrong.json(), "JSON body of a failed login").toHaveProperty("error");
  expect((await client.get("/me")).status, "status of GET /me after two failed logins").toBe(401);
}, { task: 1, timeoutMs: 20_000 });

check("A failed login answers the same, in the same time, for an unknown username as for a wrong password", async () => {
  // Registered through the app, so her hash costs what the app's hashes cost.
  const grace = { username: `grace_${random.word(6)}`, email: `grace.${random.word(6)}@example.com`, password: random.password(16) };
  const registered = await http(app).post("/register", { json: grace });
  expect(registered.status, "status of POST /register").toBe(201);
  // The probe compares status, Location, cookies, body and the fastest of three answers each.
  const findings = await attack.accountEnumeration({
    input: "the username of POST /login (with a wrong password)",
    known: grace.username,
    unknown: `nobody_${random.word(8)}`,
    send: (username) => login(http(app), { username, password: random.password(16) }),
  });
  expect(findings, "failed logins for a member and for nobody").toHaveNoFindings();
}, { task: 1, timeoutMs: 30_000 });

check("POST /login without a string username and password is refused with 400 or 422", async () => {
  const client = http(app);
  for (const body of [{}, { username: ADA.username }, { username: ADA.username, password: 123 }]) {
    const res = await client.post("/login", { json: body });
    expect([400, 422], `status of POST /login with ${JSON.stringify(body)}`).toContain(res.status);
  }
}, { task: 1, timeoutMs: 20_000 });

check("Logging in starts a new session: what the browser's session held before is gone", async () => {
  const client = http(app);
  // Someone used this browser before the member did (or planted a session in it).
  const [first, second] = await publicNoteIds();
  await client.get(`/notes/${first}`);
  await client.get(`/notes/${second}`);
  const before = (await client.get("/notes/recent")).json();
  expect(before.recent, "recently viewed notes before logging in").toEqual([second, first]);
  const res = await login(client, ADA);
  expect(res.status, "status of POST /login").toBe(303);
  const after = await client.get("/notes/recent");
  expect(after.json(), "JSON body of GET /notes/recent right after logging in").toEqual({ recent: [] });
  expect((await client.get("/me")).status, "status of GET /me after logging in").toBe(200);
}, { task: 2, timeoutMs: 20_000 });

check("POST /logout ends the session", async () => {
  const client = http(app);
  await login(client, ADA);
  const res = await client.post("/logout");
  expect(res.status, "status of POST /logout").toBe(200);
  expect((await client.get("/me")).status, "status of GET /me after logging out").toBe(401);
}, { task: 2, timeoutMs: 20_000 });

check("After logging in, ?next= leads to the page asked for, or to /me without one", async () => {
  const [id] = await publicNoteIds();
  const wanted = `/notes/${id}?from=${random.word(5)}#top`;
  const res = await login(http(app), ADA, wanted);
  expect(res.status, `status of POST /login?next=${wanted}`).toBe(303);
  const location = new URL(res.headers.get("location") ?? "(none)", "http://localhost/");
  expect(location.href, `where POST /login?next=${wanted} redirects to`).toBe(`http://localhost${wanted}`);
  const plain = await login(http(app), ADA);
  expect(new URL(plain.headers.get("location") ?? "(none)", "http://localhost/").href, "where POST /login without next redirects to").toBe("http://localhost/me");
}, { task: 3, timeoutMs: 20_000 });

check("?next= never sends a member who just logged in to another site", async () => {
  const findings = await attack.openRedirect({
    input: "the next parameter of POST /login",
    send: (target) => login(http(app), ADA, target),
  });
  expect(findings, "where POST /login?next= redirects to").toHaveNoFindings();
  // Not just somewhere on this site: the member asked for another site, so they land on /me.
  const host = `${random.word(7)}.example`;
  for (const foreign of [`//${host}/notes/recent`, `https://${host}/notes/recent`, `/\\${host}/notes/recent`]) {
    const res = await login(http(app), ADA, foreign);
    const location = new URL(res.headers.get("location") ?? "(none)", "http://localhost/");
    expect(location.href, `where POST /login?next=${foreign} redirects to`).toBe("http://localhost/me");
  }
}, { task: 3, timeoutMs: 30_000 });

check("A failed login never redirects, whatever ?next= says", async () => {
  const res = await login(http(app), { username: ADA.username, password: random.password(16) }, "/notes/recent");
  expect(res.status, "status of POST /login?next=/notes/recent with a wrong password").toBe(401);
  expect(res.headers.get("location"), "Location of a failed login").toBe(null);
}, { task: 3, timeoutMs: 20_000 });
