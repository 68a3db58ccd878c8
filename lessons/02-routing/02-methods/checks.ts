import { check, expect, http } from "grader";
import { app } from "./app";

/** Creates a book through the API and returns its id (each check makes its own, so order does not matter). */
async function createBook(client: ReturnType<typeof http>, title: string): Promise<number> {
  const res = await client.post("/books", { json: { title, author: "Test Author" } });
  expect(res.status, `status of POST /books with {"title": "${title}", "author": "Test Author"}`).toBe(201);
  const id = res.json().id;
  expect(typeof id, "type of the new book's id in the POST /books answer").toBe("number");
  return id;
}

check("POST /books creates a book and answers 201", async () => {
  const client = http(app);
  const res = await client.post("/books", { json: { title: "Refactoring", author: "Martin Fowler" } });
  expect(res.status, "status of POST /books").toBe(201);
  const book = res.json();
  expect(book, "JSON body of POST /books").toHaveProperty("title", "Refactoring");
  const shown = await client.get(`/books/${book.id}`);
  expect(shown.status, `status of GET /books/${book.id} (the new book)`).toBe(200);
  expect(shown.json(), `JSON body of GET /books/${book.id}`).toHaveProperty("author", "Martin Fowler");
}, { task: 1 });

check("POST /books without a title answers 400", async () => {
  const client = http(app);
  for (const body of [{ author: "Nobody" }, { title: "", author: "Nobody" }, ["not", "an", "object"]]) {
    const res = await client.post("/books", { json: body });
    expect(res.status, `status of POST /books with ${JSON.stringify(body)}`).toBe(400);
    expect(res.json(), `JSON body of POST /books with ${JSON.stringify(body)}`).toHaveProperty("error");
  }
}, { task: 1 });

check("GET /books still lists the books, and OPTIONS /books offers GET and POST", async () => {
  const client = http(app);
  const list = await client.get("/books");
  expect(list.status, "status of GET /books").toBe(200);
  expect(Array.isArray(list.json()), "GET /books answers a JSON array").toBe(true);
  const options = await client.options("/books");
  expect(options.status, "status of OPTIONS /books").toBe(200);
  const allow = options.headers.get("allow") ?? "";
  expect(allow, "Allow header of OPTIONS /books").toContain("GET");
  expect(allow, "Allow header of OPTIONS /books").toContain("POST");
}, { task: 1 });

check("The routes of the last lesson still refuse what is not there, inherited names included", async () => {
  // Renaming the handlers rewrites these routes; a lookup written as docs[page] alone finds
  // __proto__, constructor and toString, which every object inherits.
  const client = http(app);
  for (const page of ["__proto__", "constructor", "toString", "guides/fines.md"]) {
    const res = await client.get(`/docs/${page}`);
    expect(res.status, `status of GET /docs/${page} (not a help page)`).toBe(404);
  }
  const loan = await client.get("/loans/00000000-0000-4000-8000-000000000000");
  expect(loan.status, "status of GET /loans/00000000-0000-4000-8000-000000000000 (no such loan)").toBe(404);
  const isbn = await client.get("/isbn/978-0-00-000000-2");
  expect(isbn.status, "status of GET /isbn/978-0-00-000000-2 (a valid ISBN no book has)").toBe(404);
}, { task: 1 });

check("DELETE /books/<id> removes the book with 204", async () => {
  const client = http(app);
  const id = await createBook(client, "To be deleted");
  const res = await client.delete(`/books/${id}`);
  expect(res.status, `status of DELETE /books/${id}`).toBe(204);
  expect(res.text, `body of DELETE /books/${id}`).toBe("");
  const after = await client.get(`/books/${id}`);
  expect(after.status, `status of GET /books/${id} after deleting it`).toBe(404);
}, { task: 2 });

check("DELETE /books/999 answers 404", async () => {
  const res = await http(app).delete("/books/999");
  expect(res.status, "status of DELETE /books/999 (no such book)").toBe(404);
}, { task: 2 });

check("PATCH /books/<id> changes only the fields sent", async () => {
  const client = http(app);
  const id = await createBook(client, "First title");
  const res = await client.patch(`/books/${id}`, { json: { title: "Second title" } });
  expect(res.status, `status of PATCH /books/${id}`).toBe(200);
  expect(res.json(), `JSON body of PATCH /books/${id}`).toHaveProperty("title", "Second title");
  expect(res.json(), `JSON body of PATCH /books/${id} (author was not sent)`).toHaveProperty("author", "Test Author");
  const author = await client.patch(`/books/${id}`, { json: { author: "  Second Author " } });
  expect(author.json(), `JSON body of PATCH /books/${id} with {"author": "  Second Author "}`).toHaveProperty("author", "Second Author");
  const shown = (await client.get(`/books/${id}`)).json();
  expect(shown, `JSON body of GET /books/${id} after both changes`).toHaveProperty("author", "Second Author");
  expect(shown, `JSON body of GET /books/${id} after both changes`).toHaveProperty("title", "Second title");
}, { task: 3 });

check("PATCH /books/999, or with a body that is not an object, answers 404 or 400", async () => {
  const client = http(app);
  const missing = await client.patch("/books/999", { json: { title: "Anything" } });
  expect(missing.status, "status of PATCH /books/999 (no such book)").toBe(404);
  expect(missing.json(), "JSON body of PATCH /books/999").toHaveProperty("error");
  const id = await createBook(client, "Kept title");
  const list = await client.patch(`/books/${id}`, { json: ["title", "New"] });
  expect(list.status, `status of PATCH /books/${id} with a JSON list as the body`).toBe(400);
}, { task: 3 });

check("PATCH /books/<id> with an empty title answers 400", async () => {
  const client = http(app);
  const id = await createBook(client, "Keep me");
  const res = await client.patch(`/books/${id}`, { json: { title: "  " } });
  expect(res.status, `status of PATCH /books/${id} with {"title": "  "}`).toBe(400);
  const shown = await client.get(`/books/${id}`);
  expect(shown.json(), `title of book ${id} after the refused PATCH`).toHaveProperty("title", "Keep me");
}, { task: 3 });

check("PUT /books/1 answers 405 with an Allow header", async () => {
  const res = await http(app).put("/books/1", { json: { title: "x", author: "y" } });
  expect(res.status, "status of PUT /books/1 (no PUT route)").toBe(405);
  const allow = res.headers.get("allow") ?? "";
  for (const method of ["GET", "PATCH", "DELETE"]) expect(allow, "Allow header of PUT /books/1").toContain(method);
  expect(allow, "Allow header of PUT /books/1").not.toContain("PUT");
}, { task: 3 });

check("HEAD /books/1 answers like GET, without a body", async () => {
  const res = await http(app).head("/books/1");
  expect(res.status, "status of HEAD /books/1").toBe(200);
  expect(res.headers.get("content-type"), "Content-Type of HEAD /books/1").toMatch(/^application\/json/);
  expect(res.text, "body of HEAD /books/1").toBe("");
}, { task: 3 });
