import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, fromPGlite, useDriver, type Database } from "vial/db";

// One PGlite for the file: it takes seconds to start on a loaded machine.
let pglite: PGlite;
let db: Database;
beforeAll(async () => {
  pglite = await PGlite.create({ relaxedDurability: true });
  db = fromPGlite(pglite);
  await db.query("CREATE TABLE t (id serial PRIMARY KEY, name text NOT NULL UNIQUE)");
}, 120_000);
afterAll(() => pglite?.close());

describe("fromPGlite", () => {
  it("sends $1 parameters as values: a quote or a semicolon in one is data", async () => {
    const name = "x'); DROP TABLE t; --";
    const inserted = await db.query<{ id: number }>("INSERT INTO t (name) VALUES ($1) RETURNING id", [name]);
    expect(inserted.rowCount).toBe(1);
    const { rows } = await db.query<{ name: string }>("SELECT name FROM t WHERE id = $1", [inserted.rows[0]!.id]);
    expect(rows).toEqual([{ name }]);
  });

  it("runs a statement without parameters as a script, answering the last statement's rows, as pg does", async () => {
    const { rows } = await db.query<{ n: number }>("INSERT INTO t (name) VALUES ('script'); SELECT count(*)::int AS n FROM t WHERE name = 'script'");
    expect(rows).toEqual([{ n: 1 }]);
  });

  it("refuses two statements when there are parameters", async () => {
    await expect(db.query("SELECT $1::text; SELECT 2", ["a"])).rejects.toThrow(/multiple commands|cannot insert multiple/i);
  });

  it("commits a transaction that returns and rolls back one that throws, with the database's error code", async () => {
    await db.transaction(async (tx) => void (await tx.query("INSERT INTO t (name) VALUES ($1)", ["kept"])));
    const failing = db.transaction(async (tx) => {
      await tx.query("INSERT INTO t (name) VALUES ($1)", ["lost"]);
      await tx.query("INSERT INTO t (name) VALUES ($1)", ["kept"]); // unique violation
    });
    await expect(failing).rejects.toMatchObject({ code: "23505" });
    const { rows } = await db.query<{ name: string }>("SELECT name FROM t WHERE name IN ('kept', 'lost') ORDER BY name");
    expect(rows).toEqual([{ name: "kept" }]);
  });
});

describe("connect and useDriver", () => {
  it("names the scheme it has no driver for, and the registered ones", async () => {
    useDriver("memory:", () => db);
    await expect(connect("postgres://db.example/app")).rejects.toThrow('no database driver for "postgres:" (registered: memory:)');
    expect(await connect()).toBe(db);
    expect(await connect("memory:anything")).toBe(db);
  });

  it("refuses a scheme that is not one", () => {
    expect(() => useDriver("postgres", () => db)).toThrow(/a scheme looks like "postgres:"/);
  });
});
