/** The club's members. A real app would use a database; a module is enough to learn validation. */
import { hashPassword } from "vial";

export interface User {
  id: number;
  username: string;
  email: string;
  /** Werkzeug-format hash, never the password itself; it must never leave the server. */
  passwordHash: string;
  role: "member" | "admin";
  interests: string[];
  /** The day the member signed up, as YYYY-MM-DD. */
  joined: string;
}

export const users: User[] = [
  { id: 1, username: "ada", email: "ada@example.com", role: "admin", interests: ["chess", "maths"], joined: "2024-03-01",
    passwordHash: "scrypt:32768:8:1$owlYueqvE007g3Wk$890d6d727e0230bb7facab39f406c9396debb1a8cc4ce6c43dd055fd13884e6378ca70e853fdeebf7aee4d48bd7a1c51b78da9cc25347f906d294798cb122e40" },
  { id: 2, username: "grace", email: "grace@example.com", role: "member", interests: ["go", "hiking"], joined: "2024-03-01",
    passwordHash: "scrypt:32768:8:1$Avs8GXQc8Agdvnd8$5a396f584639099be22346af3c7f9813b7aad9195b10cafe3060461323dc6eb1429cc97d4040bd8480d2a097f3ea9dea6f3ae46091f82d0516afa0a7cb4b8313" },
  { id: 3, username: "alan", email: "alan@example.com", role: "member", interests: ["chess", "hiking", "poetry"], joined: "2024-05-17",
    passwordHash: "scrypt:32768:8:1$cd7pp8tdHM67ZCfb$8d6e4b9fab886ae1bfc13f34e9688d38b97481f2c3e37de7613d42695ffd33ed5b7383e03b193bad5997943000695661ac533732cd7d0fe8502c70eb2957009c" },
  { id: 4, username: "barbara", email: "barbara@example.com", role: "member", interests: ["chess"], joined: "2024-06-02",
    passwordHash: "scrypt:32768:8:1$O7Mdf5Ru4gO4wKRi$2c14cc8a149b81a16e677131401d19d8b50b428e3b2acee6df9ba495adf7bea6585d3867113bf8a73c3699cd0ffd96fbdf04673085cb9b584c74100148902626" },
  { id: 5, username: "edsger", email: "edsger@example.com", role: "member", interests: ["maths", "poetry"], joined: "2024-06-02",
    passwordHash: "scrypt:32768:8:1$cwFzE5ksTACOxK16$51fc04b95ad31e90e61619ecb3b8f3fd608eaa4c42508a39bd48235d323b96a57ae57424437a85bec74ec31e5abd5ce7818a50cc3e1fc6d1a5115b1fd9c1f2ee" },
];

/** What a sign-up needs. Whoever calls `addUser` must make sure the fields really are these. */
export interface NewUser {
  username: string;
  email: string;
  password: string;
  interests: string[];
}

/** Stores a new member (always a plain member, never an admin) with a hash of their password. */
export async function addUser(fields: NewUser): Promise<User> {
  const user: User = {
    id: Math.max(0, ...users.map((existing) => existing.id)) + 1,
    username: fields.username,
    email: fields.email,
    passwordHash: await hashPassword(fields.password),
    role: "member",
    interests: fields.interests,
    joined: new Date().toISOString().slice(0, 10),
  };
  users.push(user);
  return user;
}

/** What anyone may see of a member. */
export function publicProfile(user: User) {
  return { id: user.id, username: user.username, role: user.role, interests: user.interests, joined: user.joined };
}

/** What the member themselves may see: their profile and their email. */
export function account(user: User) {
  return { ...publicProfile(user), email: user.email };
}
