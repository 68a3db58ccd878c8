import { Vial, abort, verifyPassword, type Session } from "vial";
import { books } from "./data";
import { members, type Member } from "./members";

export const app = new Vial();

// The real key comes from the environment (VIAL_SECRET_KEY=...), so it never lands in git.
// The fallback only exists so the app runs on your machine and in the sandbox: anyone who
// reads this file knows it, so it must never sign a cookie in production.
app.config.fromEnv("VIAL");
app.config.SECRET_KEY ??= "dev-only: not a secret, set VIAL_SECRET_KEY in production";

app.get("/books", () => books);

// Counts this visitor's visits.
app.get("/visits", (req) => {
  const visits = req.session.get<number>("visits", 0) + 1;
  req.session.set("visits", visits);
  return { visits };
});

/** The ids on this visitor's reading list. Only ids live in the cookie: it is small, and readable. */
function readingList(session: Session): number[] {
  return session.get<number[]>("reading_list", []);
}

/** What the client sees: the books themselves, looked up from the ids. */
function listAnswer(ids: number[]) {
  return { books: ids.map((id) => books.find((book) => book.id === id)).filter((book) => book !== undefined) };
}

app.get("/reading-list", (req) => listAnswer(readingList(req.session)));

app.post("/reading-list", async (req) => {
  const input = await req.json<{ bookId?: unknown } | null>();
  const book = books.find((candidate) => candidate.id === input?.bookId) ?? abort(404, "There is no such book.");
  const ids = readingList(req.session);
  // Set a new array rather than pushing onto the old one: the session only notices set().
  if (!ids.includes(book.id)) req.session.set("reading_list", [...ids, book.id]);
  return listAnswer(readingList(req.session));
});

// Forgets the reading list and nothing else: the visit count stays.
app.delete("/reading-list", (req) => {
  req.session.delete("reading_list");
  return listAnswer([]);
});

// Forgets everything. An empty session makes Vial delete the cookie.
app.delete("/session", (req) => {
  req.session.clear();
  return { forgotten: true };
});

// Members stay logged in for a week when they ask to be remembered.
app.config.PERMANENT_SESSION_LIFETIME = 7 * 24 * 60 * 60;

/** The logged-in member, looked up fresh on every request from the id in the session. */
function currentMember(session: Session): Member | undefined {
  const id = session.get<number>("member_id");
  return members.find((member) => member.id === id);
}

app.post("/login", async (req) => {
  const input = await req.json<{ username?: unknown; password?: unknown; remember?: unknown } | null>();
  if (typeof input?.username !== "string" || typeof input.password !== "string") {
    abort(400, 'Send {"username": ..., "password": ...}.');
  }
  const member = members.find((candidate) => candidate.username === input.username);
  // No member, no password to check: answer at once, with the same message as a wrong password.
  if (!member) return [{ error: "Wrong username or password." }, 401];
  const matches = await verifyPassword(member.passwordHash, input.password);
  if (!matches) {
    return [{ error: "Wrong username or password." }, 401];
  }
  // A new session for the member: nothing stored before the login carries over.
  req.session.clear();
  // The id, not the member: the cookie is readable, and the record may change after login.
  req.session.set("member_id", member.id);
  req.session.permanent = input.remember === true;
  return { username: member.username, name: member.name };
});

app.get("/me", (req) => {
  const member = currentMember(req.session);
  if (!member) return [{ error: "You are not logged in." }, 401];
  return { username: member.username, name: member.name };
});

// Logging out forgets everything, reading list included: the next person at this computer
// should find nothing of the last one's.
app.post("/logout", (req) => {
  req.session.clear();
  return { loggedOut: true };
});
