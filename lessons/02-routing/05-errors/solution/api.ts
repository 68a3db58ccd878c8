import { Blueprint, abort, json } from "vial";
import { books, type Book } from "./data";
import { BookUnavailable, lendBook } from "./library";

/** The public book API. */
export const api = new Blueprint("api", { urlPrefix: "/api" });

// Any website may call the public API from the browser; the admin pages stay same-origin.
api.afterRequest((res) => {
  res.headers.set("Access-Control-Allow-Origin", "*");
  return res;
});

// The library's own error becomes an HTTP answer here, at the edge; library.ts stays HTTP-free.
api.errorHandler(BookUnavailable, (err) => json({ error: "Conflict", message: err.message }, { status: 409 }));

/** The book with `id`; otherwise the request ends here with a 404. */
function findBook(id: number): Book {
  return books.find((book) => book.id === id) ?? abort(404, `There is no book ${id}.`);
}

api.get("/books", function listBooks() {
  return books;
});

api.get("/books/<int:id>", function showBook(req) {
  return findBook(req.params.id);
});

api.post("/books/<int:id>/loans", async function lend(req) {
  const book = findBook(req.params.id);
  const input = await req.json<{ member?: unknown } | null>();
  if (typeof input?.member !== "string" || input.member.trim() === "") {
    abort(400, "member must be a non-empty string, as in {\"member\": \"ada\"}");
  }
  return [lendBook(book, input.member.trim()), 201];
});

// Simulates a bug deep inside the app, so you can see what clients get when one happens.
api.get("/crash", function crash() {
  throw new Error("Lost the connection to postgres://admin:hunter2@db.internal/library");
});
