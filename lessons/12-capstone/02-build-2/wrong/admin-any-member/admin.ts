import { Blueprint, csrf, html } from "vial";
import { getDb } from "./db";
import { currentMember } from "./members";
import { layout } from "./pages";

/** The admin's pages: who the members are. */
export const admin = new Blueprint("admin", { urlPrefix: "/admin" });
admin.use(csrf());

admin.get("/", async function members(req) {
  const member = await currentMember(req);
  if (!member) return [layout("Admin", html`<p>Please <a href="/login">log in</a>.</p>`), 401];
  const db = await getDb(req);
  const { rows } = await db.query<{ username: string; role: string }>("SELECT username, role FROM members ORDER BY username");
  return layout("Members", html`<h1>Members</h1>
<ul>${rows.map((row) => html`<li>${row.username} (${row.role})</li>`)}</ul>`);
});
