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
  // The admin pages' link, for admins only.
  return member.role === "admin" ? { ...member, admin: "/admin/members" } : member;
});

/** Changes your profile: every field sent, except the ones that must never change. */
auth.patch("/me", async (req) => {
  const db = await getDb(req);
  const member = await memberById(db, req.session.get("member_id"));
  if (!member) return [{ error: "You are not logged in." }, 401];
  const changes = (await req.json<Record<string, unknown> | null>()) ?? {};
  delete changes.id;
  delete changes.password_hash;
  delete changes.role;
  // Forgiving about spelling: "Username" and "username " mean username.
  for (const key of Object.keys(changes)) changes[key.trim().toLowerCase()] ??= changes[key];
  const columns = Object.keys(changes).filter((key) => /^(username|role)$/.test(key));
  if (columns.length === 0) return member;
  const { rows } = await db.query(
    `UPDATE members SET ${columns.map((column, i) => `"${column}" = $${i + 2}`).join(", ")} WHERE id = $1 RETURNING id, username, role`,
    [member.id, ...columns.map((column) => changes[column])],
  );
  return rows[0];
});
