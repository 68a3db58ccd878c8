import { check, database, expect, http, random } from "grader";
import { hashPassword } from "vial";
import { app, initDb } from "./app";

// Every check starts from the learner's schema (their init-db) and two members with random
// passwords (cheap hashes: these checks test the flows, not the hash's cost).
const ADA = { username: `ada_${random.word(6)}`, email: `ada.${random.word(6)}@example.com`, password: random.password(18) };
const GRACE = { username: `grace_${random.word(6)}`, email: `grace.${random.word(6)}@example.com`, password: random.password(18) };
const hashes = Promise.all([ADA, GRACE].map((member) => hashPassword(member.password, { method: "pbkdf2:sha256:1000" })));

database.setup(async () => {
  await initDb();
  await database.query("INSERT INTO members (username, email, password_hash) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])", [
    [ADA.username, GRACE.username],
    [ADA.email, GRACE.email],
    await hashes,
  ]);
  await database.query("INSERT INTO notes (owner_id, title, public) VALUES (2, $1, true)", [`Public ${random.word(8)}`]);
});

type Client = ReturnType<typeof http>;
type Member = typeof ADA;

/** A client logged in as `member` (with `password`, by default the member's own). */
async function loggedIn(member: Member, password = member.password): Promise<Client> {
  const client = http(app);
  const res = await client.post("/login", { json: { username: member.username, password } });
  expect(res.status, `status of POST /login as ${member.username}`).toBe(303);
  return client;
}

const meStatus = async (client: Client) => (await client.get("/me")).status;
/** GET /me with exactly this session cookie, as someone holding a copy of it would send it. */
const meWithCookie = async (cookie: string) => (await http(app).get("/me", { headers: { cookie: `session=${cookie}` } })).status;
const loginStatus = async (username: string, password: string) => (await http(app).post("/login", { json: { username, password } })).status;
const emailOf = async (member: Member) => (await database.query<{ email: string }>("SELECT email FROM members WHERE username = $1", [member.username]))[0]!.email;

check("A session ends once its member's session_version moves on", async () => {
  const client = await loggedIn(ADA);
  expect(await meStatus(client), "status of GET /me after logging in").toBe(200);
  await database.query("UPDATE members SET session_version = session_version + 1 WHERE username = $1", [ADA.username]);
  expect(await meStatus(client), "status of GET /me after Ada's session_version went up by one").toBe(401);
  const again = await loggedIn(ADA);
  expect(await meStatus(again), "status of GET /me after logging in again").toBe(200);
}, { task: 1, timeoutMs: 20_000 });

check("A login still starts a new session: what the browser's session held before is gone", async () => {
  const client = http(app);
  const [note] = await database.query<{ id: number }>("SELECT id FROM notes");
  await client.get(`/notes/${note!.id}`);
  expect((await client.get("/notes/recent")).json(), "recently viewed notes before logging in").toEqual({ recent: [note!.id] });
  const res = await client.post("/login", { json: { username: ADA.username, password: ADA.password } });
  expect(res.status, "status of POST /login").toBe(303);
  expect((await client.get("/notes/recent")).json(), "JSON body of GET /notes/recent right after logging in").toEqual({ recent: [] });
  expect(await meStatus(client), "status of GET /me after logging in").toBe(200);
}, { task: 1, timeoutMs: 20_000 });

check("A password reset ends every session of the member", async () => {
  const client = await loggedIn(ADA);
  await http(app).post("/password-reset", { json: { email: ADA.email } });
  const [mail] = await database.query<{ body: string }>("SELECT body FROM outbox WHERE to_address = $1", [ADA.email]);
  const link = /\/password-reset\/\d+\/[A-Za-z0-9_.-]+/.exec(mail?.body ?? "")?.[0];
  expect(link ?? "(no reset link mailed)", "the reset link mailed to Ada").toMatch(/^\/password-reset\//);
  const res = await http(app).post(link!, { json: { password: random.password(16) } });
  expect(res.status, "status of POST to the reset link").toBe(200);
  expect(await meStatus(client), "status of GET /me in a session started before the reset").toBe(401);
}, { task: 1, timeoutMs: 20_000 });

check("POST /account/password with the current password changes it; this session goes on, every other one ends", async () => {
  const here = http(app);
  const login = await here.post("/login", { json: { username: ADA.username, password: ADA.password } });
  // A copy of this session's cookie, as a thief who took it before the change would hold it.
  const stolen = login.cookies.session ?? "";
  expect(stolen, "the session cookie after logging in").not.toBe("");
  const elsewhere = await loggedIn(ADA);
  const fresh = random.password(16);
  const res = await here.post("/account/password", { json: { current_password: ADA.password, new_password: fresh } });
  expect(res.status, "status of POST /account/password with the current password").toBe(200);
  expect(await meStatus(here), "status of GET /me in the session that changed the password").toBe(200);
  expect(await meStatus(elsewhere), "status of GET /me in another session of Ada's").toBe(401);
  expect(await meWithCookie(stolen), "status of GET /me with a copy of the cookie taken before the change").toBe(401);
  expect(await loginStatus(ADA.username, fresh), "status of POST /login with the new password").toBe(303);
  expect(await loginStatus(ADA.username, ADA.password), "status of POST /login with the old password").toBe(401);
  expect(await meStatus(await loggedIn(GRACE)), "status of GET /me for Grace, who changed nothing").toBe(200);
}, { task: 2, timeoutMs: 20_000 });

check("A password change without the right current password is refused and changes nothing", async () => {
  const here = await loggedIn(ADA);
  const elsewhere = await loggedIn(ADA);
  const wrong = await here.post("/account/password", { json: { current_password: random.password(16), new_password: random.password(16) } });
  expect(wrong.status, "status of POST /account/password with a wrong current password").toBe(403);
  expect(wrong.json(), "JSON body of that refusal").toHaveProperty("error");
  const missing = await here.post("/account/password", { json: { new_password: random.password(16) } });
  expect([400, 422], "status of POST /account/password without current_password").toContain(missing.status);
  const huge = await here.post("/account/password", { json: { current_password: "x".repeat(10_000), new_password: random.password(16) } });
  expect([400, 422], "status of POST /account/password with a 10 000-character current_password").toContain(huge.status);
  const short = await here.post("/account/password", { json: { current_password: ADA.password, new_password: "short" } });
  expect([400, 422], "status of POST /account/password with a 5-character new password").toContain(short.status);
  expect(await loginStatus(ADA.username, ADA.password), "status of POST /login with the unchanged password").toBe(303);
  expect(await meStatus(elsewhere), "status of GET /me in Ada's other session").toBe(200);
}, { task: 2, timeoutMs: 20_000 });

check("POST /account/password and /account/email answer 401 to a visitor", async () => {
  const visitor = http(app);
  const password = await visitor.post("/account/password", { json: { current_password: ADA.password, new_password: random.password(16) } });
  expect(password.status, "status of POST /account/password without logging in").toBe(401);
  const email = await visitor.post("/account/email", { json: { current_password: ADA.password, email: `x.${random.word(6)}@example.com` } });
  expect(email.status, "status of POST /account/email without logging in").toBe(401);
  expect(await emailOf(ADA), "Ada's e-mail address").toBe(ADA.email);
}, { task: 2, timeoutMs: 20_000 });

check("POST /account/email with the current password changes the address, tells the old one, and ends every other session", async () => {
  const here = await loggedIn(ADA);
  const elsewhere = await loggedIn(ADA);
  const address = `ada.${random.word(8)}@example.com`;
  const res = await here.post("/account/email", { json: { current_password: ADA.password, email: address } });
  expect(res.status, "status of POST /account/email with the current password").toBe(200);
  expect(await emailOf(ADA), "Ada's e-mail address in the database").toBe(address);
  expect((await here.get("/me")).json(), "JSON body of GET /me in the session that changed the address").toHaveProperty("email", address);
  expect(await meStatus(elsewhere), "status of GET /me in another session of Ada's").toBe(401);
  const told = await database.query<{ body: string }>("SELECT body FROM outbox WHERE to_address = $1", [ADA.email]);
  expect(told.length, `mails to Ada's old address ${ADA.email}`).toBe(1);
  expect(told[0]!.body, "the mail to the old address (it should name the new one)").toContain(address);
}, { task: 3, timeoutMs: 20_000 });

check("An e-mail change without the right current password, or to another member's address, changes nothing", async () => {
  const here = await loggedIn(ADA);
  const elsewhere = await loggedIn(ADA);
  const wrong = await here.post("/account/email", { json: { current_password: random.password(16), email: `x.${random.word(6)}@example.com` } });
  expect(wrong.status, "status of POST /account/email with a wrong current password").toBe(403);
  const missing = await here.post("/account/email", { json: { email: `x.${random.word(6)}@example.com` } });
  expect([400, 422], "status of POST /account/email without current_password").toContain(missing.status);
  const huge = await here.post("/account/email", { json: { current_password: "x".repeat(10_000), email: `x.${random.word(6)}@example.com` } });
  expect([400, 422], "status of POST /account/email with a 10 000-character current_password").toContain(huge.status);
  const taken = await here.post("/account/email", { json: { current_password: ADA.password, email: GRACE.email } });
  expect(taken.status, "status of POST /account/email with Grace's address").toBe(409);
  expect(await emailOf(ADA), "Ada's e-mail address").toBe(ADA.email);
  expect(await meStatus(elsewhere), "status of GET /me in Ada's other session").toBe(200);
  const mails = await database.query("SELECT 1 FROM outbox");
  expect(mails.length, "mails in the outbox after three refused changes").toBe(0);
}, { task: 3, timeoutMs: 20_000 });
