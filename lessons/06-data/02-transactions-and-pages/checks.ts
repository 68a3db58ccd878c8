import { check, database, expect, http, random } from "grader";
import { app, initDb } from "./app";

// Every check starts from the learner's schema (their init-db), two members and 45 public notes
// created a day apart, so each page has one right answer.
const PREFIX = random.word(6);
const TOTAL = 45;
const titleOf = (n: number) => `${PREFIX} ${String(n).padStart(2, "0")}`;

database.setup(async () => {
  await initDb();
  await database.query("INSERT INTO members (username, password_hash) VALUES ('ada', 'x'), ('grace', 'y')");
  await database.query(
    "INSERT INTO notes (owner_id, title, public, created_at) SELECT 1, $1 || ' ' || lpad(n::text, 2, '0'), true, DATE '2026-01-01' + n FROM generate_series(1, $2::int) AS n",
    [PREFIX, TOTAL],
  );
});

async function page(query: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await http(app).get("/notes", { query });
  return { status: res.status, body: res.status === 200 || res.status === 400 ? res.json() : {} };
}

const titles = (body: Record<string, unknown>) => (body.notes as { title: string }[]).map((note) => note.title);

check("GET /notes answers 20 notes by default, with page and per_page", async () => {
  const { status, body } = await page({});
  expect(status, "status of GET /notes").toBe(200);
  expect(body.page, "page of GET /notes").toBe(1);
  expect(body.per_page, "per_page of GET /notes").toBe(20);
  expect(titles(body), "titles of GET /notes (newest first)").toEqual(Array.from({ length: 20 }, (_, i) => titleOf(TOTAL - i)));
}, { task: 1 });

check("?page= and ?per_page= choose the page; the last one holds what is left", async () => {
  const third = await page({ page: "3", per_page: "20" });
  expect(titles(third.body), "titles of ?page=3&per_page=20").toEqual([5, 4, 3, 2, 1].map(titleOf));
  const second = await page({ page: "2", per_page: "7", sort: "oldest" });
  expect(titles(second.body), "titles of ?page=2&per_page=7&sort=oldest").toEqual([8, 9, 10, 11, 12, 13, 14].map(titleOf));
  const beyond = await page({ page: "99" });
  expect(beyond.status, "status of ?page=99").toBe(200);
  expect(titles(beyond.body), "titles of ?page=99").toEqual([]);
  const all = await page({ per_page: "50" });
  expect(titles(all.body).length, "notes on ?per_page=50").toBe(TOTAL);
}, { task: 1 });

check("A page or page size that makes no sense, or more than 50 notes a page, answers 400", async () => {
  for (const query of [{ page: "0" }, { page: "-1" }, { page: "1.5" }, { page: "two" }, { page: "" }, { per_page: "0" }, { per_page: "51" }, { per_page: "100000" }, { per_page: "1e3" }, { per_page: "5 " }] as Record<string, string>[]) {
    const { status, body } = await page(query);
    expect(status, `status of GET /notes?${new URLSearchParams(query)}`).toBe(400);
    expect(typeof body.error, `"error" of GET /notes?${new URLSearchParams(query)}`).toBe("string");
  }
}, { task: 1 });

const importNotes = (notes: unknown[]) => http(app).post("/notes/import", { json: { owner_id: 2, notes } });
const count = async () => (await database.query<{ n: number }>("SELECT count(*) AS n FROM notes"))[0]!.n;

check("POST /notes/import stores every note for the member and answers 201 with their ids", async () => {
  const notes = Array.from({ length: 3 }, () => ({ title: `imported ${random.word(8)}`, body: random.word(20) }));
  const res = await importNotes(notes);
  expect(res.status, "status of POST /notes/import").toBe(201);
  const ids = res.json().ids as number[];
  expect(ids.length, "ids of POST /notes/import").toBe(3);
  const stored = await database.query<{ id: number; title: string; body: string; owner_id: number }>("SELECT id, title, body, owner_id FROM notes WHERE id = ANY($1::int[]) ORDER BY id", [ids]);
  expect(stored.map(({ title, body, owner_id }) => ({ title, body, owner_id })), "the imported rows").toEqual(notes.map((note) => ({ ...note, owner_id: 2 })));
}, { task: 2 });

check("An import with one bad note answers 400 and stores none of them", async () => {
  const before = await count();
  for (const bad of [{ title: "" }, { title: "x".repeat(201) }]) {
    const res = await importNotes([{ title: `first ${random.word(6)}` }, { title: `second ${random.word(6)}` }, bad, { title: "after" }]);
    expect(res.status, `status of POST /notes/import with a title of ${String(bad.title.length)} characters third`).toBe(400);
    expect(await count(), "notes in the database after the refused import").toBe(before);
  }
}, { task: 2 });

check("An import that is not { owner_id, notes: [1 to 100 notes] } answers 400 and stores nothing", async () => {
  const before = await count();
  const note = { title: `note ${random.word(6)}` };
  const bodies: [string, unknown][] = [
    ["owner_id as text", { owner_id: "2", notes: [note] }],
    ["no notes", { owner_id: 2 }],
    ["an empty list", { owner_id: 2, notes: [] }],
    ["101 notes", { owner_id: 2, notes: Array.from({ length: 101 }, () => note) }],
  ];
  for (const [what, json] of bodies) {
    const res = await http(app).post("/notes/import", { json });
    expect(res.status, `status of POST /notes/import with ${what}`).toBe(400);
    expect(typeof res.json().error, `"error" of POST /notes/import with ${what}`).toBe("string");
  }
  expect(await count(), "notes in the database after the refused imports").toBe(before);
}, { task: 2 });
