import { attack, check, database, expect, http, random } from "grader";
import { hashPassword, verifyPassword } from "vial";
import { sessionSerializer } from "vial/signing";
import { app, createApp, initDb } from "./app";

// Two members with random names and passwords (cheap hashes: these checks test the app, not the
// hash's cost), and notes of each with random titles.
const ada = { username: `ada_${random.word(6)}`, password: random.password(18), id: 0 };
const bob = { username: `bob_${random.word(6)}`, password: random.password(18), id: 0 };
const titles = { ada: `Garden ${random.word(8)}`, bob: `Recipes ${random.word(8)}`, bobSecret: `Passwords ${random.word(8)}` };
const cheapHash = (password: string) => hashPassword(password, { method: "pbkdf2:sha256:1000" });

database.setup(async () => {
  await initDb();
  const rows = await database.query<{ id: number }>(
    "INSERT INTO members (username, password_hash) SELECT * FROM unnest($1::text[], $2::text[]) RETURNING id",
    [[ada.username, bob.username], [await cheapHash(ada.password), await cheapHash(bob.password)]],
  );
  [ada.id, bob.id] = rows.map((row) => row.id) as [number, number];
  await database.query("INSERT INTO notes (owner_id, title, body) VALUES ($1, $3, 'Tomatoes in May.'), ($2, $4, 'Soup.'), ($2, $5, 'Hunter2.')", [
    ada.id,
    bob.id,
    titles.ada,
    titles.bob,
    titles.bobSecret,
  ]);
});

type Client = ReturnType<typeof http>;
type Who = { username: string; password: string };

/** The CSRF token of the first form on `path` (failing the check if there is none). */
async function tokenFrom(client: Client, path: string): Promise<string> {
  const page = await client.get(path);
  expect(page.status, `status of GET ${path}`).toBe(200);
  const token = /name="csrf_token"[^>]*value="([^"]+)"/.exec(page.text)?.[1];
  expect(token, `the csrf_token field of a form on GET ${path}`).toBeDefined();
  return token ?? "";
}

const logIn = async (client: Client, who: Who) =>
  client.post("/login", { form: { csrf_token: await tokenFrom(client, "/login"), username: who.username, password: who.password } });

async function loggedIn(who: Who): Promise<Client> {
  const client = http(app);
  const res = await logIn(client, who);
  expect(res.status, `status of POST /login as ${who.username}`).toBe(303);
  return client;
}

async function register(client: Client, fields: Record<string, string>) {
  return client.post("/register", { form: { csrf_token: await tokenFrom(client, "/register"), ...fields } });
}

/** Every row, as text: equal before and after means nothing changed. */
const snapshot = async () =>
  JSON.stringify([
    await database.query("SELECT id, owner_id, title, body FROM notes ORDER BY id"),
    await database.query("SELECT id, username, password_hash, role FROM members ORDER BY id"),
  ]);
const locationOf = (res: { headers: Headers }) => new URL(res.headers.get("location") ?? "(none)", "http://localhost/").href;

// ---- Task 1: accounts ----

check("A newcomer registers, logs in and out; a taken or malformed username is refused", async () => {
  const client = http(app);
  const newcomer = { username: `new_${random.word(8)}`, password: random.password(16) };
  const res = await register(client, newcomer);
  expect(res.status, "status of POST /register").toBe(303);
  expect((await database.query("SELECT role FROM members WHERE username = $1", [newcomer.username]))[0], "the new member's row").toEqual({ role: "member" });
  const member = http(app);
  expect((await logIn(member, newcomer)).status, "status of POST /login as the new member").toBe(303);
  expect((await member.get("/")).status, "status of GET / after logging in").toBe(200);
  const logout = await member.post("/logout", { form: { csrf_token: await tokenFrom(member, "/") } });
  expect(logout.status, "status of POST /logout").toBe(303);
  expect((await member.get("/")).status, "status of GET / after logging out").not.toBe(200);
  const taken = await register(client, { username: ada.username, password: random.password(16) });
  expect(taken.status, "status of POST /register with a username that is taken").toBe(409);
  expect(taken.text, "body of POST /register with a username that is taken (a page, not escaped markup)").not.toContain("&lt;");
  expect([400, 422], 'status of POST /register with the username "A B"').toContain((await register(client, { username: "A B", password: random.password(16) })).status);
  expect([400, 422], "status of POST /register with a 5-character password").toContain((await register(client, { username: `short_${random.word(6)}`, password: random.password(5) })).status);
  // A megabyte of password is a megabyte to hash: the limit is there to refuse it before that.
  expect([400, 413, 422], "status of POST /register with a 10 000-character password").toContain((await register(client, { username: `long_${random.word(6)}`, password: random.password(10_000) })).status);
}, { task: 1, timeoutMs: 30_000 });

check("The session cookie is HttpOnly and SameSite=Lax or Strict", async () => {
  const res = await logIn(http(app), ada);
  expect(res.status, "status of POST /login").toBe(303);
  const cookie = res.headers.get("set-cookie") ?? "";
  expect(cookie, "Set-Cookie of POST /login").toMatch(/;\s*httponly/i);
  // Lax or Strict: the browser leaves the cookie off a POST another site makes it send.
  expect(cookie, "Set-Cookie of POST /login").toMatch(/;\s*samesite=(lax|strict)/i);
}, { task: 1, timeoutMs: 30_000 });

check("The key that signs sessions comes from VIAL_SECRET_KEY", async () => {
  // A server sets the key in its environment; createApp(env) must sign and verify with it.
  const key = random.word(64);
  const configured = createApp({ VIAL_SECRET_KEY: key });
  const cookie = `session=${await sessionSerializer(key).dumps({ member_id: ada.id })}`;
  const home = await http(configured).get("/", { headers: { cookie } });
  expect(home.status, "status of GET / with a session signed with VIAL_SECRET_KEY").toBe(200);
  expect(home.text, "GET / with a session of Ada's signed with VIAL_SECRET_KEY").toContain(titles.ada);
  const other = `session=${await sessionSerializer(random.word(64)).dumps({ member_id: ada.id })}`;
  expect((await http(configured).get("/", { headers: { cookie: other } })).status, "status of GET / with a session signed with another key").not.toBe(200);
}, { task: 1, timeoutMs: 30_000 });

check("Passwords are stored as salted hashes that verify", async () => {
  const pair = [
    { username: `one_${random.word(8)}`, password: random.password(16) },
    { username: `two_${random.word(8)}`, password: "" },
  ];
  pair[1]!.password = pair[0]!.password; // the same password twice: a salted hash differs
  for (const who of pair) expect((await register(http(app), who)).status, `status of POST /register as ${who.username}`).toBe(303);
  const rows = await database.query<{ password_hash: string }>("SELECT password_hash FROM members WHERE username = ANY($1) ORDER BY id", [pair.map((who) => who.username)]);
  expect(rows, "the two new members' rows").toHaveLength(2);
  for (const { password_hash } of rows) {
    expect(password_hash, "a stored password_hash").not.toContain(pair[0]!.password);
    expect(await verifyPassword(password_hash, pair[0]!.password), "verifyPassword(stored hash, the password)").toBe(true);
  }
  expect(rows[0]!.password_hash, "the hashes of one password for two members (a salt makes them differ)").not.toBe(rows[1]!.password_hash);
}, { task: 1, timeoutMs: 30_000 });

check("A failed login says nothing about who exists", async () => {
  const wrong = await logIn(http(app), { username: ada.username, password: random.password(16) });
  expect(wrong.status, "status of POST /login with a wrong password").toBe(401);
  expect(wrong.text, "body of POST /login with a wrong password (a page, not escaped markup)").not.toContain("&lt;");
  const grace = { username: `grace_${random.word(6)}`, password: random.password(16) };
  expect((await register(http(app), grace)).status, "status of POST /register").toBe(303);
  const findings = await attack.accountEnumeration({
    input: "the username of POST /login (with a wrong password)",
    known: grace.username,
    unknown: `nobody_${random.word(8)}`,
    send: (username) => logIn(http(app), { username, password: random.password(16) }),
  });
  expect(findings, "failed logins for a member and for nobody").toHaveNoFindings();
}, { task: 1, timeoutMs: 60_000 });

check("Logging in starts a new session: nothing from before it works after", async () => {
  // Here, the CSRF secret the login page's token was made with, which whoever planted or used
  // the session before the login knows.
  const client = http(app);
  const before = await tokenFrom(client, "/login");
  const login = await client.post("/login", { form: { csrf_token: before, username: ada.username, password: ada.password } });
  expect(login.status, "status of POST /login").toBe(303);
  const title = `Planted ${random.word(8)}`;
  expect((await client.post("/notes", { form: { csrf_token: before, title } })).status, "status of POST /notes with the token from before the login").toBe(403);
  expect((await client.post("/notes", { form: { csrf_token: await tokenFrom(client, "/"), title } })).status, "status of POST /notes with a token from after the login").toBe(303);
}, { task: 1, timeoutMs: 30_000 });

check("Registering sets no field a newcomer may not choose", async () => {
  const username = `eve_${random.word(8)}`;
  const findings = await attack.massAssignment({
    route: "POST /register",
    valid: { username, password: random.password(16) },
    send: (body) => register(http(app), Object.fromEntries(Object.entries(body).map(([key, value]) => [key, String(value)]))),
    stored: async () => (await database.query("SELECT id, username, role FROM members WHERE username = $1", [username]))[0],
  });
  expect(findings, "fields a newcomer may not choose").toHaveNoFindings();
  expect((await database.query("SELECT role FROM members WHERE username = $1", [username]))[0], "the row POST /register made").toEqual({ role: "member" });
}, { task: 1, timeoutMs: 60_000 });

// ---- Task 2: notes ----

check("A member sees their own notes, adds one and finds it by search; a visitor is sent to log in", async () => {
  const visitor = await http(app).get("/");
  expect([302, 303], "status of GET / for a visitor who is not logged in").toContain(visitor.status);
  expect(locationOf(visitor), "where GET / sends a visitor").toMatch(/^http:\/\/localhost\/login/);
  const client = await loggedIn(ada);
  const home = await client.get("/");
  expect(home.text, "GET / for Ada").toContain(titles.ada);
  expect(home.text, "GET / for Ada (a page, not escaped markup)").not.toContain("&lt;");
  expect(home.text, "GET / for Ada (Bob's notes must not be on it)").not.toContain(titles.bob);
  const title = `Trip ${random.word(8)}`;
  const added = await client.post("/notes", { form: { csrf_token: await tokenFrom(client, "/"), title, body: `Pack ${random.word(6)}` } });
  expect(added.status, "status of POST /notes").toBe(303);
  expect((await database.query("SELECT owner_id FROM notes WHERE title = $1", [title]))[0], "the note POST /notes made").toEqual({ owner_id: ada.id });
  expect((await client.get("/")).text, "GET / after adding a note").toContain(title);
  const q = title.slice(5).toUpperCase();
  const found = await client.get("/search", { query: { q } });
  expect(found.status, "status of GET /search").toBe(200);
  expect(found.text, "GET /search?q= (a part of the title, in capitals)").toContain(title);
  expect(found.text, "GET /search?q= (a page, not escaped markup)").not.toContain("&lt;");
  expect(found.text, "GET /search?q= (the page says what was searched for, in <mark>)").toContain(`<mark>${q}</mark>`);
  expect(found.text, "GET /search?q= (another note of Ada's does not match)").not.toContain(titles.ada);
  const everything = await client.get("/search", { query: { q: "%" } });
  expect(everything.text, "GET /search?q=% (a % matches itself, not every note)").not.toContain(title);
  expect((await (await loggedIn(bob)).get("/search", { query: { q: title.slice(5) } })).text, "GET /search for Bob (Ada's note is not his)").not.toContain(title);
}, { task: 2, timeoutMs: 30_000 });

check("A visitor who is not logged in reads and adds nothing", async () => {
  const visitor = http(app);
  const csrf_token = await tokenFrom(visitor, "/login");
  const before = await snapshot();
  const toLogin = (res: { status: number; headers: Headers }) => [302, 303].includes(res.status) && locationOf(res).startsWith("http://localhost/login");
  const answers = {
    "GET /": await visitor.get("/"),
    "GET /search?q=e": await visitor.get("/search", { query: { q: "e" } }),
    "POST /notes": await visitor.post("/notes", { form: { csrf_token, title: `Visitor ${random.word(6)}` } }),
  };
  for (const [request, res] of Object.entries(answers)) {
    expect(toLogin(res), `${request} for a visitor answers a redirect to /login (got ${res.status} to ${res.headers.get("location")})`).toBe(true);
    expect(res.text, `${request} for a visitor`).not.toContain(titles.ada);
  }
  expect(await snapshot(), "the rows after a visitor's requests").toBe(before);
}, { task: 2, timeoutMs: 30_000 });

check("A note with an empty or huge title or body is refused with a 4xx, by the form and by the API", async () => {
  const client = await loggedIn(ada);
  const before = await snapshot();
  for (const title of ["", "   ", "x".repeat(201)]) {
    const res = await client.post("/notes", { form: { csrf_token: await tokenFrom(client, "/"), title } });
    expect([400, 422], `status of POST /notes with a title of ${title.length} characters`).toContain(res.status);
  }
  const long = await client.post("/notes", { form: { csrf_token: await tokenFrom(client, "/"), title: "Long", body: "x".repeat(10_001) } });
  expect([400, 422], "status of POST /notes with a body of 10 001 characters").toContain(long.status);
  const token = await tokenFrom(client, "/");
  const findings = await attack.oversized({
    route: "POST /api/notes",
    valid: { title: `Long ${random.word(6)}`, body: "text" },
    send: (body) => client.post("/api/notes", { json: body, headers: { "x-csrf-token": token } }),
    lengths: [10_001, 100_000],
  });
  expect(findings, "huge and mistyped fields of POST /api/notes").toHaveNoFindings();
  expect(await snapshot(), "the rows after the refused notes").toBe(before);
}, { task: 2, timeoutMs: 60_000 });

check("The JSON API adds a note for a member, and refuses a visitor", async () => {
  const client = await loggedIn(bob);
  const token = await tokenFrom(client, "/");
  const title = `Quick ${random.word(8)}`;
  const res = await client.post("/api/notes", { json: { title }, headers: { "x-csrf-token": token } });
  expect(res.status, "status of POST /api/notes").toBe(201);
  const id = res.json().id;
  expect((await database.query("SELECT owner_id FROM notes WHERE id = $1 AND title = $2", [id, title]))[0], "the note POST /api/notes created").toEqual({ owner_id: bob.id });
  for (const body of [{ body: "x" }, { title: "" }, { title: "   " }]) {
    const refused = await client.post("/api/notes", { json: body, headers: { "x-csrf-token": token } });
    expect([400, 422], `status of POST /api/notes with ${JSON.stringify(body)}`).toContain(refused.status);
  }
  const visitor = http(app);
  const refused = await visitor.post("/api/notes", { json: { title }, headers: { "x-csrf-token": await tokenFrom(visitor, "/login") } });
  expect(refused.status, "status of POST /api/notes from a visitor who is not logged in").toBe(401);
}, { task: 2, timeoutMs: 30_000 });

// ---- Task 3: the attack kit ----

check("Nothing typed into a note's title or a search becomes markup", async () => {
  const client = await loggedIn(ada);
  const search = await attack.xss({
    input: "the q parameter of GET /search",
    send: (payload) => client.get("/search", { query: { q: payload } }),
  });
  expect(search, "XSS through GET /search?q=").toHaveNoFindings();
  const stored = await attack.xss({
    input: "the title of POST /notes, shown on GET /",
    send: async (payload) => {
      await client.post("/notes", { form: { csrf_token: await tokenFrom(client, "/"), title: payload.slice(0, 200) } });
      return client.get("/");
    },
  });
  expect(stored, "XSS through a note's title on GET /").toHaveNoFindings();
}, { task: 3, timeoutMs: 60_000 });

check("SQL injection through the search finds nothing and changes nothing", async () => {
  const client = await loggedIn(ada);
  const hashes = (await database.query<{ password_hash: string }>("SELECT password_hash FROM members")).map((row) => row.password_hash);
  const before = await snapshot();
  const findings = await attack.sqlInjection({
    input: "the q parameter of GET /search",
    send: (value) => client.get("/search", { query: { q: value } }),
    secrets: [titles.bob, titles.bobSecret, ...hashes],
    union: { table: "members", column: "password_hash" },
    intact: async () => ((await snapshot()) === before ? undefined : "the notes or members changed"),
  });
  expect(findings, "SQL injection through GET /search?q=").toHaveNoFindings();
}, { task: 3, timeoutMs: 60_000 });

check("Every route that changes something refuses a request without the session's CSRF token", async () => {
  const findings = await attack.csrf(app, {
    visit: "/login",
    token: (page) => /name="csrf_token"[^>]*value="([^"]+)"/.exec(page.text)?.[1],
    bodies: { "/login": { username: ada.username, password: random.password(16) }, "/notes": { title: "csrf-probe" }, "/api/notes": { title: "csrf-probe" } },
  });
  expect(findings, "CSRF protection of every route that changes something").toHaveNoFindings();
}, { task: 3, timeoutMs: 60_000 });
