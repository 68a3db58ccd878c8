import { Blueprint, type VialRequest } from "vial";
import { getDb } from "./db";
import type { Member } from "./members";

/**
 * The admins' pages. GET /me only shows admins the link to them, so members never see them.
 */
export const admin = new Blueprint("admin", { urlPrefix: "/admin" });

/** The admin this request belongs to. */
function currentAdmin(req: VialRequest): Member {
  return req.g.member as Member;
}

/** Every member, with their role. */
admin.get("/members", async (req) => {
  const db = await getDb(req);
  const { rows } = await db.query("SELECT id, username, role FROM members ORDER BY id");
  return { members: rows };
});

/** Makes a member an admin, or an admin a member again; an admin cannot demote themselves, so one is always left. */
admin.put("/members/<int:id>/role", async (req) => {
  const input = await req.json<{ role?: unknown } | null>();
  if (input?.role !== "member" && input?.role !== "admin") return [{ error: 'role must be "member" or "admin"' }, 400];
  if (currentAdmin(req)?.id === req.params.id && input.role !== "admin") return [{ error: "You cannot demote yourself." }, 400];
  const db = await getDb(req);
  const { rows } = await db.query("UPDATE members SET role = $2 WHERE id = $1 RETURNING id, username, role", [req.params.id, input.role]);
  return rows[0] ?? [{ error: "There is no such member." }, 404];
});

/** Removes any member's note: moderation. */
admin.delete("/notes/<int:id>", async (req) => {
  const db = await getDb(req);
  const { rows } = await db.query("DELETE FROM notes WHERE id = $1 RETURNING id", [req.params.id]);
  return rows.length > 0 ? ["", 204] : [{ error: "There is no such note." }, 404];
});
