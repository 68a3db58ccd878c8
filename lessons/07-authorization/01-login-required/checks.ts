import { attack, check, database, expect, http, random } from "grader";
import { hashPassword } from "vial";
import { sessionSerializer } from "vial/signing";
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

check("Every /my/ route, with every method, answers 401 without a login, whatever cookies are sent, and changes nothing", async () => {
  const before = await snapshot();
  const findings = await attack.guardedRoutes(app, {
    prefix: "/my/",
    refused: [401],
    claims: { member_id: ada.id },
    sign: (key, data) => sessionSerializer(key).dumps(data),
    body: { title: `forged ${random.word(6)}`, body: "", public: true, notes: [{ title: `forged ${random.word(6)}` }] },
    intact: async () => ((await snapshot()) === before ? undefined : "the notes or members in the database changed"),
    allowed: (client) => logIn(client, ada),
  });
  expect(findings, "every /my/ route without a login").toHaveNoFindings();
  const res = await http(app).get("/my/notes");
  expect(typeof res.json().error, 'the "error" of GET /my/notes without a login (a JSON answer saying what to do)').toBe("string");
}, { task: 1, timeoutMs: 30_000 });

check("A logged-in member's GET /my/notes lists exactly their own notes, private ones too", async () => {
  const client = http(app);
  expect((await logIn(client, bob)).status, "status of POST /login as a member the checks added").toBe(200);
  const res = await client.get("/my/notes");
  expect(res.status, "status of GET /my/notes after logging in").toBe(200);
  const seen = (res.json().notes as { title: string }[]).map((note) => note.title).sort();
  expect(seen, "titles in GET /my/notes, logged in as the second member").toEqual([titles.bobPrivate, titles.bobPublic].sort());
}, { task: 1 });

check("A session whose member no longer exists gets 401", async () => {
  const client = http(app);
  await logIn(client, ada);
  expect((await client.get("/my/notes")).status, "status of GET /my/notes while the member exists").toBe(200);
  await database.query("DELETE FROM members WHERE id = $1", [ada.id]);
  const res = await client.get("/my/notes");
  expect(res.status, "status of GET /my/notes with the signed session of a member who was deleted since").toBe(401);
}, { task: 1 });

check("The public notes, /login and /me still answer without a login", async () => {
  const client = http(app);
  const list = await client.get("/notes");
  expect(list.status, "status of GET /notes without a login").toBe(200);
  const listed = (list.json().notes as { title: string }[]).map((note) => note.title);
  expect(listed, "titles of GET /notes").toContain(titles.bobPublic);
  const [note] = await database.query<{ id: number }>("SELECT id FROM notes WHERE title = $1", [titles.adaPublic]);
  expect((await client.get(`/notes/${note!.id}`)).status, "status of GET /notes/<id> of a public note, without a login").toBe(200);
  expect((await client.get("/me")).status, "status of GET /me without a login").toBe(401);
  expect((await logIn(client, ada)).status, "status of POST /login with the right password").toBe(200);
  expect((await client.get("/me")).json(), "GET /me after logging in").toHaveProperty("username", ada.username);
}, { task: 1 });

const notesOf = async (id: number) => (await database.query<{ title: string }>("SELECT title FROM notes WHERE owner_id = $1 ORDER BY title", [id])).map((row) => row.title);

check("POST /my/notes/import stores the notes for the logged-in member, whatever owner the request names", async () => {
  const client = http(app);
  await logIn(client, bob);
  const imported = [`imported ${random.word(8)}`, `imported ${random.word(8)}`];
  const res = await client.post("/my/notes/import", {
    json: { owner_id: ada.id, ownerId: ada.id, notes: imported.map((title) => ({ title, body: random.word(12), owner_id: ada.id })) },
    query: { owner_id: ada.id },
  });
  expect(res.status, "status of POST /my/notes/import").toBe(201);
  expect((res.json().ids as number[]).length, "ids of POST /my/notes/import").toBe(2);
  expect(await notesOf(bob.id), "the logged-in member's notes after the import").toEqual([titles.bobPrivate, titles.bobPublic, ...imported].sort());
  expect(await notesOf(ada.id), "the other member's notes after an import that named them as owner").toEqual([titles.adaPrivate, titles.adaPublic].sort());
}, { task: 2 });

check("An import with a bad note, or that is not { notes: [1 to 100 notes] }, answers 400 and stores nothing", async () => {
  const client = http(app);
  await logIn(client, bob);
  const before = await snapshot();
  const note = { title: `note ${random.word(6)}` };
  const bodies: [string, unknown][] = [
    ["an empty title third", { notes: [note, note, { title: "" }] }],
    ["a title of 201 characters", { notes: [note, { title: "x".repeat(201) }] }],
    ["no notes", {}],
    ["an empty list", { notes: [] }],
    ["101 notes", { notes: Array.from({ length: 101 }, () => note) }],
  ];
  for (const [what, json] of bodies) {
    const res = await client.post("/my/notes/import", { json });
    expect(res.status, `status of POST /my/notes/import with ${what}`).toBe(400);
    expect(typeof res.json().error, `"error" of POST /my/notes/import with ${what}`).toBe("string");
  }
  expect(await snapshot(), "the database after the refused imports").toBe(before);
}, { task: 2 });

check("Nobody can import into a notebook without logging in, at the old address or the new", async () => {
  const before = await snapshot();
  const notes = [{ title: `planted ${random.word(8)}` }];
  for (const path of ["/notes/import", "/my/notes/import"]) {
    const res = await http(app).post(path, { json: { owner_id: ada.id, notes } });
    expect(res.status, `status of POST ${path} without a login, naming another member as owner`).toBeGreaterThan(399);
  }
  expect(await snapshot(), "the database after the anonymous imports").toBe(before);
}, { task: 2 });
