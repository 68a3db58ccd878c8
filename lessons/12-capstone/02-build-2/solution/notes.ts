import { z } from "zod";
import { Blueprint, csrf, html, redirect } from "vial";
import { getDb } from "./db";
import { currentMember } from "./members";
import { csrfField, layout } from "./pages";

/** A member's notes: the list, one note, adding, deleting and searching. */
export const notes = new Blueprint("notes");
notes.use(csrf());

const NewNote = z.object({ title: z.string().trim().min(1).max(200), body: z.string().max(10_000).default("") });

interface Note {
  id: number;
  title: string;
  body: string;
}

const notFound = () => [layout("Not found", html`<p>There is no such note.</p>`), 404] as const;

/** A visitor who is not logged in goes to the login page, and comes back here afterwards. */
const toLogin = (path: string) => redirect(`/login?next=${encodeURIComponent(path)}`);

notes.get("/", async function home(req) {
  const member = await currentMember(req);
  if (!member) return toLogin("/");
  const db = await getDb(req);
  const { rows } = await db.query<Note>("SELECT id, title FROM notes WHERE owner_id = $1 ORDER BY id", [member.id]);
  return layout("Your notes", html`<h1>Notes of ${member.username}</h1>
<ul>${rows.map((note) => html`<li><a href="/notes/${note.id}">${note.title}</a></li>`)}</ul>
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
  if (!member) return toLogin("/");
  const db = await getDb(req);
  const { rows } = await db.query<{ id: number }>("INSERT INTO notes (owner_id, title, body) VALUES ($1, $2, $3) RETURNING id", [member.id, req.form.title, req.form.body]);
  return redirect(`/notes/${rows[0]!.id}`, 303);
});

notes.get("/notes/<int:id>", async function showNote(req) {
  const member = await currentMember(req);
  if (!member) return toLogin(req.path);
  const db = await getDb(req);
  // Another member's note answers as a missing one: a 403 would tell that the note exists.
  const { rows } = await db.query<Note>("SELECT id, title, body FROM notes WHERE id = $1 AND owner_id = $2", [req.params.id, member.id]);
  const note = rows[0];
  if (!note) return notFound();
  return layout(note.title, html`<h1>${note.title}</h1>
<p>${note.body}</p>
<form method="post" action="/notes/${note.id}/delete">${csrfField(req)}<button>Delete</button></form>
<p><a href="/">All notes</a></p>`);
});

notes.post("/notes/<int:id>/delete", async function deleteNote(req) {
  const member = await currentMember(req);
  if (!member) return toLogin("/");
  const db = await getDb(req);
  const { rowCount } = await db.query("DELETE FROM notes WHERE id = $1 AND owner_id = $2", [req.params.id, member.id]);
  if (rowCount === 0) return notFound();
  return redirect("/", 303);
});

/** `%`, `_` and `\` are wildcards (and the escape) in a LIKE pattern: escaped, they match themselves. */
function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (wildcard) => `\\${wildcard}`)}%`;
}

notes.get("/search", async function search(req) {
  const member = await currentMember(req);
  if (!member) return toLogin("/search");
  const q = req.query.get("q") ?? "";
  const db = await getDb(req);
  // The text travels as a parameter, never as SQL; its wildcards are escaped to match themselves.
  const { rows } = await db.query<Note>("SELECT id, title FROM notes WHERE owner_id = $1 AND title ILIKE $2 ESCAPE '\\' ORDER BY id", [member.id, likeContaining(q)]);
  // html`` escapes q and keeps the template's own <mark> tags.
  return layout("Search", html`<h1>Notes matching <mark>${q}</mark></h1>
<ul>${rows.map((note) => html`<li><a href="/notes/${note.id}">${note.title}</a></li>`)}</ul>
<p><a href="/">All notes</a></p>`);
});
