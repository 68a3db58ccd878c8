import { check, expect, http } from "grader";
import { app } from "./app";

check("GET /api/status answers JSON", async () => {
  const res = await http(app).get("/api/status");
  expect(res.status, "status of GET /api/status").toBe(200);
  expect(res.headers.get("content-type"), "Content-Type of GET /api/status").toMatch(/^application\/json/);
  expect(res.json(), "JSON body of GET /api/status").toEqual({ status: "ok", version: 1 });
}, { task: 1 });

check("POST /api/status is refused with 405", async () => {
  const res = await http(app).post("/api/status");
  expect(res.status, "status of POST /api/status (only GET is routed)").toBe(405);
}, { task: 1 });

check("GET /maintenance answers 503 with Retry-After", async () => {
  const res = await http(app).get("/maintenance");
  expect(res.status, "status of GET /maintenance").toBe(503);
  expect(res.headers.get("retry-after"), "Retry-After header of GET /maintenance").toBe("120");
  expect(res.text, "body of GET /maintenance").toContain("Back soon");
}, { task: 2 });

check("GET /robots.txt is plain text", async () => {
  const res = await http(app).get("/robots.txt");
  expect(res.status, "status of GET /robots.txt").toBe(200);
  expect(res.headers.get("content-type"), "Content-Type of GET /robots.txt").toMatch(/^text\/plain/);
  expect(res.text, "body of GET /robots.txt").toContain("User-agent: *");
  expect(res.text, "body of GET /robots.txt").toContain("Disallow: /admin");
}, { task: 3 });
