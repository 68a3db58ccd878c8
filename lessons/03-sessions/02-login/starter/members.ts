/**
 * The library's members. Only a hash of each password is stored, never the password: if this
 * table leaks, the passwords do not. The demo passwords are in the lesson text.
 *
 * The hashes are PBKDF2 with 600,000 rounds, in Werkzeug's format, made with
 * `hashPassword(password, { method: "pbkdf2:sha256:600000" })`.
 */

export interface Member {
  id: number;
  username: string;
  name: string;
  passwordHash: string;
}

export const members: Member[] = [
  {
    id: 1,
    username: "ada",
    name: "Ada Lovelace",
    passwordHash: "pbkdf2:sha256:600000$EXch6DLGijPEMzQD$119c317704cdd22fee8f2b99a2f9f1ddaf3c121af43f4ca13c3884b5f0f572b7",
  },
  {
    id: 2,
    username: "grace",
    name: "Grace Hopper",
    passwordHash: "pbkdf2:sha256:600000$vOT9Os6bWE3a2ljU$56ac0f75d4af1c2246b6762a18059d84f1606235029c002ebfa9987ac0fbc7b7",
  },
];

/** Adds a member (a sign-up form would, later; the checks do, with a random password). */
export function addMember(member: Member): void {
  members.push(member);
}
