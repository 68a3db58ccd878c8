/**
 * A small Vial app: `npm run example` serves it on http://127.0.0.1:5000 and restarts on change.
 */
import { Vial, abort, json, redirect } from "vial";

export const app = new Vial({ config: { SECRET_KEY: "dev-only-secret" } });
app.config.fromEnv("VIAL");

const notes = new Map<number, { id: number; text: string }>([[1, { id: 1, text: "Try /notes/1" }]]);

app.get("/", { endpoint: "index" }, () => `<h1>Hello from Vial</h1><p>See <a href="/notes">the notes</a>.</p>`);

app.get("/notes", { endpoint: "notes" }, () => [...notes.values()]);

app.get("/notes/<int:id>", { endpoint: "note" }, (req) => notes.get(req.params.id) ?? abort(404, `No note ${req.params.id}.`));

app.post("/notes", { endpoint: "create_note" }, async (req) => {
  const body = await req.json<{ text?: unknown }>();
  if (typeof body.text !== "string" || body.text === "") abort(400, 'Send JSON like {"text": "..."}.');
  const note = { id: notes.size + 1, text: body.text };
  notes.set(note.id, note);
  return json(note, { status: 201, headers: { location: app.urlFor("note", { id: note.id }) } });
});

app.get("/home", { endpoint: "home" }, () => redirect(app.urlFor("index")));

app.errorHandler(404, (err: Error, req) =>
  req.path.startsWith("/notes") ? json({ error: err.message }, { status: 404 }) : ["<h1>Not found</h1>", 404],
);
