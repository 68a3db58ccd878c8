import { check, expect, http } from "grader";
import { app } from "./app";

check("GET /api/nothing answers a JSON 404", async () => {
  const res = await http(app).get("/api/nothing");
  expect(res.status, "status of GET /api/nothing").toBe(404);
  expect(res.headers.get("content-type"), "Content-Type of GET /api/nothing").toMatch(/^application\/json/);
  expect(res.json(), "JSON body of GET /api/nothing").toHaveProperty("error", "Not Found");
}, { task: 1 });

check("DELETE /api/books answers a JSON 405 that keeps its Allow header", async () => {
  const res = await http(app).delete("/api/books");
  expect(res.status, "status of DELETE /api/books").toBe(405);
  expect(res.json(), "JSON body of DELETE /api/books").toHaveProperty("error", "Method Not Allowed");
  expect(res.headers.get("allow") ?? "", "Allow header of DELETE /api/books").toContain("GET");
}, { task: 1 });

check("A crash under /api answers a JSON 500 without its details", async () => {
  const res = await http(app).get("/api/crash");
  expect(res.status, "status of GET /api/crash").toBe(500);
  expect(res.json(), "JSON body of GET /api/crash").toHaveProperty("error", "Internal Server Error");
  expect(res.text, "body of GET /api/crash (must not reveal the exception)").not.toContain("hunter2");
}, { task: 1 });

check("Errors outside /api keep the default answer", async () => {
  const res = await http(app).get("/nothing");
  expect(res.status, "status of GET /nothing").toBe(404);
  expect(res.headers.get("content-type") ?? "", "Content-Type of GET /nothing (not an API URL)").not.toMatch(/json/);
}, { task: 1 });

check("GET /api/books/99 answers a JSON 404 that names the book", async () => {
  const res = await http(app).get("/api/books/99");
  expect(res.status, "status of GET /api/books/99").toBe(404);
  const body = res.json();
  expect(body, "JSON body of GET /api/books/99").toHaveProperty("error", "Not Found");
  expect(body, "JSON body of GET /api/books/99").toHaveProperty("message");
  expect(String(body.message), "message of GET /api/books/99").toContain("99");
}, { task: 2 });

check("Lending a missing book, or lending without a member, answers JSON errors", async () => {
  const client = http(app);
  const missing = await client.post("/api/books/99/loans", { json: { member: "ada" } });
  expect(missing.status, "status of POST /api/books/99/loans").toBe(404);
  expect(missing.json(), "JSON body of POST /api/books/99/loans").toHaveProperty("message");
  expect(String(missing.json().message), "message of POST /api/books/99/loans").toContain("99");
  const noMember = await client.post("/api/books/2/loans", { json: {} });
  expect(noMember.status, "status of POST /api/books/2/loans with {}").toBe(400);
  expect(noMember.json(), "JSON body of POST /api/books/2/loans with {}").toHaveProperty("error", "Bad Request");
  expect(String(noMember.json().message), "message of POST /api/books/2/loans with {}").toContain("member");
}, { task: 2 });

check("Lending a book that is out answers 409 Conflict", async () => {
  const res = await http(app).post("/api/books/1/loans", { json: { member: "alan" } });
  expect(res.status, "status of POST /api/books/1/loans (book 1 is on loan)").toBe(409);
  expect(res.json(), "JSON body of POST /api/books/1/loans").toHaveProperty("error", "Conflict");
  expect(res.json(), "JSON body of POST /api/books/1/loans").toHaveProperty("message");
  expect(String(res.json().message), "message of POST /api/books/1/loans").toContain("already on loan");
}, { task: 3 });

check("Lending a free book answers 201, and lending it again 409", async () => {
  const client = http(app);
  const first = await client.post("/api/books/2/loans", { json: { member: "alan" } });
  expect(first.status, "status of the first POST /api/books/2/loans").toBe(201);
  expect(first.json(), "JSON body of the first POST /api/books/2/loans").toHaveProperty("member", "alan");
  const second = await client.post("/api/books/2/loans", { json: { member: "barbara" } });
  expect(second.status, "status of the second POST /api/books/2/loans").toBe(409);
}, { task: 3 });
