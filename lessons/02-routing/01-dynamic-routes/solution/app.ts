import { Vial } from "vial";
import { books, docs, loans } from "./data";
import { isbnConverter } from "./isbn";

export const app = new Vial({ converters: { isbn: isbnConverter } });

app.get("/books", () => books);

// <int:id> only matches digits and hands the handler a number.
app.get("/books/<int:id>", (req) => {
  const book = books.find((candidate) => candidate.id === req.params.id);
  return book ?? [{ error: `There is no book ${req.params.id}.` }, 404];
});

// <path:page> matches the rest of the URL, slashes included. Object.hasOwn, not docs[page]
// alone: every object inherits __proto__, constructor and toString, which are not pages.
app.get("/docs/<path:page>", (req) => {
  const text = Object.hasOwn(docs, req.params.page) ? docs[req.params.page] : undefined;
  if (text === undefined) return [`No help page called ${req.params.page}.`, 404, { "Content-Type": "text/plain; charset=utf-8" }];
  return [text, { "Content-Type": "text/markdown; charset=utf-8" }];
});

// <uuid:id> refuses anything that is not a UUID before the lookup runs.
app.get("/loans/<uuid:id>", (req) => {
  const loan = loans[String(req.params.id)];
  return loan ?? [{ error: "There is no such loan." }, 404];
});

app.get("/isbn/<isbn:code>", (req) => {
  const book = books.find((candidate) => candidate.isbn === req.params.code);
  return book ?? [{ error: `No book has the ISBN ${req.params.code}.` }, 404];
});
