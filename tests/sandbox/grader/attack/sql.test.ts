import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Vial } from "vial";
import { fromPGlite, type Database } from "vial/db";
import { probeSqlInjection } from "../../../../sandbox/grader/attack/sql";
import { http } from "./apps";

const SECRET_NOTE = "private diary 7f3k";
const SECRET_HASH = "pbkdf2:sha256:1000$q8w7e6r5";

let pglite: PGlite;
let db: Database;
beforeAll(async () => {
  pglite = await PGlite.create({ relaxedDurability: true });
  db = fromPGlite(pglite);
}, 120_000);
afterAll(() => pglite?.close());
beforeEach(async () => {
  await db.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;
    CREATE TABLE members (id serial PRIMARY KEY, password_hash text NOT NULL);
    CREATE TABLE notes (id serial PRIMARY KEY, title text NOT NULL, public boolean NOT NULL);
    INSERT INTO members (password_hash) VALUES ('${SECRET_HASH}');
    INSERT INTO notes (title, public) VALUES ('shopping list', true), ('${SECRET_NOTE}', false);`);
});

async function intact(): Promise<string | undefined> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('members', 'notes')");
  if (rows[0]!.n !== 2) return "a table is gone";
  const counts = await db.query<{ n: number }>("SELECT (SELECT count(*) FROM notes)::int AS n");
  return counts.rows[0]!.n === 2 ? undefined : `notes has ${counts.rows[0]!.n} rows`;
}

function searchApp(sql: (q: string) => [string, unknown[]]) {
  const app = new Vial();
  app.get("/notes", async (req) => {
    const [text, params] = sql(req.query.get("q") ?? "");
    return { notes: (await db.query(text, params)).rows };
  });
  return app;
}

const probe = (app: Vial) => {
  const client = http(app);
  return probeSqlInjection({
    input: "?q= of GET /notes",
    send: (value) => client.get("/notes", { query: { q: value } }),
    secrets: [SECRET_NOTE, SECRET_HASH],
    union: { table: "members", column: "password_hash" },
    intact,
  });
};

describe("the SQL injection probe", () => {
  it("passes a search that sends q as a $1 parameter", async () => {
    const app = searchApp((q) => ["SELECT title FROM notes WHERE public AND title ILIKE $1", [`%${q}%`]]);
    expect(await probe(app)).toEqual([]);
  }, 60_000);

  it("catches a search that pastes q into the SQL: the broken statement, the private note, the hash and the dropped table", async () => {
    const app = searchApp((q) => [`SELECT title FROM notes WHERE public AND title ILIKE '%${q}%'`, []]);
    const messages = (await probe(app)).map((found) => found.message);
    expect(messages.some((message) => /^sent "'" as \?q= of GET \/notes: the app answered 500, so the input broke the SQL statement/.test(message))).toBe(true);
    expect(messages.some((message) => message.includes(`contains "${SECRET_NOTE}"`))).toBe(true);
    expect(messages.some((message) => message.includes(`contains "${SECRET_HASH}"`) && message.includes("UNION"))).toBe(true);
    expect(messages.some((message) => /DROP TABLE notes.*afterwards a table is gone: the input ran as SQL of its own/.test(message))).toBe(true);
  }, 60_000);

  it("catches a numeric context (an id pasted without quotes) through a UNION, even when errors are hidden", async () => {
    const app = new Vial();
    app.get("/notes/<id>", async (req) => {
      // Errors swallowed into a 404: the probe must still see the leak.
      const { rows } = await db.query(`SELECT title FROM notes WHERE public AND id = ${req.params.id}`).catch(() => ({ rows: [] }));
      return rows[0] ?? [{ error: "no such note" }, 404];
    });
    const client = http(app);
    const findings = await probeSqlInjection({
      input: "the id", send: (value) => client.get(`/notes/${encodeURIComponent(value)}`), secrets: [SECRET_HASH], union: { table: "members", column: "password_hash" }, intact,
    });
    expect(findings.map((found) => found.message).join("\n")).toMatch(/^sent "0 UNION SELECT password_hash::text FROM members --" as the id: the answer \(200\) contains "pbkdf2/m);
  }, 60_000);
});
