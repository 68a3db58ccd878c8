import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PGliteLike } from "../../../../framework/src/db/adapters";
import { openThreadedPGlite } from "../../../../sandbox/payload/hosts/pglite-thread";
import { buildPgliteSnapshot } from "../../../../scripts/build-pglite-snapshot.mjs";

// PGlite ignores statement_timeout, so on the grader's own thread `SELECT pg_sleep(1e9)` would
// never give the thread back; on its own thread it is stopped from outside and PGlite restarted.
describe("openThreadedPGlite", () => {
  let pglite: PGliteLike;
  beforeAll(async () => {
    // From the initdb snapshot, as the node engine starts it: a restart then takes seconds, not initdb's tens.
    pglite = await openThreadedPGlite({ pglite: import.meta.resolve("@electric-sql/pglite"), dataDir: await buildPgliteSnapshot() }, { timeoutMs: 1500, init: ["CREATE TABLE restarted (id int)"] });
  }, 120_000);
  afterAll(() => pglite?.close());

  it("answers statements and scripts, with int8 as numbers and PostgreSQL's error codes", async () => {
    expect((await pglite.query("SELECT $1::int8 AS n", [41])).rows).toEqual([{ n: 41 }]);
    expect((await pglite.exec("CREATE TABLE t (id int); INSERT INTO t VALUES (1), (2); SELECT count(*) AS n FROM t")).at(-1)?.rows).toEqual([{ n: 2 }]);
    await expect(pglite.query("SELECT * FROM missing", [])).rejects.toMatchObject({ code: "42P01" });
  });

  it.each([
    ["pg_sleep", "SELECT pg_sleep(1e9)"],
    ["a recursive CTE without end", "WITH RECURSIVE forever(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM forever) SELECT count(*) FROM forever"],
  ])("stops %s with query_canceled and restarts PGlite, running init first", async (_name, sql) => {
    await pglite.exec("CREATE TABLE IF NOT EXISTS before_the_restart (id int)");
    await expect(pglite.exec(sql)).rejects.toMatchObject({ code: "57014", message: expect.stringContaining("statement timeout") });
    const tables = await pglite.exec("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    expect(tables.at(-1)?.rows).toEqual([{ tablename: "restarted" }]);
  }, 120_000);
});
