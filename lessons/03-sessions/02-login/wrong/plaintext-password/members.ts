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
