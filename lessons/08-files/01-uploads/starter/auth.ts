import { abort, verifyPassword, type Session, type VialRequest } from "vial";
import { getDb } from "./db";

/**
 * A hash of a password nobody has, in the members' format: checking it when the username is
 * unknown makes that answer as slow as a wrong password, so timing does not tell who is a member.
 */
const DUMMY_HASH = "pbkdf2:sha256:1000$f4G5ElYGhkaip1K2$0b1c2e4f4b3f8a64a1d8f1e3b9d9e6b0a7c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6";

/** Checks a username and password against the members table; the member's id, or undefined. */
export async function logIn(req: VialRequest, username: string, password: string): Promise<number | undefined> {
  const db = await getDb(req);
  const { rows } = await db.query<{ id: number; password_hash: string }>("SELECT id, password_hash FROM members WHERE username = $1", [username]);
  const member = rows[0];
  const matches = await verifyPassword(member?.password_hash ?? DUMMY_HASH, password);
  return member && matches ? member.id : undefined;
}

/** The logged-in member's id, from the signed session cookie; undefined for a visitor. */
export function currentMemberId(session: Session): number | undefined {
  const id = session.get<number>("member_id");
  return typeof id === "number" ? id : undefined;
}

/** The logged-in member's id, or a 401 for a visitor: call it first in every route that needs a member. */
export function requireMember(req: VialRequest): number {
  return currentMemberId(req.session) ?? abort(401, "Log in first.");
}
