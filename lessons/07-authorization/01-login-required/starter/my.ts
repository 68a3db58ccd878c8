import { Blueprint, type VialRequest } from "vial";
import { getDb } from "./db";
import type { Member } from "./members";

/** The logged-in member's own notebook: every route here is for members only. */
export const my = new Blueprint("my", { urlPrefix: "/my" });

/** The member this request belongs to, which the blueprint's guard puts in `req.g.member`. */
function currentMember(req: VialRequest): Member {
  return req.g.member as Member;
}

/** Your notes, private ones too, newest first. */
my.get("/notes", async (req) => {
  const db = await getDb(req);
  const { rows } = await db.query("SELECT id, title, body, public, created_at FROM notes WHERE owner_id = $1 ORDER BY created_at DESC, id DESC", [currentMember(req).id]);
  return { notes: rows };
});

/** A new note in your notebook. */
my.post("/notes", async (req) => {
  const input = await req.json<{ title?: unknown; body?: unknown; public?: unknown } | null>();
  if (typeof input?.title !== "string" || input.title.length < 1 || input.title.length > 200) {
    return [{ error: "title must be text of 1 to 200 characters" }, 400];
  }
  const db = await getDb(req);
  const { rows } = await db.query(
    "INSERT INTO notes (owner_id, title, body, public) VALUES ($1, $2, $3, $4) RETURNING id, title, body, public",
    [currentMember(req).id, input.title, typeof input.body === "string" ? input.body : "", input.public === true],
  );
  return [rows[0], 201];
});
