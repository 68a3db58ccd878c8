import { Vial, hashPassword, html, redirect, verifyPassword, type HtmlString } from "vial";
import { openPool, type Pool } from "./db";
import { useHealth } from "./health";
import { useLogging } from "./logging";

export { initDb } from "./db";

/** 32 random bytes as hex (getRandomValues works everywhere, randomUUID only on https pages). */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Waits `ms` milliseconds. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Notes as a CSV file: one title a line, each quoted, with its quotes doubled. */
function toCsv(titles: string[]): string {
  return ["title", ...titles.map((title) => `"${title.replaceAll('"', '""')}"`)].join("\r\n") + "\r\n";
}

/**
 * The members' notebook, now kept in PostgreSQL: members register, log in, keep short notes that
 * only they can read, export them, and log out. `createApp(config, pool)` makes an app that
 * reaches the database through `pool` (db.ts), by default one for `DATABASE_URL`.
 *
 * Settings (`config`):
 * - `SECRET_KEY`: signs the session cookie. Without one, the app makes a random key, so
 *   sessions end when it restarts.
 * - `DATABASE_URL`: the database, on a server; the lesson's own database when unset.
 * - `EXPORT_DELAY_MS`: how long the exports service takes to render a file (2 000 ms by
 *   default; it stands in for a service this sandbox cannot call).
 * - `TESTING: true`: hashes passwords with 1,000 PBKDF2 rounds instead of 600,000, so a test
 *   that registers members runs in milliseconds. Never in production.
 */
export function createApp(config: Record<string, unknown> = {}, pool: Pool = openPool(typeof config.DATABASE_URL === "string" ? config.DATABASE_URL : undefined)): Vial {
  const app = new Vial({ config: { SECRET_KEY: randomKey(), ...config } });
  // The log and the error pages: logging.ts. The health endpoints: health.ts.
  useLogging(app);
  useHealth(app, pool);
  const hashMethod = app.config.TESTING ? "pbkdf2:sha256:1000" : "pbkdf2:sha256:600000";
  const exportDelay = Number(app.config.EXPORT_DELAY_MS ?? 2000);

  function page(title: string, body: HtmlString): HtmlString {
    return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body>${body}</body></html>`;
  }

  const loginForm = html`<form method="post" action="/login">
  <input name="username" placeholder="Username"> <input name="password" type="password" placeholder="Password">
  <button>Log in</button>
</form>`;

  app.get("/", () => redirect("/notes"));

  app.get("/login", () => page("Log in", loginForm));

  app.post("/register", async (req) => {
    const form = await req.form();
    const username = form.get("username") ?? "";
    const password = form.get("password") ?? "";
    if (!/^[a-z0-9_]{3,30}$/.test(username)) return [page("Register", html`<p>A username is 3 to 30 of a-z, 0-9 and _.</p>`), 400];
    if (password.length < 8) return [page("Register", html`<p>A password has at least 8 characters.</p>`), 400];
    const passwordHash = await hashPassword(password, { method: hashMethod });
    const added = await pool.query("INSERT INTO members (username, password_hash) VALUES ($1, $2) ON CONFLICT (username) DO NOTHING RETURNING id", [username, passwordHash]);
    if (added.rowCount === 0) return [page("Register", html`<p>That username is taken.</p>`), 409];
    req.session.clear();
    req.session.set("member", username);
    return redirect("/notes", 303);
  });

  app.post("/login", async (req) => {
    const form = await req.form();
    const username = form.get("username") ?? "";
    const { rows } = await pool.query<{ password_hash: string }>("SELECT password_hash FROM members WHERE username = $1", [username]);
    const member = rows[0];
    if (!member || !(await verifyPassword(member.password_hash, form.get("password") ?? ""))) {
      return [page("Log in", html`<p>Wrong username or password.</p>${loginForm}`), 401];
    }
    // A new session at login: nothing an attacker planted in the old one survives.
    req.session.clear();
    req.session.set("member", username);
    return redirect("/notes", 303);
  });

  app.post("/logout", (req) => {
    req.session.clear();
    return redirect("/login", 303);
  });

  app.get("/notes", async (req) => {
    const member = req.session.get<string>("member");
    if (!member) return redirect("/login");
    const { rows } = await pool.query<{ title: string }>("SELECT n.title FROM notes n JOIN members m ON m.id = n.owner_id WHERE m.username = $1 ORDER BY n.id", [member]);
    return page("Your notes", html`<h1>Notes of ${member}</h1>
<ul>${rows.map((note) => html`<li>${note.title}</li>`)}</ul>
<form method="post" action="/notes"><input name="title"> <button>Add</button></form>
<p><a href="/notes/export">Export as CSV</a></p>
<form method="post" action="/logout"><button>Log out</button></form>`);
  });

  app.post("/notes", async (req) => {
    const member = req.session.get<string>("member");
    if (!member) return redirect("/login", 303);
    const title = ((await req.form()).get("title") ?? "").trim();
    if (!title || title.length > 200) return [page("Your notes", html`<p>A note has 1 to 200 characters.</p>`), 400];
    await pool.query("INSERT INTO notes (owner_id, title) SELECT id, $2 FROM members WHERE username = $1", [member, title]);
    return redirect("/notes", 303);
  });

  // The export takes a while (the exports service renders the file), and is recorded when it is
  // done: a request that a careless shutdown cuts in the middle loses that record.
  app.get("/notes/export", async (req) => {
    const member = req.session.get<string>("member");
    if (!member) return redirect("/login");
    const { rows } = await pool.query<{ title: string }>("SELECT n.title FROM notes n JOIN members m ON m.id = n.owner_id WHERE m.username = $1 ORDER BY n.id", [member]);
    await pause(exportDelay);
    await pool.query("INSERT INTO exports (owner_id, notes) SELECT id, $2 FROM members WHERE username = $1", [member, rows.length]);
    return [toCsv(rows.map((row) => row.title)), 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="notes.csv"' }];
  });

  return app;
}

/** The app the preview serves. */
export const app = createApp();
