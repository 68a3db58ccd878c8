import { z } from "zod";
import { Blueprint, verifyPassword } from "vial";
import { getDb } from "./db";
import { credentialsOf, memberById } from "./members";

/** Logging in and out, as the sessions chapter taught it, with the members now in the database. */
export const auth = new Blueprint("auth");

/**
 * A hash of a password nobody has, at the cost of real ones: an unknown username costs one
 * password check too, so timing does not tell which usernames exist.
 */
const DUMMY_HASH = "pbkdf2:sha256:600000$f4G5ElYGhkaip1K2$54fc540e3f4f726cac435fec7bc26a1b39bc7c7088563947b805fec8e9e307c8";

auth.post("/login", async (req) => {
  const input = await req.json<{ username?: unknown; password?: unknown } | null>();
  if (typeof input?.username !== "string" || typeof input.password !== "string") {
    return [{ error: 'Send {"username": ..., "password": ...}.' }, 400];
  }
  const member = await credentialsOf(await getDb(req), input.username);
  const matches = await verifyPassword(member?.password_hash ?? DUMMY_HASH, input.password);
  if (!member || !matches) return [{ error: "Wrong username or password." }, 401];
  // A new session at login: nothing from before it (a planted session id, old data) carries over.
  req.session.clear();
  req.session.set("member_id", member.id);
  return { id: member.id, username: input.username };
});

auth.post("/logout", (req) => {
  req.session.clear();
  return { loggedOut: true };
});

auth.get("/me", async (req) => {
  const member = await memberById(await getDb(req), req.session.get("member_id"));
  if (!member) return [{ error: "You are not logged in." }, 401];
  // The admin pages' link, for admins only: a convenience; the admin blueprint's guard is the check.
  return member.role === "admin" ? { ...member, admin: "/admin/members" } : member;
});

/**
 * What a member may change about themselves: their username, and nothing else. A strict schema
 * refuses every other key with a 422, however it is spelled (`role`, `Role`, `is_admin`, a
 * notes column), instead of listing the keys to drop and missing the next one.
 */
const ProfileChange = z.strictObject({
  username: z.string().regex(/^[a-z0-9_]{3,30}$/, "Use 3 to 30 lower-case letters, digits or underscores"),
});

/** The SQLSTATE of a UNIQUE constraint that refused a row: the username is taken. */
const UNIQUE_VIOLATION = "23505";

auth.patch("/me", async (req) => {
  const change = ProfileChange.safeParse(await req.json<unknown>().catch(() => undefined));
  const db = await getDb(req);
  const member = await memberById(db, req.session.get("member_id"));
  if (!member) return [{ error: "You are not logged in." }, 401];
  if (!change.success) return [{ error: "send only your new username", issues: change.error.issues.map((issue) => issue.message) }, 422];
  try {
    const { rows } = await db.query("UPDATE members SET username = $2 WHERE id = $1 RETURNING id, username, role", [member.id, change.data.username]);
    return rows[0];
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) return [{ error: "That username is taken." }, 409];
    throw error;
  }
});
