import { attack, check, clock, database, expect, http, random } from "grader";
import { hashPassword } from "vial";
import { sessionSerializer } from "vial/signing";
import { app, createApp, initDb } from "./app";

// Two members and an admin with random names and passwords (cheap hashes: these checks test
// the app, not the hash's cost), and notes of Ada's and Bob's with random titles.
const ada = { username: `ada_${random.word(6)}`, password: random.password(18), id: 0 };
const bob = { username: `bob_${random.word(6)}`, password: random.password(18), id: 0 };
const root = { username: `root_${random.word(6)}`, password: random.password(18), id: 0 };
const titles = { ada: `Garden ${random.word(8)}`, adaSecret: `Diary ${random.word(8)}`, bob: `Recipes ${random.word(8)}`, bobSecret: `Passwords ${random.word(8)}` };
const cheapHash = (password: string) => hashPassword(password, { method: "pbkdf2:sha256:1000" });

database.setup(async () => {
  await initDb();
  const rows = await database.query<{ id: number }>(
    "INSERT INTO members (username, password_hash, role) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) RETURNING id",
    [[ada.username, bob.username, root.username], [await cheapHash(ada.password), await cheapHash(bob.password), await cheapHash(root.password)], ["member", "member", "admin"]],
  );
  [ada.id, bob.id, root.id] = rows.map((row) => row.id) as [number, number, number];
  await database.query(
    "INSERT INTO notes (owner_id, title, body) VALUES ($1, $3, 'Tomatoes in May.'), ($1, $4, 'Nobody reads this.'), ($2, $5, 'Soup.'), ($2, $6, 'Hunter2.')",
    [ada.id, bob.id, titles.ada, titles.adaSecret, titles.bob, titles.bobSecret],
  );
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

/**
 * Logs in through the login form. The clock moves past the login limit's window first, so the
 * limit (five attempts a minute) never decides a check that is about something else.
 */
async function logIn(client: Client, who: Who, next?: string) {
  clock.advance(61);
  const csrf_token = await tokenFrom(client, "/login");
  return client.post("/login", { form: { csrf_token, username: who.username, password: who.password }, ...(next === undefined ? {} : { query: { next } }) });
}

async function loggedIn(who: Who): Promise<Client> {
  const client = http(app);
  const res = await logIn(client, who);
  expect(res.status, `status of POST /login as ${who.username}`).toBe(303);
  return client;
}

const noteId = async (title: string) => (await database.query<{ id: number }>("SELECT id FROM notes WHERE title = $1", [title]))[0]!.id;
const missingId = async () => (await database.query<{ n: number }>("SELECT coalesce(max(id), 0) AS n FROM notes"))[0]!.n + 1000 + random.int(1000);
/** Every row, as text: equal before and after means nothing changed. */
const snapshot = async () => JSON.stringify([
  await database.query("SELECT id, owner_id, title, body FROM notes ORDER BY id"),
  await database.query("SELECT id, username, password_hash, role FROM members ORDER BY id"),
]);
const locationOf = (res: { headers: Headers }) => new URL(res.headers.get("location") ?? "(none)", "http://localhost/").href;

// ---- Task 1: the app works for the people it is for ----

check("A member logs in and sees their own notes; a wrong password or a visitor gets no notes", async () => {
  const visitor = await http(app).get("/");
  expect([302, 303], "status of GET / for a visitor who is not logged in").toContain(visitor.status);
  expect(locationOf(visitor), "where GET / sends a visitor").toMatch(/^http:\/\/localhost\/login/);
  const wrong = await logIn(http(app), { username: ada.username, password: random.password(16) });
  expect(wrong.status, "status of POST /login with a wrong password").toBe(401);
  expect(wrong.text, "body of POST /login with a wrong password (a page, not escaped markup)").not.toContain("&lt;");
  const client = await loggedIn(ada);
  const home = await client.get("/");
  expect(home.status, "status of GET / for a member").toBe(200);
  expect(home.text, "GET / for Ada").toContain(titles.ada);
  expect(home.text, "GET / for Ada (Bob's note must not be on it)").not.toContain(titles.bob);
  const logout = await client.post("/logout", { form: { csrf_token: await tokenFrom(client, "/") } });
  expect(logout.status, "status of POST /logout").toBe(303);
  expect((await client.get("/")).status, "status of GET / after logging out").not.toBe(200);
}, { task: 1, timeoutMs: 30_000 });

check("After logging in, ?next= leads to the page asked for, and to / without one", async () => {
  const wanted = `/notes/${await noteId(titles.ada)}?from=${random.word(5)}#top`;
  const res = await logIn(http(app), ada, wanted);
  expect(res.status, `status of POST /login?next=${wanted}`).toBe(303);
  expect(locationOf(res), `where POST /login?next=${wanted} leads`).toBe(`http://localhost${wanted}`);
  const plain = await logIn(http(app), ada);
  expect(locationOf(plain), "where POST /login without next leads").toBe("http://localhost/");
}, { task: 1, timeoutMs: 30_000 });

check("A member adds a note, opens it, finds it by search and deletes it", async () => {
  const client = await loggedIn(ada);
  const title = `Trip ${random.word(8)}`;
  const added = await client.post("/notes", { form: { csrf_token: await tokenFrom(client, "/"), title, body: `Pack ${random.word(6)}` } });
  expect(added.status, "status of POST /notes").toBe(303);
  const path = new URL(locationOf(added)).pathname;
  expect(path, "where POST /notes leads").toMatch(/^\/notes\/\d+$/);
  const page = await client.get(path);
  expect(page.status, `status of GET ${path}`).toBe(200);
  expect(page.text, `GET ${path}`).toContain(title);
  const found = await client.get("/search", { query: { q: title.slice(5).toUpperCase() } });
  expect(found.status, "status of GET /search").toBe(200);
  expect(found.text, `GET /search?q= (a part of the title, in capitals)`).toContain(title);
  expect(found.text, "GET /search?q= (the page says what was searched for, in <mark>)").toContain(`<mark>${title.slice(5).toUpperCase()}</mark>`);
  expect(found.text, "GET /search?q= (another note of Ada's does not match)").not.toContain(titles.ada);
  const deleted = await client.post(`${path}/delete`, { form: { csrf_token: await tokenFrom(client, path) } });
  expect(deleted.status, `status of POST ${path}/delete`).toBe(303);
  expect((await client.get(path)).status, `status of GET ${path} after deleting it`).toBe(404);
  const again = await client.post(`${path}/delete`, { form: { csrf_token: await tokenFrom(client, "/") } });
  expect(again.status, `status of POST ${path}/delete a second time`).toBe(404);
}, { task: 1, timeoutMs: 30_000 });

check("The JSON API adds a note for a member, and refuses a visitor", async () => {
  const client = await loggedIn(bob);
  const token = await tokenFrom(client, "/");
  const title = `Quick ${random.word(8)}`;
  // With the token a page's script would send, so a fix that protects the API still passes.
  const res = await client.post("/api/notes", { json: { title }, headers: { "x-csrf-token": token } });
  expect(res.status, "status of POST /api/notes").toBe(201);
  const id = res.json().id;
  expect((await database.query("SELECT owner_id FROM notes WHERE id = $1 AND title = $2", [id, title]))[0], "the note POST /api/notes created").toEqual({ owner_id: bob.id });
  const visitor = http(app);
  const visitorToken = await tokenFrom(visitor, "/login");
  const refused = await visitor.post("/api/notes", { json: { title }, headers: { "x-csrf-token": visitorToken } });
  expect(refused.status, "status of POST /api/notes from a visitor who is not logged in").toBe(401);
}, { task: 1, timeoutMs: 30_000 });

check("A newcomer registers and logs in; a taken or malformed username is refused", async () => {
  const client = http(app);
  const newcomer = { username: `new_${random.word(8)}`, password: random.password(16) };
  const res = await client.post("/register", { form: { csrf_token: await tokenFrom(client, "/register"), ...newcomer } });
  expect(res.status, "status of POST /register").toBe(303);
  expect((await database.query("SELECT role FROM members WHERE username = $1", [newcomer.username]))[0], "the new member's row").toEqual({ role: "member" });
  expect((await logIn(http(app), newcomer)).status, "status of POST /login as the new member").toBe(303);
  const taken = await client.post("/register", { form: { csrf_token: await tokenFrom(client, "/register"), username: ada.username, password: random.password(16) } });
  expect(taken.status, "status of POST /register with a username that is taken").toBe(409);
  const malformed = await client.post("/register", { form: { csrf_token: await tokenFrom(client, "/register"), username: "A B", password: random.password(16) } });
  expect([400, 422], "status of POST /register with the username \"A B\"").toContain(malformed.status);
}, { task: 1, timeoutMs: 30_000 });

check("The admin page lists the members for an admin and answers 403 to a member", async () => {
  const admin = await (await loggedIn(root)).get("/admin/");
  expect(admin.status, "status of GET /admin/ for an admin").toBe(200);
  expect(admin.text, "GET /admin/ for an admin").toContain(bob.username);
  expect((await (await loggedIn(bob)).get("/admin/")).status, "status of GET /admin/ for a member").toBe(403);
}, { task: 1, timeoutMs: 30_000 });

// ---- Tasks 2 to 4: one check per seeded vulnerability. Each is concealed: a learner's report
// says only which numbers are fixed, never what a failing one sent or saw. ----

const vulnerability = (n: number) => `Vulnerability ${n} of 11 is fixed`;
const conceal = (task: number) => ({ task, conceal: true, timeoutMs: 60_000 });

check(vulnerability(1), async () => {
  const client = await loggedIn(ada);
  const findings = await attack.xss({
    input: "the q parameter of GET /search",
    send: (payload) => client.get("/search", { query: { q: payload } }),
  });
  expect(findings, "XSS through GET /search?q=").toHaveNoFindings();
}, conceal(2));

check(vulnerability(2), async () => {
  // Whatever the session held before the login is gone after it: here, the CSRF secret that
  // the login page's token was made with, which whoever planted or used the session knows.
  const client = http(app);
  const before = await tokenFrom(client, "/login");
  clock.advance(61);
  const login = await client.post("/login", { form: { csrf_token: before, username: ada.username, password: ada.password } });
  expect(login.status, "status of POST /login").toBe(303);
  const title = `Planted ${random.word(8)}`;
  const forged = await client.post("/notes", { form: { csrf_token: before, title } });
  expect(forged.status, "status of POST /notes with the token from before the login").toBe(403);
  const fresh = await client.post("/notes", { form: { csrf_token: await tokenFrom(client, "/"), title } });
  expect(fresh.status, "status of POST /notes with a token from after the login").toBe(303);
}, conceal(2));

check(vulnerability(3), async () => {
  const before = await snapshot();
  const findings = await attack.idor(app, {
    intruder: (client) => logIn(client, bob),
    ids: [await noteId(titles.ada), await noteId(titles.adaSecret)],
    missing: await missingId(),
    secrets: [titles.adaSecret, "Nobody reads this."],
    ownerFields: { owner_id: ada.id },
    intact: async () => ((await snapshot()) === before ? undefined : "the notes or members changed"),
  });
  expect(findings, "every id route on Ada's notes, as Bob").toHaveNoFindings();
}, conceal(2));

check(vulnerability(4), async () => {
  const forged = await attack.publishedKeys(app, {
    forge: (key) => sessionSerializer(key).dumps({ member_id: ada.id }),
    whoami: (client, headers) => client.get("/", { headers }),
  });
  expect(forged, "sessions signed with published keys").toHaveNoFindings();
  const weak = await attack.weakKeys({ start: (env) => createApp(env) });
  expect(weak, "createApp with short or published keys").toHaveNoFindings();
}, conceal(2));

check(vulnerability(5), async () => {
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
}, conceal(3));

check(vulnerability(6), async () => {
  const findings = await attack.openRedirect({
    input: "the next parameter of POST /login",
    send: (target) => logIn(http(app), ada, target),
  });
  expect(findings, "where POST /login?next= leads").toHaveNoFindings();
  const host = `${random.word(7)}.example`;
  // Not just somewhere on this site: the member asked for another site, so they land on /.
  for (const foreign of [`//${host}/admin/`, `https://${host}/admin/`, `/\\${host}/admin/`]) {
    expect(locationOf(await logIn(http(app), ada, foreign)), `where POST /login?next=${foreign} leads`).toBe("http://localhost/");
  }
}, conceal(3));

check(vulnerability(7), async () => {
  const findings = await attack.csrf(app, {
    visit: "/login",
    token: (page) => /name="csrf_token"[^>]*value="([^"]+)"/.exec(page.text)?.[1],
    bodies: { "/login": { username: ada.username, password: random.password(16) }, "/notes": { title: "csrf-probe" } },
  });
  expect(findings, "CSRF protection of every route that changes something").toHaveNoFindings();
}, conceal(3));

check(vulnerability(8), async () => {
  const username = `eve_${random.word(8)}`;
  const findings = await attack.massAssignment({
    route: "POST /register",
    valid: { username, password: random.password(16) },
    send: async (body) => {
      const client = http(app);
      const form = Object.fromEntries(Object.entries(body).map(([key, value]) => [key, String(value)]));
      return client.post("/register", { form: { ...form, csrf_token: await tokenFrom(client, "/register") } });
    },
    stored: async () => (await database.query("SELECT id, username, role FROM members WHERE username = $1", [username]))[0],
  });
  expect(findings, "fields a newcomer may not choose").toHaveNoFindings();
  const row = (await database.query("SELECT role FROM members WHERE username = $1", [username]))[0];
  expect(row, "the row POST /register made").toEqual({ role: "member" });
}, conceal(3));

check(vulnerability(9), async () => {
  clock.advance(61);
  let status = 0;
  for (let attempt = 1; attempt <= 6 && status !== 429; attempt++) {
    const guesser = http(app); // a new cookie jar each time: a new session per guess
    const csrf_token = await tokenFrom(guesser, "/login");
    status = (await guesser.post("/login", { form: { csrf_token, username: ada.username, password: random.password(12) } })).status;
    if (status !== 429) expect(status, `status of wrong password ${attempt} at POST /login`).toBe(401);
  }
  expect(status, "status of the 6th wrong POST /login within a minute").toBe(429);
  const right = http(app);
  const csrf_token = await tokenFrom(right, "/login");
  const res = await right.post("/login", { form: { csrf_token, username: ada.username, password: ada.password } });
  expect(res.status, "status of POST /login with the right password while limited").toBe(429);
  expect((await http(app).get("/login")).status, "status of GET /login while logins are limited").toBe(200);
}, conceal(4));

check(vulnerability(10), async () => {
  // Registered through the app, so her hash costs what the app's hashes cost.
  const grace = { username: `grace_${random.word(6)}`, password: random.password(16) };
  const client = http(app);
  const registered = await client.post("/register", { form: { csrf_token: await tokenFrom(client, "/register"), ...grace } });
  expect(registered.status, "status of POST /register").toBe(303);
  const findings = await attack.accountEnumeration({
    input: "the username of POST /login (with a wrong password)",
    known: grace.username,
    unknown: `nobody_${random.word(8)}`,
    send: (username) => logIn(http(app), { username, password: random.password(16) }),
  });
  expect(findings, "failed logins for a member and for nobody").toHaveNoFindings();
}, conceal(4));

check(vulnerability(11), async () => {
  const visitor = await http(app).get("/login");
  expect(attack.csp(visitor, "GET /login"), "Content-Security-Policy of GET /login").toHaveNoFindings();
  const home = await (await loggedIn(ada)).get("/");
  expect(attack.csp(home, "GET /"), "Content-Security-Policy of GET /").toHaveNoFindings();
}, conceal(4));
