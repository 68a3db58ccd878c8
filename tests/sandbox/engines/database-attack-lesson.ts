// A lesson whose app sends hostile SQL to the lesson's database, for every engine's tests
// (tests/sandbox/engines/node/database-attacks.test.ts, tests/e2e/sandbox/worker-database-attacks.spec.ts):
// the app runs whatever SQL a check posts, and the checks (the grader's side) say what must hold
// afterwards. Each attack is refused with a clear SQL error, leaves nothing the checks' reads can
// be fooled by, and leaves nothing behind for the next check.

// The app runs whatever SQL it is sent and answers with the rows, or the error's message and code.
export const APP = `
import { Vial } from "vial";
import { connect } from "vial/db";
export const app = new Vial();
export async function initDb() {
  const db = await connect();
  await db.query("CREATE TABLE notes (id serial PRIMARY KEY, title text NOT NULL)");
  await db.close();
}
app.post("/run", async (req) => {
  const { sql } = (await req.json()) as { sql: string };
  const db = await connect();
  try {
    const { rows } = await db.query(sql);
    return { rows };
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    return { error: message, code: code ?? null };
  } finally {
    await db.close();
  }
});
`;

// [name, SQL the app sends, the SQLSTATE it must get back]
export const ATTACKS: [string, string, string][] = [
  ["COPY to a program", "COPY notes TO PROGRAM 'cat > /tmp/vial-attack'", "42501"],
  ["COPY from a program", "COPY notes (title) FROM PROGRAM 'echo hacked'", "42501"],
  ["COPY to a file", "COPY notes TO '/tmp/vial-attack'", "42501"],
  ["RESET ROLE", "RESET ROLE", "42501"],
  ["SET ROLE to the superuser", "SET ROLE postgres", "42501"],
  ["SET SESSION AUTHORIZATION", "SET SESSION AUTHORIZATION postgres", "42501"],
  ["a role change hidden after a query in a script", "SELECT 1; /* ; */ RESET ROLE; INSERT INTO notes (title) VALUES ('as superuser')", "42501"],
  ["set_config('role')", "SELECT set_config('role', 'postgres', false)", "42501"],
  ["DISCARD ALL", "DISCARD ALL", "42501"],
  ["a function that runs SQL", "CREATE FUNCTION public.up() RETURNS void LANGUAGE sql AS 'RESET ROLE'", "42501"],
  ["a DO block", "DO $$ BEGIN EXECUTE 'RESET ROLE'; END $$", "42501"],
  ["SET search_path to put public first", "SET search_path = public, pg_catalog", "42501"],
  ["an aggregate that shadows count(text)", "CREATE AGGREGATE public.count(text) (sfunc = int8inc_any, stype = int8, initcond = '41')", "42501"],
  ["an operator that shadows =", "CREATE OPERATOR public.= (leftarg = text, rightarg = text, function = textne)", "42501"],
  ["a temporary table that shadows notes", "CREATE TEMP TABLE notes AS SELECT 1 AS id, 'forged' AS title", "42501"],
  ["a large object", "SELECT lo_from_bytea(0, 'left behind')", "42501"],
  ["PREPARE", "PREPARE left_behind AS SELECT 1", "42501"],
  ["LISTEN", "LISTEN left_behind", "42501"],
  ["a setting the checks read with", "SET DateStyle = 'SQL, DMY'", "42501"],
  ["a superuser-only function", "SELECT pg_read_file('PG_VERSION')", "42501"],
  ["a two-phase transaction", "BEGIN; PREPARE TRANSACTION 'left_behind'", "42501"],
  ["SQL PostgreSQL cannot parse", "SELEC 1", "42601"],
];

// Statements that never end on their own: each must come back as query_canceled (57014) and the
// run go on (PGlite ignores statement_timeout, so the engine stops and restarts it).
export const ENDLESS: [string, string][] = [
  ["pg_sleep", "SELECT pg_sleep(1e9)"],
  ["a recursive CTE without end", "WITH RECURSIVE forever(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM forever) SELECT count(*) FROM forever"],
];

// State that must not survive from one check into the next (each check starts from the wipe).
const LEFTOVERS = `
  SELECT
    current_user AS role,
    (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) AS superuser,
    pg_catalog.current_setting('search_path') AS search_path,
    pg_catalog.current_setting('DateStyle') AS date_style,
    (SELECT count(*) FROM pg_catalog.pg_class WHERE relpersistence = 't') AS temporary,
    (SELECT count(*) FROM pg_catalog.pg_largeobject_metadata) AS large_objects,
    (SELECT count(*) FROM pg_catalog.pg_prepared_statements) AS prepared,
    (SELECT count(*) FROM pg_catalog.pg_cursors) AS cursors,
    (SELECT count(*) FROM pg_catalog.pg_listening_channels()) AS listening,
    (SELECT count(*) FROM pg_catalog.pg_locks WHERE locktype = 'advisory') AS advisory_locks,
    (SELECT count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public') AS functions,
    (SELECT count(*) FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace WHERE n.nspname = 'public') AS operators`;

const CLEAN = { role: "vial_app", superuser: false, date_style: "ISO, MDY", temporary: 0, large_objects: 0, prepared: 0, cursors: 0, listening: 0, advisory_locks: 0, functions: 0, operators: 0 };

/** The checks: one per attack, one per endless statement (when `endless`), then three about what is left. */
export function attackChecks(endless: boolean): string {
  return `
import { check, database, expect, http } from "grader";
import { app, initDb } from "./app";
database.setup(async () => {
  await initDb();
  await database.query("INSERT INTO notes (title) VALUES ('seeded')");
});
const ATTACKS = ${JSON.stringify(ATTACKS)};
const LEFTOVERS = ${JSON.stringify(LEFTOVERS)};
const CLEAN = ${JSON.stringify(CLEAN)};
const run = async (sql) => (await http(app).post("/run", { json: { sql } })).json();

for (const [name, sql, code] of ATTACKS) {
  check("refuses " + name + ", and the checks' reads stay true", async () => {
    const before = (await database.query(LEFTOVERS))[0];
    const answer = await run(sql);
    expect(answer.code, "SQLSTATE the app got for " + JSON.stringify(sql) + " (" + answer.error + ")").toBe(code);
    expect(typeof answer.error === "string" && answer.error.length > 10, "a message that says why").toBe(true);
    const [after] = await database.query(LEFTOVERS);
    expect({ ...after, search_path: undefined }, "the session after the attack").toEqual({ ...before, search_path: undefined });
    expect(after.role, "role the checks read as").toBe("vial_app");
    expect(await database.query("SELECT count(title) AS n, min(title) AS title FROM notes WHERE title = 'seeded'"), "notes, as the checks read them").toEqual([{ n: 1, title: "seeded" }]);
    expect(await database.query("SELECT count(*) AS n FROM notes"), "rows in notes").toEqual([{ n: 1 }]);
  });
}

for (const [name, sql] of ${JSON.stringify(endless ? ENDLESS : [])}) {
  check("stops " + name + " with a clear error", async () => {
    const answer = await run(sql);
    expect(answer.code, "SQLSTATE the app got for " + JSON.stringify(sql) + " (" + answer.error + ")").toBe("57014");
    expect(answer.error, "the message").toMatch(/statement timeout/);
  });
}

check("an app's own state is gone before the next check", async () => {
  // What an app can leave without a refusal: a transaction, an advisory lock, a cursor.
  await run("BEGIN; INSERT INTO notes (title) VALUES ('uncommitted')");
  await run("SELECT pg_advisory_lock(42)");
  expect((await run("SELECT count(*) AS n FROM notes")).rows, "the app's open transaction").toEqual([{ n: 2 }]);
});

check("starts clean", async () => {
  const [state] = await database.query(LEFTOVERS);
  expect({ ...state, search_path: undefined }, "the session at the start of a check").toEqual({ ...CLEAN, search_path: undefined });
  expect(await database.query("SELECT title FROM notes"), "notes").toEqual([{ title: "seeded" }]);
});

check("the app still works after all that", async () => {
  const answer = await run("INSERT INTO notes (title) VALUES ('fine') RETURNING title");
  expect(answer.rows, "rows of a plain INSERT").toEqual([{ title: "fine" }]);
  expect((await run("BEGIN; INSERT INTO notes (title) VALUES ('in a transaction'); COMMIT; SELECT count(*) AS n FROM notes")).rows, "a transaction").toEqual([{ n: 3 }]);
});
`;
}
