import { Vial } from "vial";
import { admin } from "./admin";
import { auth } from "./auth";
import { closeDb, getDb } from "./db";
import { my } from "./my";

export const app = new Vial();
app.teardownRequest(closeDb);

// The real key comes from the environment (VIAL_SECRET_KEY=...); this fallback only lets the app
// run on your machine and in the sandbox, and must never sign a cookie in production.
app.config.fromEnv("VIAL");
app.config.SECRET_KEY ??= "dev-only: not a secret, set VIAL_SECRET_KEY in production";

app.register(auth);
app.register(my);
app.register(admin);

export { initDb } from "./db";
export { addMember } from "./members";

const ORDERS = {
  newest: "created_at DESC, id DESC",
  oldest: "created_at ASC, id ASC",
  title: "lower(title) ASC, id ASC",
} as const;

/** `%`, `_` and `\` are wildcards (and the escape) in a LIKE pattern: escaped, they match themselves. */
function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (wildcard) => `\\${wildcard}`)}%`;
}

const MAX_PER_PAGE = 50;

/** A whole number from 1 to `max`, from its text; undefined for anything else. */
function wholeNumber(text: string, max: number): number | undefined {
  if (!/^[1-9]\d{0,8}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}

/** Public notes, for everyone: no login needed. */
app.get("/notes", async (req) => {
  const sort = req.query.get("sort") ?? "newest";
  if (!Object.hasOwn(ORDERS, sort)) return [{ error: `sort must be one of ${Object.keys(ORDERS).join(", ")}` }, 400];
  const page = wholeNumber(req.query.get("page") ?? "1", 1_000_000);
  if (page === undefined) return [{ error: "page must be a whole number from 1" }, 400];
  const perPage = wholeNumber(req.query.get("per_page") ?? "20", MAX_PER_PAGE);
  if (perPage === undefined) return [{ error: `per_page must be a whole number from 1 to ${MAX_PER_PAGE}` }, 400];
  const db = await getDb(req);
  const { rows } = await db.query(
    `SELECT id, title, created_at FROM notes WHERE public AND title ILIKE $1 ESCAPE '\\' ORDER BY ${ORDERS[sort as keyof typeof ORDERS]} LIMIT $2 OFFSET $3`,
    [likeContaining(req.query.get("q") ?? ""), perPage, (page - 1) * perPage],
  );
  return { page, per_page: perPage, notes: rows };
});

/** One public note, for everyone. */
app.get("/notes/<int:id>", async (req) => {
  const db = await getDb(req);
  const { rows } = await db.query("SELECT id, title, body, created_at FROM notes WHERE public AND id = $1", [req.params.id]);
  return rows[0] ?? [{ error: "There is no such note." }, 404];
});
