import { Vial } from "vial";
import { books, docs, loans, type Book } from "./data";
import { isbnConverter } from "./isbn";

export const app = new Vial({ converters: { isbn: isbnConverter } });

/** What a client may send for a book; anything is possible until it is checked. */
type BookInput = { title?: unknown; author?: unknown } | null;

/** Why `input` is not acceptable, or undefined when it is. A PATCH may leave fields out. */
function problemWith(input: BookInput, { partial }: { partial: boolean }): string | undefined {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return "the body must be a JSON object";
  for (const field of ["title", "author"] as const) {
    const value = input[field];
    if (value === undefined && partial) continue;
    if (typeof value !== "string" || value.trim() === "") return `${field} must be a non-empty string`;
  }
  return undefined;
}

function findBook(id: number): Book | undefined {
  return books.find((candidate) => candidate.id === id);
}

// Named handlers: the name is the endpoint, and two handlers on one URL each need their own.
app.get("/books", function listBooks() {
  return books;
});

app.post("/books", async function createBook(req) {
  const input = await req.json<BookInput>();
  const problem = problemWith(input, { partial: false });
  if (problem) return [{ error: problem }, 400];
  const book: Book = {
    id: Math.max(0, ...books.map((existing) => existing.id)) + 1,
    title: String(input?.title).trim(),
    author: String(input?.author).trim(),
    isbn: "", // catalogued later; clients cannot set it
  };
  books.push(book);
  return [book, 201];
});

app.get("/books/<int:id>", function showBook(req) {
  return findBook(req.params.id) ?? [{ error: `There is no book ${req.params.id}.` }, 404];
});

app.patch("/books/<int:id>", async function updateBook(req) {
  const book = findBook(req.params.id);
  if (!book) return [{ error: `There is no book ${req.params.id}.` }, 404];
  const input = await req.json<BookInput>();
  const problem = problemWith(input, { partial: true });
  if (problem) return [{ error: problem }, 400];
  if (typeof input?.title === "string") book.title = input.title.trim();
  if (typeof input?.author === "string") book.author = input.author.trim();
  return book;
});

app.delete("/books/<int:id>", function deleteBook(req) {
  const index = books.findIndex((candidate) => candidate.id === req.params.id);
  if (index === -1) return [{ error: `There is no book ${req.params.id}.` }, 404];
  books.splice(index, 1);
  return { deleted: true };
});

app.get("/docs/<path:page>", function showDoc(req) {
  // Own pages only: docs inherits __proto__, constructor and toString from Object.prototype.
  const text = Object.hasOwn(docs, req.params.page) ? docs[req.params.page] : undefined;
  if (text === undefined) return [`No help page called ${req.params.page}.`, 404, { "Content-Type": "text/plain; charset=utf-8" }];
  return [text, { "Content-Type": "text/markdown; charset=utf-8" }];
});

app.get("/loans/<uuid:id>", function showLoan(req) {
  return loans[String(req.params.id)] ?? [{ error: "There is no such loan." }, 404];
});

app.get("/isbn/<isbn:code>", function findByIsbn(req) {
  return books.find((candidate) => candidate.isbn === req.params.code) ?? [{ error: `No book has the ISBN ${req.params.code}.` }, 404];
});
