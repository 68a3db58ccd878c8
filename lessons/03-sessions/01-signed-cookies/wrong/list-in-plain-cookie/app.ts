import { Vial, abort } from "vial";
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

/** The ids on this visitor's reading list, from their reading_list cookie ("3,1"). */
function readingList(cookies: Readonly<Record<string, string>>): number[] {
  return (cookies.reading_list ?? "").split(",").filter(Boolean).map(Number);
}

/** What the client sees: the books themselves, looked up from the ids. */
function listAnswer(ids: number[]) {
  return { books: ids.map((id) => books.find((book) => book.id === id)).filter((book) => book !== undefined) };
}

app.get("/reading-list", (req) => [listAnswer(readingList(req.cookies)), 200, { Vary: "Cookie" }]);

app.post("/reading-list", async (req) => {
  const input = await req.json<{ bookId?: unknown } | null>();
  const book = books.find((candidate) => candidate.id === input?.bookId) ?? abort(404, "There is no such book.");
  const ids = readingList(req.cookies);
  const next = ids.includes(book.id) ? ids : [...ids, book.id];
  return [listAnswer(next), 200, { "Set-Cookie": `reading_list=${next.join(",")}; Path=/; HttpOnly; SameSite=Lax`, Vary: "Cookie" }];
});

// Forgets the reading list and nothing else: the visit count stays.
app.delete("/reading-list", () => [listAnswer([]), 200, { "Set-Cookie": "reading_list=; Path=/; Max-Age=0" }]);

// Forgets everything.
app.delete("/session", (req) => {
  req.session.clear();
  return [{ forgotten: true }, 200, { "Set-Cookie": "reading_list=; Path=/; Max-Age=0" }];
});
