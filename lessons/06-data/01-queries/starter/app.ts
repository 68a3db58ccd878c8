import { Vial } from "vial";
import { closeDb, getDb } from "./db";

export const app = new Vial();
app.teardownRequest(closeDb);

export { initDb } from "./db";

/** Public notes whose title contains `?q=`, in the order `?sort=` names. */
app.get("/notes", async (req) => {
  const db = await getDb(req);
  const q = req.query.get("q") ?? "";
  const sort = req.query.get("sort") ?? "created_at DESC";
  const { rows } = await db.query(`SELECT id, title, created_at FROM notes WHERE public AND title ILIKE '%${q}%' ORDER BY ${sort}`);
  return { notes: rows };
});

/** One public note. */
app.get("/notes/<id>", async (req) => {
  const db = await getDb(req);
  const { rows } = await db.query(`SELECT id, title, body, created_at FROM notes WHERE public AND id = ${req.params.id}`);
  return rows[0] ?? [{ error: "There is no such note." }, 404];
});
