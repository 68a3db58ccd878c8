import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { learnerSqlRefusal } from "../../../../sandbox/payload/grader-side/database-boundary";
import { loadSqlParser, type ParserFactory, type SqlParser } from "../../../../sandbox/payload/grader-side/sql-parser";

const require = createRequire(import.meta.url);
let parse: SqlParser;
beforeAll(async () => {
  const factory = require("libpg-query/wasm/libpg-query.js") as ParserFactory;
  parse = await loadSqlParser(factory, { wasmBinary: await readFile(require.resolve("libpg-query/wasm/libpg-query.wasm")) });
});

describe("learnerSqlRefusal", () => {
  it.each([
    "SELECT title FROM notes WHERE owner_id = $1 ORDER BY id",
    "INSERT INTO notes (title) VALUES ($1) RETURNING id",
    "WITH gone AS (DELETE FROM notes WHERE id = $1 RETURNING id) SELECT count(*) FROM gone",
    "CREATE TABLE members (id serial PRIMARY KEY, username text NOT NULL UNIQUE); CREATE INDEX ON members (lower(username));",
    "BEGIN; UPDATE notes SET title = 'x'; SAVEPOINT a; ROLLBACK TO SAVEPOINT a; COMMIT",
    "BEGIN ISOLATION LEVEL SERIALIZABLE; SET TRANSACTION READ ONLY; ROLLBACK",
    "EXPLAIN ANALYZE SELECT 1",
    "SELECT 'RESET ROLE; SET ROLE postgres' AS text, $$DISCARD ALL$$ AS quoted -- ; RESET ROLE",
    "DROP TABLE IF EXISTS notes; TRUNCATE members RESTART IDENTITY CASCADE; ALTER TABLE notes ADD COLUMN x int",
    "SHOW search_path",
  ])("lets an app run %s", (sql) => {
    expect(learnerSqlRefusal(parse, sql)).toBeUndefined();
  });

  it.each([
    ["RESET ROLE", "RESET ROLE"],
    ["SET LOCAL ROLE postgres", "SET LOCAL ROLE postgres"],
    ["SET role TO DEFAULT", "SET role TO DEFAULT"],
    ["RESET ALL", "RESET ALL"],
    ["SET SESSION AUTHORIZATION DEFAULT", "SET SESSION AUTHORIZATION DEFAULT"],
    ["SET search_path = public, pg_catalog", "SET search_path = public, pg_catalog"],
    ["SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"],
    ["SELECT 1;/* a comment ; */RESET ROLE;SELECT 2", "RESET ROLE"],
    ["SELECT $tag$ ; $tag$; DISCARD ALL", "DISCARD ALL"],
    ["EXPLAIN ANALYZE EXECUTE p", "EXPLAIN ANALYZE EXECUTE p"],
    ["COPY notes TO STDOUT", "COPY notes TO STDOUT"],
    ["DO $$ BEGIN NULL; END $$", "DO $$ BEGIN NULL; END $$"],
    ["CREATE VIEW v AS SELECT 1", "CREATE VIEW v AS SELECT 1"],
    ["CREATE RULE r AS ON INSERT TO notes DO INSTEAD NOTHING", "CREATE RULE r AS ON INSERT TO notes DO INSTEAD NOTHING"],
    ["PREPARE p AS SELECT 1", "PREPARE p AS SELECT 1"],
    ["BEGIN; PREPARE TRANSACTION 'x'", "PREPARE TRANSACTION 'x'"],
    ["LISTEN channel", "LISTEN channel"],
    ["ALTER ROLE vial_app SET search_path = x", "ALTER ROLE vial_app SET search_path = x"],
  ])("refuses %s, quoting the statement", (sql, quoted) => {
    const refusal = learnerSqlRefusal(parse, sql);
    expect(refusal?.code).toBe("42501");
    if (quoted) expect(refusal?.message).toContain(`"${quoted}"`);
  });

  it("refuses SQL PostgreSQL cannot parse with PostgreSQL's syntax error", () => {
    expect(learnerSqlRefusal(parse, "SELEC 1")).toEqual({ message: 'syntax error at or near "SELEC"', code: "42601" });
  });
});
