import { attack, check, clock, database, expect, http, random } from "grader";
import { hashPassword } from "vial";
import { sessionSerializer } from "vial/signing";
import { app, createApp, initDb } from "./app";

// Two members and an admin with random names and passwords (cheap hashes: these checks test
// the app, not the hash's cost), and notes of Ada's and Bob's with random titles.
const ada = { username: `ada_${random.word(6)}`, password: random.password(18), id: 0 };
const bob = { username: `bob_${random.word(6)}`, password: random.password(18), id: 0 };
const root = { username: `root_${random.word(6)}`, password: random.password(18), id: 0 };
const titles = { ada: `Garden ${random.word(8)}`, adaSecret: `Diary ${random.word(8)}`, bob: `Recipes ${random.word(8)}` };
const cheapHash = (password: string) => hashPassword(password, { method: "pbkdf2:sha256:1000" });

database.setup(async () => {
  await initDb();
  const rows = await database.query<{ id: number }>(
    "INSERT INTO members (username, password_hash, role) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) RETURNING id",
    [[ada.username, bob.username, root.username], [await cheapHash(ada.password), await cheapHash(bob.password), await cheapHash(root.password)], ["member", "member", "admin"]],
  );
  [ada.id, bob.id, root.id] = rows.map((row) => row.id) as [number, number, number];
  await database.query("INSERT INTO notes (owner_id, title, body) VALUES ($1, $3, 'Tomatoes in May.'), ($1, $4, 'Nobody reads this.'), ($2, $5, 'Soup.')", [
    ada.id,
    bob.id,
    titles.ada,
    titles.adaSecret,
    titles.bob,
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
const snapshot = async () =>
  JSON.stringify([
    await database.query("SELECT id, owner_id, title, body FROM notes ORDER BY id"),
    await database.query("SELECT id, username, password_hash, role FROM members ORDER BY id"),
  ]);
const locationOf = (res: { headers: Headers }) => new URL(res.headers.get("location") ?? "(none)", "http://localhost/").href;

// ---- Task 1: whose record is it ----

check("A member adds a note, opens it from its own page and deletes it", async () => {
  const client = await loggedIn(ada);
  const title = `Trip ${random.word(8)}`;
  const added = await client.post("/notes", { form: { csrf_token: await tokenFrom(client, "/"), title, body: `Pack ${random.word(6)}` } });
  expect(added.status, "status of POST /notes").toBe(303);
  const path = new URL(locationOf(added)).pathname;
  expect(path, "where POST /notes leads").toMatch(/^\/notes\/\d+$/);
  expect((await client.get("/")).text, "GET / (a link to the new note)").toContain(`href="${path}"`);
  const page = await client.get(path);
  expect(page.status, `status of GET ${path}`).toBe(200);
  expect(page.text, `GET ${path}`).toContain(title);
  const deleted = await client.post(`${path}/delete`, { form: { csrf_token: await tokenFrom(client, path) } });
  expect(deleted.status, `status of POST ${path}/delete`).toBe(303);
  const gone = await client.get(path);
  expect(gone.status, `status of GET ${path} after deleting it`).toBe(404);
  expect(gone.text, `body of GET ${path} after deleting it (a page, not escaped markup)`).not.toContain("&lt;");
  expect((await client.post(`${path}/delete`, { form: { csrf_token: await tokenFrom(client, "/") } })).status, `status of POST ${path}/delete a second time`).toBe(404);
}, { task: 1, timeoutMs: 30_000 });

check("The search links each note it finds, with what was searched for in <mark>", async () => {
  const client = await loggedIn(ada);
  const q = titles.adaSecret.slice(6).toUpperCase();
  const found = await client.get("/search", { query: { q } });
  expect(found.status, "status of GET /search").toBe(200);
  expect(found.text, "GET /search?q= (the page says what was searched for, in <mark>)").toContain(`<mark>${q}</mark>`);
  expect(found.text, "GET /search?q= (a link to the note it found)").toContain(`href="/notes/${await noteId(titles.adaSecret)}"`);
  expect(found.text, "GET /search?q= (another note of Ada's does not match)").not.toContain(titles.ada);
}, { task: 1, timeoutMs: 30_000 });

check("Every id route answers another member's note exactly as a missing one", async () => {
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
  // The probe's unsafe requests carry no CSRF token, so csrf() alone refuses them: Bob's own
  // pages give him a valid one, and with it he must get no further.
  const intruder = await loggedIn(bob);
  for (const id of [await noteId(titles.ada), await noteId(titles.adaSecret)]) {
    const res = await intruder.post(`/notes/${id}/delete`, { form: { csrf_token: await tokenFrom(intruder, "/") } });
    expect(res.status, `status of POST /notes/${id}/delete (Ada's note) as Bob, with his CSRF token`).toBe(404);
  }
  expect(await snapshot(), "the notes after Bob tried to delete Ada's").toBe(before);
}, { task: 1, timeoutMs: 60_000 });

check("The admin pages list the members for an admin, and refuse members and visitors", async () => {
  const admin = await (await loggedIn(root)).get("/admin/");
  expect(admin.status, "status of GET /admin/ for an admin").toBe(200);
  expect(admin.text, "GET /admin/ for an admin").toContain(bob.username);
  expect(admin.text, "GET /admin/ for an admin (a page, not escaped markup)").not.toContain("&lt;");
  for (const [who, res] of [["a visitor", await http(app).get("/admin/")], ["a member", await (await loggedIn(bob)).get("/admin/")]] as const) {
    expect(res.text, `GET /admin/ for ${who} (a page, not escaped markup)`).not.toContain("&lt;");
  }
  const before = await snapshot();
  const intact = async () => ((await snapshot()) === before ? undefined : "the notes or members changed");
  const sign = (key: string, data: Record<string, unknown>) => sessionSerializer(key).dumps(data);
  const asVisitor = await attack.guardedRoutes(app, { prefix: "/admin/", refused: [401, 403], sign, claims: { member_id: root.id }, intact });
  expect(asVisitor, "the /admin/ routes for visitors and forged sessions").toHaveNoFindings();
  const asMember = await attack.guardedRoutes(app, { prefix: "/admin/", refused: [403], as: (client) => logIn(client, bob), intact });
  expect(asMember, "the /admin/ routes for a member").toHaveNoFindings();
}, { task: 1, timeoutMs: 60_000 });

check("A visitor who is not logged in is sent to log in from every page of notes, and changes nothing", async () => {
  const visitor = http(app);
  const csrf_token = await tokenFrom(visitor, "/login");
  const id = await noteId(titles.ada);
  const before = await snapshot();
  const answers = {
    "GET /": await visitor.get("/"),
    "GET /search?q=e": await visitor.get("/search", { query: { q: "e" } }),
    "POST /notes": await visitor.post("/notes", { form: { csrf_token, title: `Visitor ${random.word(6)}` } }),
    [`GET /notes/${id}`]: await visitor.get(`/notes/${id}`),
    [`POST /notes/${id}/delete`]: await visitor.post(`/notes/${id}/delete`, { form: { csrf_token } }),
  };
  for (const [request, res] of Object.entries(answers)) {
    expect([302, 303], `status of ${request} for a visitor`).toContain(res.status);
    expect(new URL(locationOf(res)).pathname, `where ${request} sends a visitor`).toBe("/login");
    expect(res.text, `${request} for a visitor`).not.toContain(titles.ada);
  }
  expect(await snapshot(), "the rows after a visitor's requests").toBe(before);
}, { task: 1, timeoutMs: 30_000 });

// ---- Task 2: the login, limited and going back ----

check("The sixth wrong login within a minute answers 429, right password or not, and the limit lifts after the minute", async () => {
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
  const token = await tokenFrom(right, "/login");
  const limited = await right.post("/login", { form: { csrf_token: token, username: ada.username, password: ada.password } });
  expect(limited.status, "status of POST /login with the right password while limited").toBe(429);
  expect((await http(app).get("/")).status, "status of GET / for a visitor while logins are limited (only logins count)").not.toBe(429);
  clock.advance(61);
  const later = await right.post("/login", { form: { csrf_token: token, username: ada.username, password: ada.password } });
  expect(later.status, "status of POST /login with the right password, 61 seconds later").toBe(303);
}, { task: 2, timeoutMs: 60_000 });

check("After logging in, ?next= leads to the page asked for, and a visitor is sent to log in with it", async () => {
  const path = `/notes/${await noteId(titles.ada)}`;
  const visitor = await http(app).get(path);
  expect([302, 303], `status of GET ${path} for a visitor`).toContain(visitor.status);
  const login = new URL(locationOf(visitor));
  expect(login.pathname, `where GET ${path} sends a visitor`).toBe("/login");
  expect(login.searchParams.get("next"), `the next parameter GET ${path} sends a visitor with`).toBe(path);
  const wanted = `${path}?from=${random.word(5)}#top`;
  const res = await logIn(http(app), ada, wanted);
  expect(res.status, `status of POST /login?next=${wanted}`).toBe(303);
  expect(locationOf(res), `where POST /login?next=${wanted} leads`).toBe(`http://localhost${wanted}`);
  expect(locationOf(await logIn(http(app), ada)), "where POST /login without next leads").toBe("http://localhost/");
}, { task: 2, timeoutMs: 30_000 });

check("?next= never leads to another site", async () => {
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
}, { task: 2, timeoutMs: 60_000 });

// ---- Task 3: ready for production, and still nothing gets through ----

check("Nothing typed into a note or a search becomes markup, on any page", async () => {
  const client = await loggedIn(ada);
  const search = await attack.xss({ input: "the q parameter of GET /search", send: (payload) => client.get("/search", { query: { q: payload } }) });
  expect(search, "XSS through GET /search?q=").toHaveNoFindings();
  const stored = await attack.xss({
    input: "the title of POST /notes, shown on GET /",
    send: async (payload) => {
      await client.post("/notes", { form: { csrf_token: await tokenFrom(client, "/"), title: payload.slice(0, 200), body: payload } });
      return client.get("/");
    },
  });
  expect(stored, "XSS through a note's title on GET /").toHaveNoFindings();
  const page = await attack.xss({
    input: "the title and body of POST /notes, shown on the note's page",
    send: async (payload) => {
      const added = await client.post("/notes", { form: { csrf_token: await tokenFrom(client, "/"), title: payload.slice(0, 200), body: payload } });
      return client.get(new URL(locationOf(added)).pathname);
    },
  });
  expect(page, "XSS through a note's title and body on its page").toHaveNoFindings();
}, { task: 3, timeoutMs: 90_000 });

check("SQL injection through the search finds nothing and changes nothing", async () => {
  const client = await loggedIn(bob);
  const hashes = (await database.query<{ password_hash: string }>("SELECT password_hash FROM members")).map((row) => row.password_hash);
  const before = await snapshot();
  const findings = await attack.sqlInjection({
    input: "the q parameter of GET /search",
    send: (value) => client.get("/search", { query: { q: value } }),
    secrets: [titles.ada, titles.adaSecret, ...hashes],
    union: { table: "members", column: "password_hash" },
    intact: async () => ((await snapshot()) === before ? undefined : "the notes or members changed"),
  });
  expect(findings, "SQL injection through GET /search?q=").toHaveNoFindings();
}, { task: 3, timeoutMs: 60_000 });

check("Every route that changes something refuses a request without the session's CSRF token", async () => {
  clock.advance(61);
  const findings = await attack.csrf(app, {
    visit: "/login",
    token: (page) => /name="csrf_token"[^>]*value="([^"]+)"/.exec(page.text)?.[1],
    bodies: { "/login": { username: ada.username, password: random.password(16) }, "/notes": { title: "csrf-probe" }, "/api/notes": { title: "csrf-probe" } },
  });
  expect(findings, "CSRF protection of every route that changes something").toHaveNoFindings();
}, { task: 3, timeoutMs: 60_000 });

check("The app refuses to start with a short or published key, and starts with a strong one", async () => {
  const weak = await attack.weakKeys({ start: (env) => createApp(env) });
  expect(weak, "createApp with short or published keys").toHaveNoFindings();
  const forged = await attack.publishedKeys(app, {
    forge: (key) => sessionSerializer(key).dumps({ member_id: ada.id }),
    whoami: (client, headers) => client.get("/", { headers }),
  });
  expect(forged, "sessions signed with published keys").toHaveNoFindings();
}, { task: 3, timeoutMs: 60_000 });

check("Every page has a Content-Security-Policy the evaluator finds nothing in, and nosniff", async () => {
  const pages = [
    { name: "GET /login", res: await http(app).get("/login") },
    { name: "GET /register", res: await http(app).get("/register") },
    { name: "GET /", res: await (await loggedIn(ada)).get("/") },
    { name: "GET /admin/", res: await (await loggedIn(root)).get("/admin/") },
  ];
  for (const { name, res } of pages) {
    expect(attack.csp(res, name), `Content-Security-Policy of ${name}`).toHaveNoFindings();
    expect(res.headers.get("x-content-type-options"), `X-Content-Type-Options of ${name}`).toBe("nosniff");
  }
}, { task: 3, timeoutMs: 30_000 });
