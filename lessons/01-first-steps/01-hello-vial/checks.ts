import { check, expect, http } from "grader";
import { app } from "./app";

check("GET / answers Hello, Vial!", async () => {
  const res = await http(app).get("/");
  expect(res.status, "status of GET /").toBe(200);
  expect(res.text, "body of GET /").toBe("Hello, Vial!");
}, { task: 1 });

check("GET / is an HTML page", async () => {
  const res = await http(app).get("/");
  expect(res.headers.get("content-type"), "Content-Type of GET /").toMatch(/^text\/html/);
}, { task: 1 });

check("GET /about mentions Vial", async () => {
  const res = await http(app).get("/about");
  expect(res.status, "status of GET /about").toBe(200);
  expect(res.text, "body of GET /about").toContain("Vial");
}, { task: 2 });

check("A path you did not route answers 404", async () => {
  const res = await http(app).get("/contact");
  expect(res.status, "status of GET /contact (no route matches it)").toBe(404);
}, { task: 2 });
