import { Blueprint, Vial, abort, csrf, csrfToken, hashPassword, html, raw, rateLimit, redirect, verifyPassword, type HtmlString, type VialRequest } from "vial";
import { check, learnerTests, type AppClock } from "grader";
import { tests } from "./tests";

/**
 * The apps the learner's attack tests run against live here, in the grader's realm
 * (sandbox/README.md, "Grading the learner's tests"). `boardApp()` is starter/app.ts's
 * `createApp`, line for line, with one switch per seeded bug; keep the two in step.
 */
type Bug =
  | "quote-unescaped"
  | "csrf-skipped-on-delete"
  | "limit-keyed-on-cookie"
  | "limit-window-in-milliseconds"
  | "session-kept-at-login"
  | "anyone-deletes";

function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function memberList(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  const valid = typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((password) => typeof password === "string");
  if (!valid) throw new TypeError('MEMBERS must be an object of usernames and passwords, such as { ada: "correct horse battery" }.');
  return value as Record<string, string>;
}

function boardApp(config: Record<string, unknown>, clock: AppClock, bug?: Bug): Vial {
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
    // Seeded: any member's comment will do, not only their own.
    if (!comment || (comment.author !== memberOf(req) && bug !== "anyone-deletes")) abort(404, "There is no such comment of yours.");
    return comment;
  }

  function editForm(req: VialRequest, comment: { id: number; text: string }): HtmlString {
    // Seeded: a hand-made escape that turns `<` into `&lt;` and nothing else, inside a quoted attribute.
    const value = bug === "quote-unescaped" ? raw(`value="${comment.text.replaceAll("<", "&lt;")}"`) : html`value="${comment.text}"`;
    return html`<form method="post" action="/comments/${comment.id}">${csrfField(req)}
  <input name="text" ${value}> <button>Save</button>
</form>`;
  }

  const site = new Blueprint("site");
  site.use(csrf());
  // The login form's POST has a blueprint of its own, for its rate limit: five tries a minute per client.
  const auth = new Blueprint("auth");
  auth.use(csrf());
  // Seeded: the limit counts per session cookie, which a guesser simply leaves out or renews.
  const key = bug === "limit-keyed-on-cookie" ? { key: (req: VialRequest) => req.cookies.session ?? "no cookie" } : {};
  // Seeded: a window written in milliseconds where rateLimit takes seconds: a lockout of 16 hours.
  const window = bug === "limit-window-in-milliseconds" ? 60_000 : 60;
  auth.use(rateLimit({ window, max: 5, name: "login", now: clock.now, ...key }));

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
    // Seeded: the session from before the login is kept.
    if (bug !== "session-kept-at-login") req.session.clear();
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

  // Seeded: the delete route added to the app itself, outside the blueprint that checks CSRF tokens.
  (bug === "csrf-skipped-on-delete" ? app : site).post("/comments/<int:id>/delete", (req) => {
    if (!memberOf(req)) return redirect("/login", 303);
    const comment = ownComment(req, req.params.id as number);
    comments.splice(comments.indexOf(comment), 1);
    return redirect("/comments", 303);
  });

  app.register(site);
  app.register(auth);
  return app;
}

const suite = learnerTests({
  tests,
  correct: (config, clock) => boardApp(config, clock),
  bugs: [
    { area: "escaping", make: (config, clock) => boardApp(config, clock, "quote-unescaped") },
    { area: "CSRF", make: (config, clock) => boardApp(config, clock, "csrf-skipped-on-delete") },
    { area: "brute force", make: (config, clock) => boardApp(config, clock, "limit-keyed-on-cookie") },
    { area: "brute force", make: (config, clock) => boardApp(config, clock, "limit-window-in-milliseconds") },
    { area: "session", make: (config, clock) => boardApp(config, clock, "session-kept-at-login") },
    { area: "authorization", make: (config, clock) => boardApp(config, clock, "anyone-deletes") },
  ],
});

// The first check runs every test against every app; the others read its results.
check("Every one of your tests passes against the correct app, every time it runs", () => suite.expectPassing(), { task: 1, timeoutMs: 120_000 });
check(`Your tests catch ${suite.bugName(0)}`, () => suite.expectCaught(0), { task: 1, timeoutMs: 120_000 });
check(`Your tests catch ${suite.bugName(1)}`, () => suite.expectCaught(1), { task: 2, timeoutMs: 120_000 });
check(`Your tests catch ${suite.bugName(2)}`, () => suite.expectCaught(2), { task: 2, timeoutMs: 120_000 });
check(`Your tests catch ${suite.bugName(3)}`, () => suite.expectCaught(3), { task: 2, timeoutMs: 120_000 });
check(`Your tests catch ${suite.bugName(4)}`, () => suite.expectCaught(4), { task: 3, timeoutMs: 120_000 });
check(`Your tests catch ${suite.bugName(5)}`, () => suite.expectCaught(5), { task: 3, timeoutMs: 120_000 });
