/** The library's members, with their passwords. */

export interface Member {
  id: number;
  username: string;
  name: string;
  password: string;
}

export const members: Member[] = [
  {
    id: 1,
    username: "ada",
    name: "Ada Lovelace",
    password: "correct horse battery staple",
  },
  {
    id: 2,
    username: "grace",
    name: "Grace Hopper",
    password: "grace-hopper-cobol-1959",
  },
];

/** Adds a member (the checks do, with a random password). */
export function addMember(member: Member): void {
  members.push(member);
}
