import { Vial, abort, type Session } from "vial";
import { books } from "./data";

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

type Book = (typeof books)[number];

/** This visitor's reading list: the books themselves, ready to send. */
function readingList(session: Session): Book[] {
  return session.get<Book[]>("reading_list", []);
}

app.get("/reading-list", (req) => ({ books: readingList(req.session) }));

app.post("/reading-list", async (req) => {
  const input = await req.json<{ bookId?: unknown } | null>();
  const book = books.find((candidate) => candidate.id === input?.bookId) ?? abort(404, "There is no such book.");
  const list = readingList(req.session);
  if (!list.some((saved) => saved.id === book.id)) req.session.set("reading_list", [...list, book]);
  return { books: readingList(req.session) };
});

// Forgets the reading list and nothing else: the visit count stays.
app.delete("/reading-list", (req) => {
  req.session.delete("reading_list");
  return { books: [] };
});

// Forgets everything. An empty session makes Vial delete the cookie.
app.delete("/session", (req) => {
  req.session.clear();
  return { forgotten: true };
});
