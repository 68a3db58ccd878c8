import { attack, check, database, expect, http, random } from "grader";
import { hashPassword } from "vial";
import { sessionSerializer } from "vial/signing";
import { addMember, app, initDb } from "./app";

// Two members with random names and passwords, added through the lesson's own addMember, each
// with a private and a public note; every check starts from them.
const ada = { username: `ada_${random.word(8)}`, password: random.password(18), id: 0 };
const bob = { username: `bob_${random.word(8)}`, password: random.password(18), id: 0 };
const root = { username: `root_${random.word(8)}`, password: random.password(18), id: 0 };
const titles = { adaPrivate: `ada private ${random.word(10)}`, adaPublic: `ada public ${random.word(10)}`, bobPrivate: `bob private ${random.word(10)}`, bobPublic: `bob public ${random.word(10)}` };
// A cheap hash cost, so logging in does not dominate the checks; verifyPassword reads it from the hash.
const hash = (password: string) => hashPassword(password, { method: "pbkdf2:sha256:1000" });

database.setup(async () => {
  await initDb();
  ada.id = await addMember(ada.username, await hash(ada.password));
  bob.id = await addMember(bob.username, await hash(bob.password));
  root.id = await addMember(root.username, await hash(root.password), "admin");
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
const roleOf = async (id: number) => (await database.query<{ role: string }>("SELECT role FROM members WHERE id = $1", [id]))[0]?.role;
const unchanged = (before: string) => async () => ((await snapshot()) === before ? undefined : "the notes or members in the database changed");

check("Every /admin/ route, with every method, answers 401 without a login, forged cookies included", async () => {
  const findings = await attack.guardedRoutes(app, {
    prefix: "/admin/",
    refused: [401],
    claims: { member_id: root.id },
    sign: (key, data) => sessionSerializer(key).dumps(data),
    body: { role: "admin" },
    intact: unchanged(await snapshot()),
    allowed: (client) => logIn(client, root),
  });
  expect(findings, "every /admin/ route without a login").toHaveNoFindings();
}, { task: 1, timeoutMs: 30_000 });

check("Every /admin/ route, with every method, answers 403 to a logged-in member and changes nothing", async () => {
  const findings = await attack.guardedRoutes(app, {
    prefix: "/admin/",
    refused: [403],
    expected: "403 (a member, not an admin)",
    as: (client) => logIn(client, ada),
    body: { role: "admin" },
    intact: unchanged(await snapshot()),
  });
  expect(findings, "every /admin/ route as a member").toHaveNoFindings();
  expect(await roleOf(ada.id), "the member's role after trying every admin route").toBe("member");
}, { task: 1, timeoutMs: 30_000 });

check("An admin lists the members, changes a role, and removes any member's note", async () => {
  const client = http(app);
  await logIn(client, root);
  const list = await client.get("/admin/members");
  expect(list.status, "status of GET /admin/members as an admin").toBe(200);
  const members = list.json().members as { username: string; role: string }[];
  expect(members.map(({ username, role }) => `${username}:${role}`).sort(), "members of GET /admin/members").toEqual([`${ada.username}:member`, `${bob.username}:member`, `${root.username}:admin`].sort());
  const promote = await client.put(`/admin/members/${bob.id}/role`, { json: { role: "admin" } });
  expect(promote.status, "status of PUT /admin/members/<id>/role with admin").toBe(200);
  expect(await roleOf(bob.id), "the member's role in the database after being made admin").toBe("admin");
  const bobClient = http(app);
  await logIn(bobClient, bob);
  expect((await bobClient.get("/admin/members")).status, "status of GET /admin/members for the member just made admin").toBe(200);
  expect((await client.put(`/admin/members/${bob.id}/role`, { json: { role: "owner" } })).status, 'status of PUT /admin/members/<id>/role with "owner"').toBe(400);
  expect((await client.put(`/admin/members/${root.id}/role`, { json: { role: "member" } })).status, "status of an admin demoting themselves").toBe(400);
  expect(await roleOf(root.id), "the admin's role after trying to demote themselves").toBe("admin");
  const note = await idOf(titles.adaPrivate);
  expect((await client.delete(`/admin/notes/${note}`)).status, "status of DELETE /admin/notes/<id> of a member's note, as an admin").toBe(204);
  expect(await database.query("SELECT id FROM notes WHERE id = $1", [note]), "the note after the admin deleted it").toEqual([]);
}, { task: 1 });

type Row = { title: string; body: string; public: boolean; owner_id: number };
const noteRow = async (id: number) => (await database.query<Row>("SELECT title, body, public, owner_id FROM notes WHERE id = $1", [id]))[0];

check("PATCH /my/notes/<id> changes only the fields it is sent, on the member's own note", async () => {
  const client = http(app);
  await logIn(client, ada);
  const id = await idOf(titles.adaPrivate);
  const before = await noteRow(id);
  const title = `patched ${random.word(8)}`;
  const res = await client.patch(`/my/notes/${id}`, { json: { title } });
  expect(res.status, "status of PATCH /my/notes/<id> with a title").toBe(200);
  expect(await noteRow(id), "the note after PATCH with a title only").toEqual({ ...before!, title });
  expect((await client.patch(`/my/notes/${id}`, { json: { public: true } })).status, "status of PATCH /my/notes/<id> with public").toBe(200);
  expect(await noteRow(id), "the note after PATCH with public only").toEqual({ ...before!, title, public: true });
  for (const [what, json] of [["an empty title", { title: "" }], ["a title of 201 characters", { title: "x".repeat(201) }], ["a body of 10 001 characters", { body: "x".repeat(10_001) }], ["public as text", { public: "yes" }]] as const) {
    expect((await client.patch(`/my/notes/${id}`, { json })).status, `status of PATCH /my/notes/<id> with ${what}`).toBe(422);
  }
  expect(await noteRow(id), "the note after the refused PATCH requests").toEqual({ ...before!, title, public: true });
  const others = await idOf(titles.bobPrivate);
  expect((await client.patch(`/my/notes/${others}`, { json: { title } })).status, "status of PATCH /my/notes/<id> of another member's note").toBe(404);
  expect((await noteRow(others))!.title, "another member's note after PATCH").toBe(titles.bobPrivate);
}, { task: 2 });

check("PATCH /my/notes/<id> with any field beyond title, body and public answers 422 and changes neither notes nor members", async () => {
  const client = http(app);
  await logIn(client, ada);
  const id = await idOf(titles.adaPrivate);
  const before = await snapshot();
  const extras: Record<string, unknown>[] = [
    { owner_id: bob.id }, { OWNER_ID: bob.id }, { "owner_id ": bob.id }, { ownerId: bob.id }, { id: 999 },
    { created_at: "1970-01-01T00:00:00Z" }, { role: "admin" }, { username: root.username }, { password_hash: "attacker" },
  ];
  for (const extra of extras) {
    const res = await client.patch(`/my/notes/${id}`, { json: { title: `changed ${random.word(6)}`, ...extra } });
    expect(res.status, `status of PATCH /my/notes/<id> with ${JSON.stringify(extra)}`).toBe(422);
  }
  expect(await snapshot(), "the database after the refused PATCH requests").toBe(before);
  const findings = await attack.massAssignment({
    route: "PATCH /my/notes/<id>",
    valid: { title: `valid ${random.word(6)}` },
    send: (body) => client.patch(`/my/notes/${id}`, { json: body }),
    privileged: { owner_id: bob.id, id: 1, role: "admin" },
    stored: async () => (await database.query("SELECT id, owner_id FROM notes WHERE title = $1", [titles.adaPrivate]))[0] ?? {},
  });
  expect(findings, "privileged fields in PATCH /my/notes/<id>").toHaveNoFindings();
}, { task: 2 });

check("PATCH /me changes the member's username, refusing one that is taken or malformed", async () => {
  const client = http(app);
  await logIn(client, ada);
  const username = `renamed_${random.word(8)}`;
  const res = await client.patch("/me", { json: { username } });
  expect(res.status, "status of PATCH /me with a new username").toBe(200);
  expect((await database.query("SELECT username FROM members WHERE id = $1", [ada.id]))[0], "the member after PATCH /me").toEqual({ username });
  expect((await client.patch("/me", { json: { username: bob.username } })).status, "status of PATCH /me with another member's username").toBe(409);
  expect((await client.patch("/me", { json: { username: "No Spaces!" } })).status, "status of PATCH /me with a malformed username").toBe(422);
  expect((await http(app).patch("/me", { json: { username: `x_${random.word(6)}` } })).status, "status of PATCH /me without a login").toBe(401);
}, { task: 3 });

check("No spelling of any field lets a member make themselves an admin through PATCH /me", async () => {
  const client = http(app);
  await logIn(client, ada);
  const before = await snapshot();
  const raw = [
    '{"role": "admin"}', '{"Role": "admin"}', '{"ROLE": "admin"}', '{"role ": "admin"}', '{"role": ["admin"]}',
    '{"is_admin": true}', '{"admin": true}', '{"member": {"role": "admin"}}', '{"__proto__": {"role": "admin"}}',
    '{"id": 1}', '{"password_hash": "attacker"}', '{"owner_id": 1}', '{"title": "not a profile field"}',
  ];
  for (const extra of raw) {
    const body = `{"username": "${`ok_${random.word(8)}`}", ${extra.slice(1)}`;
    const res = await client.patch("/me", { body, headers: { "content-type": "application/json" } });
    expect(res.status, `status of PATCH /me with ${extra}`).toBe(422);
  }
  expect(await snapshot(), "the database after the refused PATCH /me requests").toBe(before);
  expect(await roleOf(ada.id), "the member's role afterwards").toBe("member");
  expect((await client.get("/admin/members")).status, "status of GET /admin/members for the member afterwards").toBe(403);
}, { task: 3 });

check("Another member still cannot read, change or delete a note through any /my/ id route", async () => {
  const before = await snapshot();
  const findings = await attack.idor(app, {
    intruder: (client) => logIn(client, bob),
    ids: [await idOf(titles.adaPrivate)],
    missing: 1_000_000 + random.int(1000),
    prefix: "/my/",
    body: { title: `taken ${random.word(6)}`, body: random.word(12), public: true },
    ownerFields: { owner_id: ada.id },
    secrets: [titles.adaPrivate],
    intact: unchanged(before),
  });
  expect(findings, "every /my/ id route on another member's note").toHaveNoFindings();
}, { task: 2, timeoutMs: 30_000 });
