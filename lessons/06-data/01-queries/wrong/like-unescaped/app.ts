import { Vial } from "vial";
import { closeDb, getDb } from "./db";

export const app = new Vial();
app.teardownRequest(closeDb);

export { initDb } from "./db";

/**
 * The orders `?sort=` may name, and the SQL of each. Column names and ASC/DESC cannot be `$1`
 * parameters (parameters are values), so the SQL comes from this table, never from the request.
 */
const ORDERS = {
  newest: "created_at DESC, id DESC",
  oldest: "created_at ASC, id ASC",
  title: "lower(title) ASC, id ASC",
} as const;

/** `%`, `_` and `\` are wildcards (and the escape) in a LIKE pattern: escaped, they match themselves. */
function likeContaining(text: string): string {
  return `%${text}%`;
}

/** Public notes whose title contains `?q=`, in the order `?sort=` names. */
app.get("/notes", async (req) => {
  const sort = req.query.get("sort") ?? "newest";
  if (!Object.hasOwn(ORDERS, sort)) {
    return [{ error: `sort must be one of ${Object.keys(ORDERS).join(", ")}; got "${sort}"` }, 400];
  }
  const db = await getDb(req);
  const { rows } = await db.query(
    `SELECT id, title, created_at FROM notes WHERE public AND title ILIKE $1 ESCAPE '\\' ORDER BY ${ORDERS[sort as keyof typeof ORDERS]}`,
    [likeContaining(req.query.get("q") ?? "")],
  );
  return { notes: rows };
});

/** One public note: `<int:id>` lets only digits through, and the id still travels as a parameter. */
app.get("/notes/<int:id>", async (req) => {
  const db = await getDb(req);
  const { rows } = await db.query("SELECT id, title, body, created_at FROM notes WHERE public AND id = $1", [req.params.id]);
  return rows[0] ?? [{ error: "There is no such note." }, 404];
});
