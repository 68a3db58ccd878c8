import { check, expect, http } from "grader";
import { app } from "./app";

const STAFF = { Authorization: "Bearer library-staff-only" };

check("GET /api/books and /api/books/2 answer the books", async () => {
  const client = http(app);
  const list = await client.get("/api/books");
  expect(list.status, "status of GET /api/books").toBe(200);
  expect(list.json(), "JSON body of GET /api/books").toHaveLength(3);
  const one = await client.get("/api/books/2");
  expect(one.status, "status of GET /api/books/2").toBe(200);
  expect(one.json(), "JSON body of GET /api/books/2").toHaveProperty("id", 2);
  const missing = await client.get("/api/books/99");
  expect(missing.status, "status of GET /api/books/99 (no such book)").toBe(404);
}, { task: 1 });

check("The book routes moved: GET /books answers 404", async () => {
  const res = await http(app).get("/books");
  expect(res.status, "status of GET /books (the routes live under /api now)").toBe(404);
}, { task: 1 });

check("GET /admin/stats without the staff token answers 401", async () => {
  const client = http(app);
  const attempts: Record<string, string>[] = [{}, { Authorization: "Bearer guess" }];
  for (const headers of attempts) {
    const res = await client.get("/admin/stats", { headers });
    const sent = headers.Authorization ? `Authorization: ${headers.Authorization}` : "no Authorization header";
    expect(res.status, `status of GET /admin/stats with ${sent}`).toBe(401);
    expect(res.headers.get("www-authenticate"), `WWW-Authenticate header of GET /admin/stats with ${sent}`).toBe("Bearer");
  }
}, { task: 2 });

check("GET /admin/stats with the staff token answers the counts", async () => {
  const res = await http(app).get("/admin/stats", { headers: STAFF });
  expect(res.status, "status of GET /admin/stats with the staff token").toBe(200);
  expect(res.json(), "JSON body of GET /admin/stats").toEqual({ books: 3, loans: 2 });
}, { task: 2 });

check("The admin guard does not apply to the API", async () => {
  const res = await http(app).get("/api/books");
  expect(res.status, "status of GET /api/books without a token").toBe(200);
}, { task: 2 });

check("API answers, and only API answers, allow any origin", async () => {
  const client = http(app);
  const api = await client.get("/api/books/1");
  expect(api.headers.get("access-control-allow-origin"), "Access-Control-Allow-Origin of GET /api/books/1").toBe("*");
  const missing = await client.get("/api/books/99");
  expect(missing.headers.get("access-control-allow-origin"), "Access-Control-Allow-Origin of GET /api/books/99 (a 404 from the API)").toBe("*");
  const admin = await client.get("/admin/stats", { headers: STAFF });
  expect(admin.headers.get("access-control-allow-origin"), "Access-Control-Allow-Origin of GET /admin/stats").toBe(null);
}, { task: 3 });

check("GET / links to both blueprints", async () => {
  const res = await http(app).get("/");
  expect(res.status, "status of GET /").toBe(200);
  expect(res.json(), "JSON body of GET /").toEqual({ books: "/api/books", stats: "/admin/stats" });
}, { task: 4 });
