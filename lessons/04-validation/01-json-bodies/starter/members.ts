/**
 * The library's members. Only a hash of each password is stored, never the password: if this
 * table leaks, the passwords do not. The demo passwords of ada and grace are in the sessions
 * chapter; nobody knows the others'.
 *
 * The hashes are PBKDF2 with 600,000 rounds, in Werkzeug's format, made with
 * `hashPassword(password, { method: "pbkdf2:sha256:600000" })`.
 */
import { hashPassword } from "vial";

export interface Member {
  id: number;
  username: string;
  name: string;
  /** Personal data: the member may see it, nobody else. */
  email: string;
  /** Werkzeug-format hash, never the password itself; it must never leave the server. */
  passwordHash: string;
  role: "member" | "admin";
  interests: string[];
  /** The day the member signed up, as YYYY-MM-DD. */
  joined: string;
}

export const members: Member[] = [
  { id: 1, username: "ada", name: "Ada Lovelace", email: "ada@example.com", role: "admin", interests: ["chess", "maths"], joined: "2024-03-01",
    passwordHash: "pbkdf2:sha256:600000$EXch6DLGijPEMzQD$119c317704cdd22fee8f2b99a2f9f1ddaf3c121af43f4ca13c3884b5f0f572b7" },
  { id: 2, username: "grace", name: "Grace Hopper", email: "grace@example.com", role: "member", interests: ["go", "hiking"], joined: "2024-03-01",
    passwordHash: "pbkdf2:sha256:600000$vOT9Os6bWE3a2ljU$56ac0f75d4af1c2246b6762a18059d84f1606235029c002ebfa9987ac0fbc7b7" },
  { id: 3, username: "alan", name: "Alan Turing", email: "alan@example.com", role: "member", interests: ["chess", "hiking", "poetry"], joined: "2024-05-17",
    passwordHash: "pbkdf2:sha256:600000$pv2KZ6yDrtoVAFYK$5a529fb959eea8fdebac1e2ad3f307614049b7a4f00ad7e53f15354166ec2ad0" },
  { id: 4, username: "barbara", name: "Barbara Liskov", email: "barbara@example.com", role: "member", interests: ["chess"], joined: "2024-06-02",
    passwordHash: "pbkdf2:sha256:600000$lroVnonzp2HdAuPB$07288a0e878d7b82c1d1ced72eae3b69eaaf06a319eef0f2536613f47ae5c279" },
  { id: 5, username: "edsger", name: "Edsger Dijkstra", email: "edsger@example.com", role: "member", interests: ["maths", "poetry"], joined: "2024-06-02",
    passwordHash: "pbkdf2:sha256:600000$MgaddQyE8GlI8mrA$9ea5ea3a30dc23fb97d2fa688b42b4df3ab28eeb09f7fac6669c6a62f19c3660" },
];

/** What a sign-up needs. Whoever calls `createMember` must make sure the fields really are these. */
export interface NewMember {
  username: string;
  email: string;
  password: string;
  interests: string[];
}

/**
 * Stores a new member (always a plain member, never an admin) with a hash of their password. The
 * display name starts as the username.
 */
export async function createMember(fields: NewMember): Promise<Member> {
  const member: Member = {
    id: Math.max(0, ...members.map((existing) => existing.id)) + 1,
    username: fields.username,
    name: fields.username,
    email: fields.email,
    passwordHash: await hashPassword(fields.password, { method: "pbkdf2:sha256:600000" }),
    role: "member",
    interests: fields.interests,
    joined: new Date().toISOString().slice(0, 10),
  };
  members.push(member);
  return member;
}

/** What anyone may see of a member. */
export function publicProfile(member: Member) {
  return { id: member.id, username: member.username, name: member.name, role: member.role, interests: member.interests, joined: member.joined };
}

/** What the member themselves may see: their profile and their email. */
export function account(member: Member) {
  return { ...publicProfile(member), email: member.email };
}
