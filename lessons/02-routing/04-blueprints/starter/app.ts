import { Vial } from "vial";
import { books } from "./data";

export const app = new Vial();

// Everything is on the app for now. Move the book routes to api.ts and register the blueprints.

app.get("/books", function listBooks() {
  return books;
});

app.get("/books/<int:id>", function showBook(req) {
  return books.find((book) => book.id === req.params.id) ?? [{ error: `There is no book ${req.params.id}.` }, 404];
});
