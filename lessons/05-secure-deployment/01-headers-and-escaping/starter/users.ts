import { verifyPassword } from "vial";

/**
 * The guestbook's one account. Passwords are stored only as hashes. This hash uses 10,000 PBKDF2
 * rounds so the checks run quickly; a real app keeps `hashPassword`'s much slower default.
 */
const USERS: Record<string, string> = {
  ada: "pbkdf2:sha256:10000$evXBY3YbmKteNNsp$dfb7de5886e5a9df733c0b04d92df3f397bfc1399293dbc44f7722668deb363a",
};

/** Whether the username exists and the password is its password ("correct horse battery staple" for ada). */
export async function checkLogin(username: string, password: string): Promise<boolean> {
  const hash = USERS[username];
  return hash !== undefined && (await verifyPassword(hash, password));
}
