import { Blueprint } from "vial";
import { books } from "./data";
import { lendBook } from "./library";

/** The public book API. */
export const api = new Blueprint("api", { urlPrefix: "/api" });

// Any website may call the public API from the browser; the admin pages stay same-origin.
api.afterRequest((res) => {
  res.headers.set("Access-Control-Allow-Origin", "*");
  return res;
});

api.get("/books", function listBooks() {
  return books;
});

api.get("/books/<int:id>", function showBook(req) {
  return books.find((book) => book.id === req.params.id) ?? [{ error: `There is no book ${req.params.id}.` }, 404];
});

api.post("/books/<int:id>/loans", async function lend(req) {
  const book = books.find((candidate) => candidate.id === req.params.id);
  if (!book) return [{ error: `There is no book ${req.params.id}.` }, 404];
  const input = await req.json<{ member?: unknown } | null>();
  if (typeof input?.member !== "string" || input.member.trim() === "") {
    return [{ error: "member must be a non-empty string" }, 400];
  }
  return [lendBook(book, input.member.trim()), 201];
});

// Simulates a bug deep inside the app, so you can see what clients get when one happens.
api.get("/crash", function crash() {
  throw new Error("Lost the connection to postgres://admin:hunter2@db.internal/library");
});
