import { check, expect, http } from "grader";
import { app } from "./app";

const PUBLIC_FIELDS = ["id", "interests", "joined", "role", "username"];

/** The keys of a JSON object, sorted, to compare with the fields a view may have. */
function keysOf(value: unknown): string[] {
  return value !== null && typeof value === "object" ? Object.keys(value).sort() : [];
}

check("GET /users/1 answers only the public profile", async () => {
  const res = await http(app).get("/users/1");
  expect(res.status, "status of GET /users/1").toBe(200);
  expect(res.json(), "JSON body of GET /users/1").toHaveProperty("username", "ada");
  expect(keysOf(res.json()), "fields of GET /users/1").toEqual(PUBLIC_FIELDS);
  expect(res.text, "body of GET /users/1").not.toContain("scrypt:");
}, { task: 1 });

check("GET /users/99 answers 404", async () => {
  const res = await http(app).get("/users/99");
  expect(res.status, "status of GET /users/99 (no such member)").toBe(404);
}, { task: 1 });

check("PATCH /users/5 changes interests and answers the account", async () => {
  const res = await http(app).patch("/users/5", { json: { interests: ["maths", "go"] } });
  expect(res.status, "status of PATCH /users/5").toBe(200);
  const body = res.json();
  expect(body, "JSON body of PATCH /users/5").toHaveProperty("interests", ["maths", "go"]);
  expect(body, "JSON body of PATCH /users/5 (email was not sent, so it stays)").toHaveProperty("email", "edsger@example.com");
  expect(keysOf(body), "fields of PATCH /users/5").toEqual([...PUBLIC_FIELDS, "email"].sort());
}, { task: 2 });

check("PATCH /users/3 cannot change the role or the password hash", async () => {
  const client = http(app);
  const sent = { role: "admin", passwordHash: "plaintext-now", id: 1, email: " Alan.Turing@Example.com " };
  const res = await client.patch("/users/3", { json: sent });
  expect(res.status, `status of PATCH /users/3 with ${JSON.stringify(sent)}`).toBe(200);
  expect(res.json(), "JSON body of PATCH /users/3").toHaveProperty("role", "member");
  expect(res.json(), "JSON body of PATCH /users/3 (the email is normalised)").toHaveProperty("email", "alan.turing@example.com");
  expect(res.text, "body of PATCH /users/3").not.toContain("passwordHash");
  const after = await client.get("/users/3");
  expect(after.json(), "JSON body of GET /users/3 after the PATCH").toHaveProperty("role", "member");
  expect(after.json(), "JSON body of GET /users/3 after the PATCH").toHaveProperty("id", 3);
}, { task: 2 });

check("PATCH /users/<id> refuses bad fields, unknown members and taken emails", async () => {
  const client = http(app);
  const bad = await client.patch("/users/4", { json: { interests: "chess" } });
  expect(bad.status, "status of PATCH /users/4 with {\"interests\": \"chess\"}").toBe(422);
  expect(bad.headers.get("content-type"), "Content-Type of PATCH /users/4 with {\"interests\": \"chess\"}").toBe("application/problem+json");
  for (const interests of [["a", "b", "c", "d", "e", "f"], [""], ["x".repeat(31)]]) {
    const res = await client.patch("/users/4", { json: { interests } });
    expect(res.status, `status of PATCH /users/4 with interests ${JSON.stringify(interests)} (at most 5, each 1 to 30 characters)`).toBe(422);
  }
  const missing = await client.patch("/users/99", { json: { interests: [] } });
  expect(missing.status, "status of PATCH /users/99 (no such member)").toBe(404);
  const taken = await client.patch("/users/4", { json: { email: "GRACE@example.com" } });
  expect(taken.status, "status of PATCH /users/4 with grace's email").toBe(409);
  expect(taken.headers.get("content-type"), "Content-Type of the 409 answer").toBe("application/problem+json");
  const problem = taken.json();
  expect(typeof problem.title === "string" && problem.title.length > 0, `title of the 409 problem document (got ${JSON.stringify(problem.title)})`).toBe(true);
  expect(typeof problem.detail === "string" && problem.detail.length > 0, `detail of the 409 problem document (got ${JSON.stringify(problem.detail)})`).toBe(true);
}, { task: 2 });

check("Validation problems add a fields object, keyed by field", async () => {
  const client = http(app);
  const signUp = await client.post("/users", { json: { username: "ok_name", email: "not-an-email", password: "short" } });
  expect(signUp.status, "status of POST /users with a bad email and password").toBe(422);
  expect(signUp.headers.get("content-type"), "Content-Type of POST /users with a bad email and password").toBe("application/problem+json");
  const body = signUp.json();
  expect(body, "problem document of POST /users (RFC 9457 members stay)").toHaveProperty("title", "Unprocessable Content");
  expect(body, "problem document of POST /users (errors stay)").toHaveProperty("errors");
  expect(keysOf(body.fields), "keys of fields in POST /users with a bad email and password").toEqual(["email", "password"]);
  expect(typeof body.fields.email, "type of fields.email").toBe("string");
  const query = await client.get("/users?limit=0");
  expect(query.json(), "problem document of GET /users?limit=0").toHaveProperty("fields.limit");
}, { task: 3 });

check("An unreadable body is listed in fields under its location", async () => {
  const res = await http(app).patch("/users/2", { body: "{\"interests\": [", headers: { "Content-Type": "application/json" } });
  expect(res.status, "status of PATCH /users/2 with a cut-off JSON body").toBe(400);
  expect(res.json(), "problem document of PATCH /users/2 with a cut-off JSON body").toHaveProperty("fields.body");
}, { task: 3 });
