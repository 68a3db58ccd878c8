import { connect, type Database } from "vial/db";

/** A member as the app uses them: never the password hash. */
export interface Member {
  id: number;
  username: string;
  role: "member" | "admin";
}

/** The member with this id, or undefined (an old session can outlive its member). */
export async function memberById(db: Database, id: unknown): Promise<Member | undefined> {
  if (!Number.isSafeInteger(id)) return undefined;
  const { rows } = await db.query<Member>("SELECT id, username, role FROM members WHERE id = $1", [id]);
  return rows[0];
}

/** The id and password hash of the member with this username, for logging in. */
export async function credentialsOf(db: Database, username: string): Promise<{ id: number; password_hash: string } | undefined> {
  const { rows } = await db.query<{ id: number; password_hash: string }>("SELECT id, password_hash FROM members WHERE username = $1", [username]);
  return rows[0];
}

/**
 * Adds a member with an already hashed password, and answers their id: the sign-up's data step,
 * which the checks also use to add members of their own.
 */
export async function addMember(username: string, passwordHash: string, role: Member["role"] = "member"): Promise<number> {
  const db = await connect();
  try {
    const { rows } = await db.query<{ id: number }>("INSERT INTO members (username, password_hash, role) VALUES ($1, $2, $3) RETURNING id", [username, passwordHash, role]);
    return rows[0]!.id;
  } finally {
    await db.close();
  }
}
