import type { VialRequest } from "vial";
import { getDb } from "./db";

export interface Member {
  id: number;
  username: string;
  role: "member" | "admin";
}

/** The logged-in member, looked up on every request from the id in the session; undefined for a visitor. */
export async function currentMember(req: Pick<VialRequest, "g" | "session">): Promise<Member | undefined> {
  const id = req.session.get<number>("member_id");
  if (id === undefined) return undefined;
  const db = await getDb(req);
  const { rows } = await db.query<Member>("SELECT id, username, role FROM members WHERE id = $1", [id]);
  return rows[0];
}
