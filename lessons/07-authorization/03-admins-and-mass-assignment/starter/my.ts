import { Blueprint, type VialRequest } from "vial";
import { getDb } from "./db";
import { memberById, type Member } from "./members";

/** The logged-in member's own notebook: every route here is for members only. */
export const my = new Blueprint("my", { urlPrefix: "/my" });

/**
 * The guard: runs before every route of this blueprint, including the ones added later, so no
 * route can forget it. The member is looked up on every request, from the id in the signed
 * session only: a deleted member's old cookie is worth nothing, and no other cookie counts.
 */
my.beforeRequest(async (req) => {
  const member = await memberById(await getDb(req), req.session.get("member_id"));
  if (!member) return [{ error: "Log in to see your notebook." }, 401];
  req.g.member = member;
  return undefined;
});

/** The member this request belongs to, which the guard put in `req.g.member`. */
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

/** The SQLSTATE of a CHECK constraint that refused a row (a title too long or empty). */
const CHECK_VIOLATION = "23514";

/**
 * Imports notes into your own notebook, all or none. The owner is the logged-in member, never a
 * field of the request: a client that could name the owner could fill anyone's notebook.
 */
my.post("/notes/import", async (req) => {
  const { notes } = (await req.json<{ notes?: unknown } | null>()) ?? {};
  if (!Array.isArray(notes) || notes.length === 0 || notes.length > 100) {
    return [{ error: "send { notes: [{ title, body }] } with 1 to 100 notes" }, 400];
  }
  const db = await getDb(req);
  try {
    const ids = await db.transaction(async (tx) => {
      const created: number[] = [];
      for (const note of notes as { title?: unknown; body?: unknown }[]) {
        const { rows } = await tx.query<{ id: number }>("INSERT INTO notes (owner_id, title, body) VALUES ($1, $2, $3) RETURNING id", [currentMember(req).id, String(note.title ?? ""), String(note.body ?? "")]);
        created.push(rows[0]!.id);
      }
      return created;
    });
    return [{ ids }, 201];
  } catch (error) {
    if ((error as { code?: string }).code === CHECK_VIOLATION) return [{ error: "every note needs a title of 1 to 200 characters; nothing was imported" }, 400];
    throw error;
  }
});

/**
 * The one answer for "no such note" and "not your note": the same status and the same body, so
 * no member can learn which ids exist by trying them.
 */
const NO_SUCH_NOTE: [{ error: string }, number] = [{ error: "There is no such note." }, 404];

// Every statement below names the owner beside the id: the row must be this member's for the
// statement to see it at all, so there is no gap between checking and acting.

/** One of your notes. */
my.get("/notes/<int:id>", async (req) => {
  const db = await getDb(req);
  const { rows } = await db.query("SELECT id, title, body, public, created_at FROM notes WHERE id = $1 AND owner_id = $2", [req.params.id, currentMember(req).id]);
  return rows[0] ?? NO_SUCH_NOTE;
});

/** Changes one of your notes: its title, body and whether it is public. */
my.put("/notes/<int:id>", async (req) => {
  const input = await req.json<{ title?: unknown; body?: unknown; public?: unknown } | null>();
  if (typeof input?.title !== "string" || input.title.length < 1 || input.title.length > 200 || typeof input.body !== "string" || typeof input.public !== "boolean") {
    return [{ error: "send { title (1 to 200 characters), body, public (true or false) }" }, 400];
  }
  const db = await getDb(req);
  const { rows } = await db.query(
    "UPDATE notes SET title = $3, body = $4, public = $5 WHERE id = $1 AND owner_id = $2 RETURNING id, title, body, public",
    [req.params.id, currentMember(req).id, input.title, input.body, input.public],
  );
  return rows[0] ?? NO_SUCH_NOTE;
});

/** Deletes one of your notes. */
my.delete("/notes/<int:id>", async (req) => {
  const db = await getDb(req);
  const { rows } = await db.query("DELETE FROM notes WHERE id = $1 AND owner_id = $2 RETURNING id", [req.params.id, currentMember(req).id]);
  return rows.length > 0 ? ["", 204] : NO_SUCH_NOTE;
});

/** Changes some fields of one of your notes: every field sent, except the ones that must never change. */
my.patch("/notes/<int:id>", async (req) => {
  const changes = (await req.json<Record<string, unknown> | null>()) ?? {};
  delete changes.id;
  delete changes.owner_id;
  const columns = Object.keys(changes).filter((key) => /^[a-z_]+$/.test(key));
  const db = await getDb(req);
  const { rows } = await db.query(
    `UPDATE notes SET ${["id = id", ...columns.map((column, i) => `"${column}" = $${i + 3}`)].join(", ")} WHERE id = $1 AND owner_id = $2 RETURNING id, title, body, public`,
    [req.params.id, currentMember(req).id, ...columns.map((column) => changes[column])],
  );
  return rows[0] ?? NO_SUCH_NOTE;
});
