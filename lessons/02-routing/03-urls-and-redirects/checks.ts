import { attack, check, expect, http } from "grader";
import { app } from "./app";

/** The path and query of a Location header, whether the app sent it relative or absolute. */
function target(location: string | null): string {
  if (location === null) return "(no Location header)";
  const url = new URL(location, "http://localhost");
  return url.pathname + url.search;
}

check("POST /books answers a Location header for the new book", async () => {
  const client = http(app);
  const res = await client.post("/books", { json: { title: "Clean Architecture", author: "Robert C. Martin" } });
  expect(res.status, "status of POST /books").toBe(201);
  const id = res.json().id;
  expect(target(res.headers.get("location")), "Location header of POST /books").toBe(`/books/${id}`);
  const shown = await client.get(target(res.headers.get("location")));
  expect(shown.json(), "JSON body of GET <the Location>").toHaveProperty("title", "Clean Architecture");
}, { task: 1 });

check("GET /book?id=3 redirects permanently to /books/3", async () => {
  const res = await http(app).get("/book?id=3");
  expect(res.status, "status of GET /book?id=3").toBe(301);
  expect(target(res.headers.get("location")), "Location header of GET /book?id=3").toBe("/books/3");
}, { task: 2 });

check("GET /book with a missing or bad id answers 400", async () => {
  const client = http(app);
  for (const path of ["/book", "/book?id=three", "/book?id="]) {
    const res = await client.get(path);
    expect(res.status, `status of GET ${path}`).toBe(400);
    expect(res.json(), `JSON body of GET ${path}`).toHaveProperty("error");
  }
  const findings = await attack.openRedirect({ input: "the id of GET /book?id=", send: (target) => client.get("/book", { query: { id: target } }) });
  expect(findings, "where GET /book?id= redirects to").toHaveNoFindings();
}, { task: 2 });

check("GET /authors/ lists each author once, sorted", async () => {
  const res = await http(app).get("/authors/");
  expect(res.status, "status of GET /authors/").toBe(200);
  const authors = res.json();
  expect(authors, "JSON body of GET /authors/").toContain("Martin Kleppmann");
  expect(authors, "JSON body of GET /authors/ (sorted)").toEqual([...new Set(authors as string[])].sort());
}, { task: 3 });

check("GET /authors redirects to /authors/ with 308, keeping the query", async () => {
  const client = http(app);
  const res = await client.get("/authors");
  expect(res.status, "status of GET /authors (no trailing slash)").toBe(308);
  expect(target(res.headers.get("location")), "Location header of GET /authors").toBe("/authors/");
  const withQuery = await client.get("/authors?page=2");
  expect(target(withQuery.headers.get("location")), "Location header of GET /authors?page=2").toBe("/authors/?page=2");
}, { task: 3 });

check("GET /books/1/ (a slash after a leaf) answers 404", async () => {
  const res = await http(app).get("/books/1/");
  expect(res.status, "status of GET /books/1/").toBe(404);
}, { task: 3 });
