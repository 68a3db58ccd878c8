import { attack, check, database, expect, http, random } from "grader";
import { hashPassword } from "vial";
import { addMember, app, initDb } from "./app";

// Two members with random names and passwords, added through the lesson's own addMember, each
// with a private and a public note; every check starts from them.
const ada = { username: `ada_${random.word(8)}`, password: random.password(18), id: 0 };
const bob = { username: `bob_${random.word(8)}`, password: random.password(18), id: 0 };
const titles = { adaPrivate: `ada private ${random.word(10)}`, adaPublic: `ada public ${random.word(10)}`, bobPrivate: `bob private ${random.word(10)}`, bobPublic: `bob public ${random.word(10)}` };
// A cheap hash cost, so logging in does not dominate the checks; verifyPassword reads it from the hash.
const hash = (password: string) => hashPassword(password, { method: "pbkdf2:sha256:1000" });

database.setup(async () => {
  await initDb();
  ada.id = await addMember(ada.username, await hash(ada.password));
  bob.id = await addMember(bob.username, await hash(bob.password));
  await database.query(
    "INSERT INTO notes (owner_id, title, public) VALUES ($1, $3, false), ($1, $4, true), ($2, $5, false), ($2, $6, true)",
    [ada.id, bob.id, titles.adaPrivate, titles.adaPublic, titles.bobPrivate, titles.bobPublic],
  );
});

type Client = ReturnType<typeof http>;
const logIn = (client: Client, who: { username: string; password: string }) => client.post("/login", { json: { username: who.username, password: who.password } });

/** Everything in the database, as text: equal before and after means nothing changed. */
const snapshot = async () => JSON.stringify([
  await database.query("SELECT id, owner_id, title, body, public FROM notes ORDER BY id"),
  await database.query("SELECT id, username, password_hash, role FROM members ORDER BY id"),
]);

const idOf = async (title: string) => (await database.query<{ id: number }>("SELECT id FROM notes WHERE title = $1", [title]))[0]!.id;
/** An id no note has: past the highest, by a random margin. */
const missingId = async () => (await database.query<{ n: number }>("SELECT coalesce(max(id), 0) AS n FROM notes"))[0]!.n + 1000 + random.int(1000);

check("A member's GET /my/notes/<id> answers their own note, private or public", async () => {
  const client = http(app);
  await logIn(client, ada);
  for (const title of [titles.adaPrivate, titles.adaPublic]) {
    const res = await client.get(`/my/notes/${await idOf(title)}`);
    expect(res.status, `status of GET /my/notes/<id> of the member's own note "${title}"`).toBe(200);
    expect(res.json(), `GET /my/notes/<id> of the member's own note`).toHaveProperty("title", title);
  }
}, { task: 1 });

check("GET /my/notes/<id> of another member's note answers exactly as for a note that does not exist", async () => {
  const client = http(app);
  await logIn(client, bob);
  const missing = await client.get(`/my/notes/${await missingId()}`);
  expect(missing.status, "status of GET /my/notes/<id> of a note that does not exist").toBe(404);
  for (const title of [titles.adaPrivate, titles.adaPublic]) {
    const res = await client.get(`/my/notes/${await idOf(title)}`);
    expect(res.status, "status of GET /my/notes/<id> of another member's note").toBe(404);
    expect(res.text, "the body of GET /my/notes/<id> of another member's note (it must be the missing note's answer)").toBe(missing.text);
  }
}, { task: 1 });

check("Another member can neither read, change nor delete a note through any id route, nor tell it exists", async () => {
  const before = await snapshot();
  const findings = await attack.idor(app, {
    intruder: (client) => logIn(client, bob),
    ids: [await idOf(titles.adaPrivate), await idOf(titles.adaPublic)],
    missing: await missingId(),
    prefix: "/my/",
    body: { title: `taken ${random.word(6)}`, body: random.word(12), public: true },
    ownerFields: { owner_id: ada.id, member_id: ada.id, as: ada.id },
    secrets: [titles.adaPrivate],
    intact: async () => ((await snapshot()) === before ? undefined : "the notes in the database changed"),
  });
  expect(findings, "every /my/ id route on another member's notes").toHaveNoFindings();
}, { task: 2, timeoutMs: 30_000 });

check("A member's PUT /my/notes/<id> changes their own note, and DELETE removes it", async () => {
  const client = http(app);
  await logIn(client, ada);
  const id = await idOf(titles.adaPrivate);
  const change = { title: `renamed ${random.word(8)}`, body: random.word(20), public: true };
  const put = await client.put(`/my/notes/${id}`, { json: change });
  expect(put.status, "status of PUT /my/notes/<id> of the member's own note").toBe(200);
  const [stored] = await database.query("SELECT title, body, public, owner_id FROM notes WHERE id = $1", [id]);
  expect(stored, "the note in the database after PUT").toEqual({ ...change, owner_id: ada.id });
  const bad = await client.put(`/my/notes/${id}`, { json: { ...change, title: "" } });
  expect(bad.status, "status of PUT /my/notes/<id> with an empty title").toBe(400);
  const removed = await client.delete(`/my/notes/${id}`);
  expect(removed.status, "status of DELETE /my/notes/<id> of the member's own note").toBe(204);
  expect(await database.query("SELECT id FROM notes WHERE id = $1", [id]), "the note in the database after DELETE").toEqual([]);
  expect((await client.delete(`/my/notes/${id}`)).status, "status of DELETE /my/notes/<id> of a note already deleted").toBe(404);
  expect((await client.put(`/my/notes/${id}`, { json: change })).status, "status of PUT /my/notes/<id> of a note already deleted").toBe(404);
}, { task: 2 });
