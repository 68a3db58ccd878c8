import { describe, expect, it } from "vitest";
import { NodeSandbox } from "../../../../sandbox/engines/node/index";

// A lesson with a database, as the data chapter's are: the learner's init-db makes the schema,
// the checks add rows and read the database back from the grader's side.
const DB_TS = `
import { connect } from "vial/db";
export async function initDb() {
  const db = await connect();
  await db.query("CREATE TABLE notes (id serial PRIMARY KEY, title text NOT NULL UNIQUE)");
  await db.close();
}
`;

const CHECKS = `
import { check, database, expect, http } from "grader";
import { app, initDb } from "./app";
database.setup(async () => {
  await initDb();
  await database.query("INSERT INTO notes (title) VALUES ($1)", ["seeded"]);
});
check("POST /notes stores the note, as the database says afterwards", async () => {
  const res = await http(app).post("/notes", { json: { title: "x'); DROP TABLE notes; --" } });
  expect(res.status, "status of POST /notes").toBe(201);
  const rows = await database.query("SELECT title FROM notes ORDER BY id");
  expect(rows, "notes in the database").toEqual([{ title: "seeded" }, { title: "x'); DROP TABLE notes; --" }]);
}, { task: 1 });
check("each check starts from the setup again", async () => {
  const rows = await database.query("SELECT count(*) AS n FROM notes");
  expect(rows, "notes in the database").toEqual([{ n: 1 }]);
}, { task: 1 });
check("a duplicate answers 409 with the database's error code", async () => {
  const res = await http(app).post("/notes", { json: { title: "seeded" } });
  expect(res.status, "status of POST /notes with a duplicate").toBe(409);
  expect(res.json(), "body").toEqual({ code: "23505" });
}, { task: 1 });
`;

const GOOD_APP = `
import { Vial } from "vial";
import { connect } from "vial/db";
export { initDb } from "./db";
export const app = new Vial();
app.post("/notes", async (req) => {
  const db = await connect();
  try {
    const { title } = (await req.json()) as { title: string };
    await db.query("INSERT INTO notes (title) VALUES ($1)", [title]);
    return [{ ok: true }, 201];
  } catch (error) {
    return [{ code: (error as { code?: string }).code }, 409];
  } finally {
    await db.close();
  }
});
`;

// Stores nothing; on its first request it patches everything in its own realm that could carry
// the checks' read-back (JSON, promises, arrays, its own database driver).
const FORGING_APP = `
import { Vial } from "vial";
import * as db from "vial/db";
export { initDb } from "./db";
const forged = [{ title: "seeded" }, { title: "x'); DROP TABLE notes; --" }];
export const app = new Vial();
app.post("/notes", () => {
  JSON.parse = () => forged;
  const then = Promise.prototype.then;
  Promise.prototype.then = function (ok, ko) { return then.call(this, (value) => (ok ? ok(Array.isArray(value) ? forged : value) : value), ko); };
  db.useDriver("sandbox:", () => ({ query: async () => ({ rows: forged, rowCount: 2 }), transaction: async (fn) => fn(this), close: async () => {} }));
  return [{ ok: true }, 201];
});
`;

describe("the node engine's database", () => {
  it("carries the learner's statements to PGlite, lets the checks read it back, and resets it before each check", async () => {
    const sandbox = new NodeSandbox({ timeoutMs: 180_000, checkTimeoutMs: 20_000 });
    try {
      await sandbox.load({ files: { "app.ts": GOOD_APP, "db.ts": DB_TS }, checks: CHECKS });
      const report = await sandbox.check();
      expect(report.checks.map((check) => [check.name, check.status, check.message])).toEqual([
        ["POST /notes stores the note, as the database says afterwards", "pass", undefined],
        ["each check starts from the setup again", "pass", undefined],
        ["a duplicate answers 409 with the database's error code", "pass", undefined],
      ]);
    } finally {
      await sandbox.dispose();
    }
  }, 240_000);

  it("grades each edit afresh when the engine keeps its grader host (and its database) between edits", async () => {
    const sandbox = new NodeSandbox({ timeoutMs: 180_000, checkTimeoutMs: 20_000 });
    try {
      await sandbox.load({ files: { "app.ts": GOOD_APP, "db.ts": DB_TS }, checks: CHECKS });
      const firstChecks: string[] = [];
      const passed: boolean[] = [];
      for (const app of [FORGING_APP, GOOD_APP, FORGING_APP, GOOD_APP]) {
        await sandbox.write("app.ts", app);
        const report = await sandbox.check();
        passed.push(report.status === "pass");
        firstChecks.push(report.checks[0]?.status ?? "missing");
      }
      expect(passed).toEqual([false, true, false, true]);
      expect(firstChecks).toEqual(["fail", "pass", "fail", "pass"]);
    } finally {
      await sandbox.dispose();
    }
  }, 400_000);

  it("does not let learner code forge what the checks read from the database", async () => {
    const sandbox = new NodeSandbox({ timeoutMs: 180_000, checkTimeoutMs: 20_000 });
    try {
      await sandbox.load({ files: { "app.ts": FORGING_APP, "db.ts": DB_TS }, checks: CHECKS });
      const report = await sandbox.check();
      expect(report.status).not.toBe("pass");
      expect(report.checks[0]).toMatchObject({ status: "fail", message: expect.stringContaining("notes in the database") });
    } finally {
      await sandbox.dispose();
    }
  }, 240_000);
});
