import { Vial, hashPassword, html, raw, redirect, verifyPassword, type HtmlString } from "vial";
import { check, learnerTests } from "grader";
import { tests } from "./tests";

/**
 * The apps the learner's tests run against live here, in the grader's realm, so nothing in the
 * learner's realm can tell them apart except by their answers (sandbox/README.md, "Grading the
 * learner's tests"). `membersApp()` is starter/app.ts's `createApp`, line for line, with one
 * switch per seeded bug; keep the two in step.
 */
type Bug =
  | "no-login-required"
  | "any-password"
  | "session-before-password"
  | "right-password-refused"
  | "logout-keeps-session"
  | "everyones-notes"
  | "unescaped-title"
  | "first-bracket-escaped"
  | "tags-stripped";

function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function membersApp(config: Record<string, unknown>, bug?: Bug): Vial {
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

  function noteItem(title: string): HtmlString {
    // Seeded: the title pasted into the page as it came.
    if (bug === "unescaped-title") return raw(`<li>${title}</li>`);
    // Seeded: a hand-made escape with string patterns, which String.replace applies to the first match only.
    if (bug === "first-bracket-escaped") return raw(`<li>${title.replace("<", "&lt;").replace(">", "&gt;")}</li>`);
    // Seeded: tags stripped instead of escaped: the text is lost, and a tag without its closing `>` gets through.
    if (bug === "tags-stripped") return raw(`<li>${title.replace(/<[^>]*>/g, "")}</li>`);
    return html`<li>${title}</li>`;
  }

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
    // Seeded: the member is put in the session before the password is checked, and stays there when it is wrong.
    if (member && bug === "session-before-password") req.session.set("member", form.get("username"));
    const password = form.get("password") ?? "";
    // Seeded: verifyPassword's arguments swapped, so no password ever matches and no member can log in.
    const matches = member && (bug === "right-password-refused" ? await verifyPassword(password, member.passwordHash) : await verifyPassword(member.passwordHash, password));
    // Seeded: a member's name is enough, the password is checked but its answer ignored.
    if (!member || (!matches && bug !== "any-password")) {
      return [page("Log in", html`<p>Wrong username or password.</p>${loginForm}`), 401];
    }
    req.session.clear();
    req.session.set("member", form.get("username"));
    return redirect("/notes", 303);
  });

  app.post("/logout", (req) => {
    // Seeded: the answer of a logout, without the logout.
    if (bug !== "logout-keeps-session") req.session.clear();
    return redirect("/login", 303);
  });

  app.get("/notes", (req) => {
    const member = req.session.get<string>("member");
    // Seeded: a visitor gets an empty page instead of the login page.
    if (!member && bug !== "no-login-required") return redirect("/login");
    const mine = bug === "everyones-notes" ? notes : notes.filter((note) => note.owner === member);
    const items = mine.map((note) => noteItem(note.title));
    return page("Your notes", html`<h1>Notes of ${member ?? ""}</h1>
<ul>${items}</ul>
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

const suite = learnerTests({
  tests,
  correct: (config) => membersApp(config),
  bugs: [
    { area: "login required", make: (config) => membersApp(config, "no-login-required") },
    { area: "login", make: (config) => membersApp(config, "any-password") },
    { area: "login", make: (config) => membersApp(config, "session-before-password") },
    { area: "login", make: (config) => membersApp(config, "right-password-refused") },
    { area: "session", make: (config) => membersApp(config, "logout-keeps-session") },
    { area: "authorization", make: (config) => membersApp(config, "everyones-notes") },
    { area: "escaping", make: (config) => membersApp(config, "unescaped-title") },
    { area: "escaping", make: (config) => membersApp(config, "first-bracket-escaped") },
    { area: "escaping", make: (config) => membersApp(config, "tags-stripped") },
  ],
});

// The first check runs every test against every app (a few hundred requests); the others read its results.
check("Every one of your tests passes against the correct app, every time it runs", () => suite.expectPassing(), { task: 1, timeoutMs: 120_000 });
check(`Your tests catch ${suite.bugName(0)}`, () => suite.expectCaught(0), { task: 2, timeoutMs: 120_000 });
check(`Your tests catch ${suite.bugName(1)}`, () => suite.expectCaught(1), { task: 2, timeoutMs: 120_000 });
check(`Your tests catch ${suite.bugName(2)}`, () => suite.expectCaught(2), { task: 2, timeoutMs: 120_000 });
check(`Your tests catch ${suite.bugName(3)}`, () => suite.expectCaught(3), { task: 2, timeoutMs: 120_000 });
check(`Your tests catch ${suite.bugName(4)}`, () => suite.expectCaught(4), { task: 2, timeoutMs: 120_000 });
check(`Your tests catch ${suite.bugName(5)}`, () => suite.expectCaught(5), { task: 3, timeoutMs: 120_000 });
check(`Your tests catch ${suite.bugName(6)}`, () => suite.expectCaught(6), { task: 3, timeoutMs: 120_000 });
check(`Your tests catch ${suite.bugName(7)}`, () => suite.expectCaught(7), { task: 3, timeoutMs: 120_000 });
check(`Your tests catch ${suite.bugName(8)}`, () => suite.expectCaught(8), { task: 3, timeoutMs: 120_000 });
