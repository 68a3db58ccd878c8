import { Blueprint } from "vial";
import { books } from "./data";

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
