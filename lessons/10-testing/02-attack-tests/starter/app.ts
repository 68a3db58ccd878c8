import { Blueprint, Vial, abort, csrf, csrfToken, hashPassword, html, rateLimit, redirect, verifyPassword, type HtmlString, type VialRequest } from "vial";

/** 32 random bytes as hex (getRandomValues works everywhere, randomUUID only on https pages). */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function memberList(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  const valid = typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((password) => typeof password === "string");
  if (!valid) throw new TypeError('MEMBERS must be an object of usernames and passwords, such as { ada: "correct horse battery" }.');
  return value as Record<string, string>;
}

/**
 * The comment board: members log in, post short comments everyone logged in can read, and edit
 * or delete their own. `createApp(config)` makes a fresh app with its own members and comments
 * each time (they live in memory), which is what makes one app per test possible.
 *
 * Settings (`config`):
 * - `MEMBERS`: who can log in, as usernames and passwords: `{ ada: "correct horse battery" }`.
 * - `SECRET_KEY`: signs the session cookie. Without one, the app makes a random key.
 * - `TESTING: true`: hashes passwords with 1,000 PBKDF2 rounds instead of 600,000, so a test
 *   that logs members in runs in milliseconds. Never in production.
 *
 * `now` is where the app's time comes from (the login limit's window): a test can give it a
 * clock it moves, so a minute passes without waiting one.
 */
export function createApp(config: Record<string, unknown> = {}, now: () => number = Date.now): Vial {
  const app = new Vial({ config: { SECRET_KEY: randomKey(), ...config } });
  const hashMethod = app.config.TESTING ? "pbkdf2:sha256:1000" : "pbkdf2:sha256:600000";
  const members = new Map(Object.entries(memberList(app.config.MEMBERS)).map(([username, password]) => [username, hashPassword(password, { method: hashMethod })]));
  const comments: { id: number; author: string; text: string }[] = [];
  let nextId = 1;

  function page(title: string, body: HtmlString): HtmlString {
    return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body>${body}</body></html>`;
  }

  function csrfField(req: VialRequest): HtmlString {
    return html`<input type="hidden" name="csrf_token" value="${csrfToken(req)}">`;
  }

  function loginForm(req: VialRequest): HtmlString {
    return html`<form method="post" action="/login">${csrfField(req)}
  <input name="username" placeholder="Username"> <input name="password" type="password" placeholder="Password">
  <button>Log in</button>
</form>`;
  }

  function memberOf(req: VialRequest): string | undefined {
    return req.session.get<string>("member");
  }

  function ownComment(req: VialRequest, id: number) {
    const comment = comments.find((candidate) => candidate.id === id);
    if (!comment || comment.author !== memberOf(req)) abort(404, "There is no such comment of yours.");
    return comment;
  }

  function editForm(req: VialRequest, comment: { id: number; text: string }): HtmlString {
    return html`<form method="post" action="/comments/${comment.id}">${csrfField(req)}
  <input name="text" value="${comment.text}"> <button>Save</button>
</form>`;
  }

  const site = new Blueprint("site");
  site.use(csrf());
  // The login form's POST has a blueprint of its own, for its rate limit: five tries a minute per client.
  const auth = new Blueprint("auth");
  auth.use(csrf());
  auth.use(rateLimit({ window: 60, max: 5, name: "login", now }));

  app.get("/", () => redirect("/comments"));

  site.get("/login", (req) => page("Log in", loginForm(req)));

  auth.post("/login", async (req) => {
    const form = await req.form();
    const username = form.get("username") ?? "";
    const hash = members.get(username);
    if (!hash || !(await verifyPassword(await hash, form.get("password") ?? ""))) {
      return [page("Log in", html`<p>Wrong username or password.</p>${loginForm(req)}`), 401];
    }
    // A new session at login: nothing from before it survives, its CSRF token included.
    req.session.clear();
    req.session.set("member", username);
    return redirect("/comments", 303);
  });

  site.post("/logout", (req) => {
    req.session.clear();
    return redirect("/login", 303);
  });

  site.get("/comments", (req) => {
    const member = memberOf(req);
    if (!member) return redirect("/login");
    const items = comments.map(
      (comment) => html`<li>${comment.text} <small>by ${comment.author}</small>${
        comment.author === member
          ? html` <a href="/comments/${comment.id}/edit">Edit</a> <form method="post" action="/comments/${comment.id}/delete">${csrfField(req)}<button>Delete</button></form>`
          : ""
      }</li>`,
    );
    return page("Comments", html`<h1>Comments</h1>
<ul>${items}</ul>
<form method="post" action="/comments">${csrfField(req)}<input name="text"> <button>Add</button></form>
<form method="post" action="/logout">${csrfField(req)}<button>Log out (${member})</button></form>`);
  });

  function commentText(text: string | undefined): string {
    const trimmed = (text ?? "").trim();
    if (!trimmed || trimmed.length > 500) abort(400, "A comment has 1 to 500 characters.");
    return trimmed;
  }

  site.post("/comments", async (req) => {
    const member = memberOf(req);
    if (!member) return redirect("/login", 303);
    comments.push({ id: nextId++, author: member, text: commentText((await req.form()).get("text")) });
    return redirect("/comments", 303);
  });

  site.get("/comments/<int:id>/edit", (req) => {
    if (!memberOf(req)) return redirect("/login");
    return page("Edit your comment", editForm(req, ownComment(req, req.params.id as number)));
  });

  site.post("/comments/<int:id>", async (req) => {
    if (!memberOf(req)) return redirect("/login", 303);
    const comment = ownComment(req, req.params.id as number);
    comment.text = commentText((await req.form()).get("text"));
    return redirect("/comments", 303);
  });

  site.post("/comments/<int:id>/delete", (req) => {
    if (!memberOf(req)) return redirect("/login", 303);
    const comment = ownComment(req, req.params.id as number);
    comments.splice(comments.indexOf(comment), 1);
    return redirect("/comments", 303);
  });

  app.register(site);
  app.register(auth);
  return app;
}

/** The app the preview serves, with two members to try it with. */
export const app = createApp({ MEMBERS: { ada: "correct horse battery", grace: "staple paper clip" } });
