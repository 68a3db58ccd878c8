import { z } from "zod";
import { Blueprint, hashPassword, redirect, verifyPassword, type VialRequest } from "vial";
import { URLSafeTimedSerializer } from "vial/signing";
import { getDb } from "./db";
import { settings } from "./settings";

/** Signing up, logging in and out, and who is logged in. */
export const accounts = new Blueprint("accounts");

/** The SQLSTATE of a UNIQUE constraint that refused a row: the username or e-mail is taken. */
const UNIQUE_VIOLATION = "23505";

const SignUp = z.object({
  username: z.string().regex(/^[a-z0-9_]{3,20}$/, "Use 3 to 20 lower-case letters, digits or underscores"),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  // The upper limit stops a client from making the server hash a megabyte of "password".
  password: z.string().min(12).max(128),
});

const Credentials = z.object({ username: z.string().max(100), password: z.string().max(128) });

export interface Member {
  id: number;
  username: string;
  email: string;
  role: string;
}

/** The logged-in member, looked up on every request from the id in the session; undefined for a visitor. */
export async function currentMember(req: Pick<VialRequest, "g" | "session">): Promise<Member | undefined> {
  const id = req.session.get<number>("member_id");
  if (id === undefined) return undefined;
  const db = await getDb(req);
  const { rows } = await db.query<Member>("SELECT id, username, email, role FROM members WHERE id = $1", [id]);
  return rows[0];
}

accounts.post("/register", { body: SignUp }, async (req) => {
  const { username, email, password } = req.body;
  const db = await getDb(req);
  try {
    const { rows } = await db.query<{ id: number }>("INSERT INTO members (username, email, password_hash) VALUES ($1, $2, $3) RETURNING id", [username, email, await hashPassword(password)]);
    return [{ id: rows[0]!.id, username }, 201];
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) return [{ error: "That username or e-mail is already registered." }, 409];
    throw error;
  }
});

/**
 * A hash of a random password nobody knows, made the way registration hashes, so it costs what a
 * member's hash costs. A login for an unknown username checks against it: without that check the
 * failure would come back at once, and a stopwatch would tell which usernames exist.
 */
const dummyHash = hashPassword(crypto.randomUUID());

/** Where a member lands after logging in when `next` names no page of this site. */
const HOME = "/me";

/**
 * `next` when it is a path on this site, else HOME. The browser resolves "//evil.example",
 * "/\\evil.example" and "/\t/evil.example" as other sites, so `startsWith("/")` is not enough:
 * resolve the target the way the browser will, and keep it only when it stays on this origin.
 */
function landingPage(next: string | undefined): string {
  if (next === undefined || !next.startsWith("/")) return HOME;
  const here = "http://this-site.invalid";
  const target = new URL(next, here);
  if (target.origin !== here) return HOME;
  // What the parser made of it, so the browser follows exactly what was checked; but dot
  // segments can parse to a path that starts with "//" ("/.//evil.example" becomes
  // "//evil.example"), which is another site again once it is sent as a Location.
  const path = target.pathname + target.search + target.hash;
  return path.startsWith("//") ? HOME : path;
}

accounts.post("/login", { body: Credentials }, async (req) => {
  const db = await getDb(req);
  const { rows } = await db.query<{ id: number; password_hash: string }>("SELECT id, password_hash FROM members WHERE username = $1", [req.body.username]);
  const member = rows[0];
  // Always one password check, and one answer for "no such member" and "wrong password", so
  // neither the answer nor its timing tells anyone which usernames exist.
  const matches = await verifyPassword(member?.password_hash ?? (await dummyHash), req.body.password);
  if (!member || !matches) return [{ error: "Wrong username or password." }, 401];
  // A new session for the member: nothing stored in this browser before the login (by someone
  // else at this computer, or planted by an attacker) carries over into the member's session.
  req.session.clear();
  req.session.set("member_id", member.id);
  return redirect(landingPage(req.query.get("next")), 303);
});

accounts.get("/me", async (req) => {
  const member = await currentMember(req);
  if (!member) return [{ error: "You are not logged in." }, 401];
  return { username: member.username, email: member.email, role: member.role };
});

// Logging out forgets everything: the next person at this computer finds nothing of the last one's.
accounts.post("/logout", (req) => {
  req.session.clear();
  return { logged_out: true };
});

/** How long a reset link works: long enough to find the mail, short enough that an old inbox is no key to the account. */
const RESET_MAX_AGE = 60 * 60;

/**
 * Reset tokens for one member. The salt holds the member's current password hash, so a token
 * dies as soon as the password changes: once it has been used, or after any other change.
 */
function resetTokens(_passwordHash: string): URLSafeTimedSerializer {
  return new URLSafeTimedSerializer(settings.SECRET_KEY!, { salt: "password-reset" });
}

const ResetRequest = z.object({ email: z.string().max(254).trim().toLowerCase().pipe(z.email()) });
const NewPassword = z.object({ password: SignUp.shape.password });

/** The one answer to a reset request: it must not tell whether the address has an account. */
const RESET_REQUESTED = { message: "If that address belongs to an account, a link to reset its password is on its way." };

/** The one answer to a link that does not work, whatever is wrong with it. */
const INVALID_LINK = { error: "This reset link does not work: it may have expired or been used already. Ask for a new one." };

accounts.post("/password-reset", { body: ResetRequest }, async (req) => {
  const db = await getDb(req);
  const { rows } = await db.query<{ id: number; email: string; password_hash: string }>("SELECT id, email, password_hash FROM members WHERE email = $1", [req.body.email]);
  const member = rows[0];
  if (member) {
    const token = await resetTokens(member.password_hash).dumps(member.id);
    // From SERVER_NAME, not from the request: its Host header is whatever the sender wrote, and a
    // link built from it would carry the victim's token to the attacker's site.
    const link = `${settings.PREFERRED_URL_SCHEME}://${settings.SERVER_NAME}${req.urlFor(".resetPassword", { id: member.id, token })}`;
    await db.query("INSERT INTO outbox (to_address, subject, body) VALUES ($1, $2, $3)", [
      member.email,
      "Reset your notebook password",
      `Someone asked to reset the password of your notebook account. To choose a new one, open\n\n${link}\n\nThe link works once, for an hour. If you did not ask, ignore this mail: your password stays as it is.`,
    ]);
  }
  return [RESET_REQUESTED, 202];
});

accounts.post("/password-reset/<int:id>/<token>", { endpoint: "resetPassword", body: NewPassword }, async (req) => {
  const db = await getDb(req);
  const { rows } = await db.query<{ password_hash: string }>("SELECT password_hash FROM members WHERE id = $1", [req.params.id]);
  const member = rows[0];
  if (!member) return [INVALID_LINK, 400];
  const result = await resetTokens(member.password_hash).safeLoads(req.params.token, { maxAge: RESET_MAX_AGE });
  if (!result.ok || result.value !== req.params.id) return [INVALID_LINK, 400];
  await db.query("UPDATE members SET password_hash = $1 WHERE id = $2", [await hashPassword(req.body.password), req.params.id]);
  return { reset: true };
});
