import { z } from "zod";
import { Blueprint, csrf } from "vial";
import { getDb } from "./db";
import { currentMember } from "./members";

/** A small JSON API for the page's own scripts: a quick note from anywhere on the site. */
export const api = new Blueprint("api", { urlPrefix: "/api" });
// The API knows who is calling from the session cookie, which the browser attaches to a request
// another site makes it send, JSON or not: so it needs the token as much as the forms do. The
// page's scripts send it in the X-CSRF-Token header.
api.use(csrf());

const QuickNote = z.object({ title: z.string().trim().min(1).max(200), body: z.string().max(10_000).default("") });

api.post("/notes", { body: QuickNote }, async function quickNote(req) {
  const member = await currentMember(req);
  if (!member) return [{ error: "You are not logged in." }, 401];
  const db = await getDb(req);
  const { rows } = await db.query<{ id: number }>("INSERT INTO notes (owner_id, title, body) VALUES ($1, $2, $3) RETURNING id", [member.id, req.body.title, req.body.body]);
  return [{ id: rows[0]!.id }, 201];
});
