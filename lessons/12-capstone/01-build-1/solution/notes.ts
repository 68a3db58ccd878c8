import { z } from "zod";
import { Blueprint, csrf, html, redirect } from "vial";
import { getDb } from "./db";
import { currentMember } from "./members";
import { csrfField, layout } from "./pages";

/** A member's notes: the list, adding and searching. */
export const notes = new Blueprint("notes");
notes.use(csrf());

// The limits match the table's CHECKs, so a note too long is a 400 with a reason, not a crash.
const NewNote = z.object({ title: z.string().trim().min(1).max(200), body: z.string().max(10_000).default("") });

interface Note {
  id: number;
  title: string;
}

notes.get("/", async function home(req) {
  const member = await currentMember(req);
  if (!member) return redirect("/login");
  const db = await getDb(req);
  const { rows } = await db.query<Note>("SELECT id, title FROM notes WHERE owner_id = $1 ORDER BY id", [member.id]);
  // html`` escapes every value it is given: a title is shown as text, whatever it holds.
  return layout("Your notes", html`<h1>Notes of ${member.username}</h1>
<ul>${rows.map((note) => html`<li>${note.title}</li>`)}</ul>
<form method="post" action="/notes">
  ${csrfField(req)}
  <input name="title" placeholder="Title"> <textarea name="body"></textarea>
  <button>Add</button>
</form>
<form method="get" action="/search"><input name="q" placeholder="Search your notes"> <button>Search</button></form>
<form method="post" action="/logout">${csrfField(req)}<button>Log out</button></form>`);
});

notes.post("/notes", { form: NewNote }, async function addNote(req) {
  const member = await currentMember(req);
  if (!member) return redirect("/login");
  const db = await getDb(req);
  // The owner comes from the session, never from the form.
  await db.query("INSERT INTO notes (owner_id, title, body) VALUES ($1, $2, $3)", [member.id, req.form.title, req.form.body]);
  return redirect("/", 303);
});

/** `%`, `_` and `\` are wildcards (and the escape) in a LIKE pattern: escaped, they match themselves. */
function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (wildcard) => `\\${wildcard}`)}%`;
}

notes.get("/search", async function search(req) {
  const member = await currentMember(req);
  if (!member) return redirect("/login");
  const q = req.query.get("q") ?? "";
  const db = await getDb(req);
  // The text travels as a parameter, never as SQL; its wildcards are escaped to match themselves.
  const { rows } = await db.query<Note>("SELECT id, title FROM notes WHERE owner_id = $1 AND title ILIKE $2 ESCAPE '\\' ORDER BY id", [member.id, likeContaining(q)]);
  // html`` escapes q and keeps the template's own <mark> tags.
  return layout("Search", html`<h1>Notes matching <mark>${q}</mark></h1>
<ul>${rows.map((note) => html`<li>${note.title}</li>`)}</ul>
<p><a href="/">All notes</a></p>`);
});
