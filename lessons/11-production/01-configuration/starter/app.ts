import { Vial, hashPassword, html, redirect, verifyPassword, type HtmlString } from "vial";

/** 32 random bytes as hex (getRandomValues works everywhere, randomUUID only on https pages). */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The members' notebook: members register, log in, keep short notes that only they can read,
 * and log out. `createApp(config)` makes a fresh app with its own members and notes each time
 * (they live in memory), which is what makes one app per test possible.
 *
 * Settings (`config`):
 * - `SECRET_KEY`: signs the session cookie. Without one, the app makes a random key, so
 *   sessions end when it restarts.
 * - `TESTING: true`: hashes passwords with 1,000 PBKDF2 rounds instead of 600,000, so a test
 *   that registers members runs in milliseconds. Never in production.
 */
export function createApp(config: Record<string, unknown> = {}): Vial {
  const app = new Vial({ config: { SECRET_KEY: randomKey(), ...config } });
  const hashMethod = app.config.TESTING ? "pbkdf2:sha256:1000" : "pbkdf2:sha256:600000";
  const members = new Map<string, { passwordHash: string }>();
  const notes: { owner: string; title: string }[] = [];

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
    if (members.has(username)) return [page("Register", html`<p>That username is taken.</p>`), 409];
    members.set(username, { passwordHash: await hashPassword(password, { method: hashMethod }) });
    req.session.clear();
    req.session.set("member", username);
    return redirect("/notes", 303);
  });

  app.post("/login", async (req) => {
    const form = await req.form();
    const member = members.get(form.get("username") ?? "");
    if (!member || !(await verifyPassword(member.passwordHash, form.get("password") ?? ""))) {
      return [page("Log in", html`<p>Wrong username or password.</p>${loginForm}`), 401];
    }
    // A new session at login: nothing an attacker planted in the old one survives.
    req.session.clear();
    req.session.set("member", form.get("username"));
    return redirect("/notes", 303);
  });

  app.post("/logout", (req) => {
    req.session.clear();
    return redirect("/login", 303);
  });

  app.get("/notes", (req) => {
    const member = req.session.get<string>("member");
    if (!member) return redirect("/login");
    const mine = notes.filter((note) => note.owner === member);
    return page("Your notes", html`<h1>Notes of ${member}</h1>
<ul>${mine.map((note) => html`<li>${note.title}</li>`)}</ul>
<form method="post" action="/notes"><input name="title"> <button>Add</button></form>
<form method="post" action="/logout"><button>Log out</button></form>`);
  });

  app.post("/notes", async (req) => {
    const member = req.session.get<string>("member");
    if (!member) return redirect("/login", 303);
    const title = ((await req.form()).get("title") ?? "").trim();
    if (!title || title.length > 200) return [page("Your notes", html`<p>A note has 1 to 200 characters.</p>`), 400];
    notes.push({ owner: member, title });
    return redirect("/notes", 303);
  });

  return app;
}

/** The app the preview serves. */
export const app = createApp();
