import { z } from "zod";
import { Blueprint, csrf, hashPassword, html, rateLimit, redirect, verifyPassword, type VialRequest } from "vial";
import { getDb } from "./db";
import { csrfField, layout } from "./pages";

/** Registering, logging in and out. */
export const accounts = new Blueprint("accounts");
accounts.use(csrf());

/** The SQLSTATE of a UNIQUE constraint that refused a row: the username is taken. */
const UNIQUE_VIOLATION = "23505";

// No role here: whoever registers is a member. A field the client may not choose stays out of
// the schema, so z.object drops it from what the handler sees.
const SignUp = z.object({
  username: z.string().regex(/^[a-z0-9_]{3,20}$/, "Use 3 to 20 lower-case letters, digits or underscores"),
  // The upper limit stops a client from making the server hash a megabyte of "password".
  password: z.string().min(12).max(128),
});

const Credentials = z.object({ username: z.string().max(100), password: z.string().max(128) });

accounts.get("/register", function registerPage(req) {
  return layout("Register", html`<h1>Register</h1>
<form method="post" action="/register">
  ${csrfField(req)}
  <input name="username" placeholder="Username"> <input name="password" type="password" placeholder="Password">
  <button>Register</button>
</form>`);
});

accounts.post("/register", { form: SignUp }, async function register(req) {
  const { username, password } = req.form;
  const db = await getDb(req);
  try {
    await db.query("INSERT INTO members (username, password_hash) VALUES ($1, $2)", [username, await hashPassword(password)]);
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) return [layout("Register", html`<p>That username is taken.</p>`), 409];
    throw error;
  }
  return redirect("/login", 303);
});

/** The login form. It has no `action`, so it posts to this page's own URL, `?next=` included. */
function loginPage(req: VialRequest): ReturnType<typeof layout> {
  return layout("Log in", html`<h1>Log in</h1>
<form method="post">
  ${csrfField(req)}
  <input name="username" placeholder="Username"> <input name="password" type="password" placeholder="Password">
  <button>Log in</button>
</form>
<p>New here? <a href="/register">Register</a>.</p>`);
}

accounts.get("/login", loginPage);

/**
 * Logging in, in a blueprint of its own so that its limit counts login attempts only: five a
 * minute per client is plenty for a person and far too few for a password guesser.
 */
export const signIn = new Blueprint("sign-in");
signIn.use(csrf());
signIn.use(rateLimit({ window: 60, max: 5 }));

/**
 * A hash of a random password nobody knows, made the way registration hashes, so it costs what a
 * member's hash costs: a login for an unknown username checks against it, so neither the answer
 * nor its timing tells anyone which usernames exist.
 */
const dummyHash = hashPassword(crypto.randomUUID());

/** Where a member lands after logging in when `next` names no page of this site. */
const HOME = "/";

/**
 * `next` when it is a path on this site, else HOME. The browser resolves "//evil.example",
 * "/\\evil.example" and "/\t/evil.example" as other sites, so `startsWith("/")` is not enough:
 * resolve the target the way the browser will, and keep it only when it stays on this origin.
 */
function landingPage(next: string | undefined): string {
  // A path on this site starts with a slash.
  return next?.startsWith("/") ? next : HOME;
}

signIn.post("/login", { form: Credentials }, async function login(req) {
  const db = await getDb(req);
  const { rows } = await db.query<{ id: number; password_hash: string }>("SELECT id, password_hash FROM members WHERE username = $1", [req.form.username]);
  const member = rows[0];
  // One password check and one answer, whether or not the member exists.
  const matches = await verifyPassword(member?.password_hash ?? (await dummyHash), req.form.password);
  if (!member || !matches) return [layout("Log in", html`<p>Wrong username or password. <a href="/login">Try again</a>.</p>`), 401];
  // A new session for the member: nothing from before the login (an attacker's planted cookie,
  // the CSRF secret its forms were made with) carries over.
  req.session.clear();
  req.session.set("member_id", member.id);
  return redirect(landingPage(req.query.get("next")), 303);
});

// Logging out forgets everything: the next person at this computer finds nothing of the last one's.
accounts.post("/logout", function logout(req) {
  req.session.clear();
  return redirect("/login", 303);
});
