import { attack, check, expect, http } from "grader";
import { app } from "./app";

const ADA_LOAN = "8e8539fb-5558-46ac-b72b-d3464f1575ad";

check("GET /books/2 answers book 2", async () => {
  const res = await http(app).get("/books/2");
  expect(res.status, "status of GET /books/2").toBe(200);
  expect(res.json(), "JSON body of GET /books/2").toHaveProperty("title", "Structure and Interpretation of Computer Programs");
}, { task: 1 });

check("GET /books/99 answers 404", async () => {
  const res = await http(app).get("/books/99");
  expect(res.status, "status of GET /books/99 (no such book)").toBe(404);
}, { task: 1 });

check("GET /books/two and /books/2.5 answer 404", async () => {
  const client = http(app);
  for (const path of ["/books/two", "/books/2.5", "/books/-1"]) {
    const res = await client.get(path);
    expect(res.status, `status of GET ${path} (not a whole number)`).toBe(404);
  }
}, { task: 1 });

check("GET /docs/<path> serves pages in sub-folders", async () => {
  const client = http(app);
  const nested = await client.get("/docs/guides/returns/late-fees.md");
  expect(nested.status, "status of GET /docs/guides/returns/late-fees.md").toBe(200);
  expect(nested.text, "body of GET /docs/guides/returns/late-fees.md").toContain("Late fees");
  // Markdown, not HTML: a page served as text/html would have any markup in it run by the browser.
  expect(nested.headers.get("content-type"), "Content-Type of GET /docs/guides/returns/late-fees.md").toMatch(/^text\/markdown/);
  const top = await client.get("/docs/README.md");
  expect(top.text, "body of GET /docs/README.md").toContain("Borrow up to three books");
}, { task: 2 });

check("GET /docs/<path> answers 404 for a page that does not exist", async () => {
  const client = http(app);
  const res = await client.get("/docs/guides/fines.md");
  expect(res.status, "status of GET /docs/guides/fines.md").toBe(404);
  // Names every object inherits: a lookup must only find the pages themselves.
  for (const page of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
    const inherited = await client.get(`/docs/${page}`);
    expect(inherited.status, `status of GET /docs/${page} (inherited by every object, not a page)`).toBe(404);
  }
}, { task: 2 });

check("The 404 page of /docs/<path> shows the path as text, never as markup", async () => {
  // The missing page's name comes from the URL, which anyone can write in a link they send you.
  const client = http(app);
  const findings = await attack.xss({
    input: "the <path> of GET /docs/<path>, echoed by its 404 page",
    send: (payload) => client.get(`/docs/${encodeURIComponent(payload)}`),
    contexts: ["text"],
  });
  expect(findings, "XSS through the page name of GET /docs/<path>").toHaveNoFindings();
}, { task: 2 });

check("GET /loans/<uuid> answers the loan", async () => {
  const res = await http(app).get(`/loans/${ADA_LOAN}`);
  expect(res.status, `status of GET /loans/${ADA_LOAN}`).toBe(200);
  expect(res.json(), `JSON body of GET /loans/${ADA_LOAN}`).toHaveProperty("member", "ada");
}, { task: 3 });

check("GET /loans/<not a uuid> answers 404", async () => {
  const client = http(app);
  for (const path of ["/loans/1", "/loans/8e8539fb-5558-46ac-b72b"]) {
    const res = await client.get(path);
    expect(res.status, `status of GET ${path} (not a UUID)`).toBe(404);
  }
  const unknown = await client.get("/loans/00000000-0000-4000-8000-000000000000");
  expect(unknown.status, "status of GET /loans/00000000-0000-4000-8000-000000000000 (no such loan)").toBe(404);
}, { task: 3 });

check("GET /isbn/<isbn> finds a book with or without dashes", async () => {
  const client = http(app);
  for (const path of ["/isbn/978-0-13-595705-9", "/isbn/9780135957059"]) {
    const res = await client.get(path);
    expect(res.status, `status of GET ${path}`).toBe(200);
    expect(res.json(), `JSON body of GET ${path}`).toHaveProperty("id", 1);
  }
}, { task: 4 });

check("GET /isbn/<isbn> answers 404 for a wrong check digit", async () => {
  const client = http(app);
  // The converter refuses it, so no route matches and the handler never runs: the answer is
  // the router's own 404, the same as for a URL the app has no route for.
  const noRoute = await client.get("/no-such-route-anywhere");
  for (const path of ["/isbn/978-0-13-595705-0", "/isbn/978-hello"]) {
    const res = await client.get(path);
    expect(res.status, `status of GET ${path} (not a valid ISBN-13)`).toBe(404);
    expect(res.text, `body of GET ${path} (the router's 404, as for /no-such-route-anywhere: the converter refused the value)`).toBe(noRoute.text);
  }
  // A valid ISBN-13 (check digit 2) that no book has.
  const unknown = await client.get("/isbn/978-0-00-000000-2");
  expect(unknown.status, "status of GET /isbn/978-0-00-000000-2 (a valid ISBN of no book here)").toBe(404);
}, { task: 4 });
