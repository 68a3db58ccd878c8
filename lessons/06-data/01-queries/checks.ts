import { attack, check, database, expect, http, random } from "grader";
import { app, initDb } from "./app";

type Note = { id: number; title: string };

// Every check starts from an empty database with the learner's schema (their init-db) and these rows.
const word = random.word(8);
const PUBLIC = [`Ada's ${word} recipes`, `Garden ${random.word(6)}`, `100% done ${random.word(5)}`, `1000 things ${random.word(5)}`, `a_b ${random.word(5)}`, `axb ${random.word(5)}`, `back\\slash ${random.word(5)}`];
const PRIVATE = [`private ${random.word(10)}`, `diary ${random.word(10)}`];
const HASHES = [`pbkdf2:sha256:1000$${random.word(12)}`, `pbkdf2:sha256:1000$${random.word(12)}`];

database.setup(async () => {
  await initDb();
  await database.query("INSERT INTO members (username, password_hash) VALUES ($1, $2), ($3, $4)", ["ada", HASHES[0], "grace", HASHES[1]]);
  // Created a day apart, oldest first, so "newest" and "oldest" have one right answer.
  await database.query(
    "INSERT INTO notes (owner_id, title, public, created_at) SELECT 1 + (n::int % 2), title, n <= $2, DATE '2026-01-01' + n::int FROM unnest($1::text[]) WITH ORDINALITY AS t (title, n)",
    [[...PUBLIC, ...PRIVATE], PUBLIC.length],
  );
});

/** What the database must still hold after an attack, or a sentence saying what changed. */
async function intact(): Promise<string | undefined> {
  const [counts] = await database.query<{ members: number | null; notes: number | null }>(
    "SELECT (SELECT count(*) FROM pg_tables WHERE tablename = 'members') AS members, (SELECT count(*) FROM pg_tables WHERE tablename = 'notes') AS notes",
  );
  if (counts?.members !== 1 || counts.notes !== 1) return "a table is gone";
  const [rows] = await database.query<{ members: number; notes: number }>("SELECT (SELECT count(*) FROM members) AS members, (SELECT count(*) FROM notes) AS notes");
  if (rows?.members !== 2 || rows.notes !== PUBLIC.length + PRIVATE.length) return `members has ${rows?.members} rows and notes ${rows?.notes} (expected 2 and ${PUBLIC.length + PRIVATE.length})`;
  return undefined;
}

async function search(q: string, sort?: string): Promise<string[]> {
  const res = await http(app).get("/notes", { query: { q, ...(sort ? { sort } : {}) } });
  expect(res.status, `status of GET /notes?q=${q}`).toBe(200);
  const notes = res.json().notes as Note[];
  expect(Array.isArray(notes), `"notes" of GET /notes?q=${q} is a list`).toBe(true);
  return notes.map((note) => note.title);
}

check("GET /notes?q= finds the public notes whose title contains q, in any case, quotes included", async () => {
  expect((await search(word.toUpperCase())).sort(), `titles for ?q=${word.toUpperCase()}`).toEqual([PUBLIC[0]]);
  expect(await search("Ada's"), `titles for ?q=Ada's`).toEqual([PUBLIC[0]]);
  expect((await search("")).sort(), "titles for an empty ?q=").toEqual([...PUBLIC].sort());
}, { task: 1 });

check("Injection through ?q= shows no private note or password hash, and changes nothing", async () => {
  const client = http(app);
  const findings = await attack.sqlInjection({
    input: "the q parameter of GET /notes",
    send: (value) => client.get("/notes", { query: { q: value } }),
    secrets: [...PRIVATE, ...HASHES],
    union: { table: "members", column: "password_hash" },
    intact,
  });
  expect(findings, "SQL injection through ?q=").toHaveNoFindings();
}, { task: 1, timeoutMs: 30_000 });

check("%, _ and \\ in ?q= match themselves, not any text", async () => {
  expect(await search("100%"), "titles for ?q=100%").toEqual([PUBLIC[2]]);
  expect(await search("a_b"), "titles for ?q=a_b").toEqual([PUBLIC[4]]);
  expect(await search("k\\s"), "titles for ?q=k\\s").toEqual([PUBLIC[6]]);
  expect(await search("%"), "titles for ?q=%").toEqual([PUBLIC[2]]);
}, { task: 2 });

check("?sort=newest (the default), oldest and title order the notes", async () => {
  const byDate = [...PUBLIC];
  expect(await search(""), "titles for GET /notes (newest first)").toEqual([...byDate].reverse());
  expect(await search("", "newest"), "titles for ?sort=newest").toEqual([...byDate].reverse());
  expect(await search("", "oldest"), "titles for ?sort=oldest").toEqual(byDate);
  // Only titles that every collation orders alike (letters first): "Ada's", "back\slash", "Garden", ignoring case.
  const alphabetical = [PUBLIC[0], PUBLIC[6], PUBLIC[1]];
  const byTitle = (await search("", "title")).filter((title) => alphabetical.includes(title));
  expect(byTitle, "titles for ?sort=title (those starting with a letter)").toEqual(alphabetical);
}, { task: 3 });

check("Any other ?sort= answers 400 naming the choices, and runs no SQL of its own", async () => {
  const client = http(app);
  for (const sort of ["created_at", "title DESC", "public", "1", "id; DROP TABLE notes", "(SELECT 1)", "title, (SELECT pg_sleep(0))", "constructor", "__proto__"]) {
    const res = await client.get("/notes", { query: { sort } });
    expect(res.status, `status of GET /notes?sort=${sort}`).toBe(400);
    const error = String(res.json().error ?? "");
    expect(error, `"error" of GET /notes?sort=${sort}`).toContain("newest");
    expect(error, `"error" of GET /notes?sort=${sort}`).toContain("title");
  }
  expect(await intact(), "the database after those requests").toBe(undefined);
}, { task: 3 });

check("GET /notes/<id> answers a public note, and 404 for a private or missing one", async () => {
  const client = http(app);
  const [first] = await database.query<Note>("SELECT id, title FROM notes WHERE title = $1", [PUBLIC[1]]);
  const res = await client.get(`/notes/${first!.id}`);
  expect(res.status, `status of GET /notes/${first!.id}`).toBe(200);
  expect(res.json().title, `title of GET /notes/${first!.id}`).toBe(PUBLIC[1]);
  const [hidden] = await database.query<Note>("SELECT id FROM notes WHERE title = $1", [PRIVATE[0]]);
  for (const id of [hidden!.id, 9999]) {
    const missing = await client.get(`/notes/${id}`);
    expect(missing.status, `status of GET /notes/${id}`).toBe(404);
    expect(missing.text, `body of GET /notes/${id}`).not.toContain(PRIVATE[0]!);
  }
}, { task: 4 });

check("Injection through the id of GET /notes/<id> reveals nothing and changes nothing", async () => {
  const client = http(app);
  const [hidden] = await database.query<Note>("SELECT id FROM notes WHERE title = $1", [PRIVATE[1]]);
  for (const id of [`${hidden!.id} OR true`, `0 OR public = false`, "1 OR 1=1", "1abc", "-1", "1.5"]) {
    const res = await client.get(`/notes/${encodeURIComponent(id)}`);
    expect(res.status, `status of GET /notes/${id}`).toBe(404);
  }
  const findings = await attack.sqlInjection({
    input: "the id of GET /notes/<id>",
    send: (value) => client.get(`/notes/${encodeURIComponent(value)}`),
    secrets: [...PRIVATE, ...HASHES],
    union: { table: "members", column: "password_hash" },
    intact,
  });
  expect(findings, "SQL injection through the id").toHaveNoFindings();
}, { task: 4, timeoutMs: 30_000 });
