import { verifyPassword } from "vial";

/**
 * The guestbook's one account. Passwords are stored only as hashes. This hash uses 10,000 PBKDF2
 * rounds so the checks run quickly; a real app keeps `hashPassword`'s much slower default.
 */
const USERS: Record<string, string> = {
  ada: "pbkdf2:sha256:10000$evXBY3YbmKteNNsp$dfb7de5886e5a9df733c0b04d92df3f397bfc1399293dbc44f7722668deb363a",
};

/** Whether the username exists and the password is its password ("correct horse battery staple" for ada). */
/**
 * A hash of a password nobody has, at the same cost: checked when the username is unknown, so
 * refusing an unknown name takes as long as refusing a wrong password.
 */
const DUMMY_HASH = "pbkdf2:sha256:10000$BCJvmnCTTXsTswVl$33a7ed0bf891605f53629eb6bd7ced9a4cac99a9ae485cd40fe75d3b0879a78b";

export async function checkLogin(username: string, password: string): Promise<boolean> {
  // Own properties only: "__proto__" or "constructor" is nobody's username.
  const known = Object.hasOwn(USERS, username);
  const matches = await verifyPassword(known ? USERS[username]! : DUMMY_HASH, password);
  return known && matches;
}
