import { attack, check, expect, http, random } from "grader";
import { app } from "./app";

/** Error entries of a problem document, as "location:path" strings, e.g. "body:email". */
function failingFields(body: { errors?: { location?: string; path?: unknown[] }[] }): string[] {
  return (body.errors ?? []).map((error) => `${error.location}:${(error.path ?? []).join(".")}`);
}

check("POST /users with a valid sign-up answers 201 and the new account", async () => {
  const res = await http(app).post("/users", { json: { username: "katherine", email: "katherine@example.com", password: "orbital-mechanics" } });
  expect(res.status, "status of POST /users with a valid sign-up").toBe(201);
  const body = res.json();
  expect(body, "JSON body of POST /users").toHaveProperty("username", "katherine");
  expect(body, "JSON body of POST /users (interests were not sent, so they default to [])").toHaveProperty("interests", []);
  expect(body, "JSON body of POST /users").not.toHaveProperty("passwordHash");
}, { task: 1 });

/** A valid sign-up with a username and email of this run, so none of them is taken yet. */
function freshSignUp(): Record<string, unknown> {
  const username = random.word(10);
  return { username, email: `${username}@example.com`, password: random.password(16) };
}

check("POST /users ignores fields a client may not choose (role, id, passwordHash, ...)", async () => {
  const findings = await attack.massAssignment({
    route: "POST /users",
    valid: freshSignUp(),
    send: (body) => http(app).post("/users", { json: body }),
  });
  expect(findings, "privileged fields sent beside a valid sign-up").toHaveNoFindings();
}, { task: 1 });

check("POST /users with {} answers a 422 problem naming every missing field", async () => {
  const res = await http(app).post("/users", { json: {} });
  expect(res.status, "status of POST /users with {}").toBe(422);
  expect(res.headers.get("content-type"), "Content-Type of POST /users with {}").toBe("application/problem+json");
  const body = res.json();
  expect(body, "problem document of POST /users with {}").toHaveProperty("status", 422);
  const fields = failingFields(body);
  for (const field of ["body:username", "body:email", "body:password"]) {
    expect(fields, "fields listed in errors of POST /users with {}").toContain(field);
  }
}, { task: 1 });

check("POST /users with the wrong types answers 422, not 500", async () => {
  const sent = { username: 42, email: ["ada@example.com"], password: true };
  const res = await http(app).post("/users", { json: sent });
  expect(res.status, `status of POST /users with ${JSON.stringify(sent)}`).toBe(422);
  expect(failingFields(res.json()), `fields listed in errors of POST /users with ${JSON.stringify(sent)}`).toContain("body:username");
}, { task: 1 });

check("POST /users with malformed JSON answers a 400 problem, and a text body 415", async () => {
  const client = http(app);
  const malformed = await client.post("/users", { body: "{\"username\": ", headers: { "Content-Type": "application/json" } });
  expect(malformed.status, "status of POST /users with a cut-off JSON body").toBe(400);
  expect(malformed.headers.get("content-type"), "Content-Type of POST /users with a cut-off JSON body").toBe("application/problem+json");
  const text = await client.post("/users", { body: "katherine", headers: { "Content-Type": "text/plain" } });
  expect(text.status, "status of POST /users with Content-Type: text/plain").toBe(415);
}, { task: 1 });

check("POST /users refuses a username, email, password or interests that break the rules", async () => {
  const client = http(app);
  const valid = { username: "dorothy", email: "dorothy@example.com", password: "crystallography", interests: ["chemistry"] };
  const cases: [string, Record<string, unknown>][] = [
    ["username", { username: "Dorothy Hodgkin" }],
    ["username", { username: "do" }],
    ["email", { email: "dorothy-at-example.com" }],
    ["password", { password: "short" }],
    ["interests", { interests: ["a", "b", "c", "d", "e", "f"] }],
    ["interests.0", { interests: [""] }],
  ];
  for (const [field, change] of cases) {
    const res = await client.post("/users", { json: { ...valid, ...change } });
    expect(res.status, `status of POST /users with ${JSON.stringify(change)}`).toBe(422);
    expect(failingFields(res.json()), `fields listed in errors of POST /users with ${JSON.stringify(change)}`).toContain(`body:${field}`);
  }
}, { task: 2 });

check("POST /users refuses oversized passwords and interests", async () => {
  const client = http(app);
  const valid = { username: "rosalind", email: "rosalind@example.com", password: "photo51-diffraction", interests: ["x-rays"] };
  const cases: [string, Record<string, unknown>][] = [
    ["password", { password: "p".repeat(129) }],
    ["password", { password: "p".repeat(100_000) }],
    ["interests.0", { interests: ["i".repeat(31)] }],
  ];
  for (const [field, change] of cases) {
    const res = await client.post("/users", { json: { ...valid, ...change } });
    const shown = JSON.stringify(change).slice(0, 60);
    expect(res.status, `status of POST /users with ${shown}… (${JSON.stringify(change).length} characters)`).toBe(422);
    expect(failingFields(res.json()), `fields listed in errors of POST /users with ${shown}…`).toContain(`body:${field}`);
  }
  const findings = await attack.oversized({
    route: "POST /users",
    valid: freshSignUp(),
    lengths: [10_000],
    send: (body) => client.post("/users", { json: body }),
  });
  expect(findings, "huge and mistyped fields of POST /users").toHaveNoFindings();
}, { task: 2 });

check("A refused password is never echoed back", async () => {
  const res = await http(app).post("/users", { json: { username: "rosalind", email: "rosalind@example.com", password: "photo51" } });
  expect(res.status, "status of POST /users with a 7-character password").toBe(422);
  expect(res.text, "body of POST /users with the password \"photo51\"").not.toContain("photo51");
}, { task: 2 });

check("POST /users stores the email trimmed and in lower case", async () => {
  const res = await http(app).post("/users", { json: { username: "hedy", email: "  Hedy.Lamarr@Example.COM ", password: "frequency-hopping" } });
  expect(res.status, "status of POST /users with email \"  Hedy.Lamarr@Example.COM \"").toBe(201);
  expect(res.json(), "JSON body of POST /users").toHaveProperty("email", "hedy.lamarr@example.com");
}, { task: 3 });

check("POST /users with a username or email already taken answers 409", async () => {
  const client = http(app);
  const first = await client.post("/users", { json: { username: "margaret", email: "margaret@example.com", password: "apollo-guidance" } });
  expect(first.status, "status of the first POST /users for margaret").toBe(201);
  const sameEmail = await client.post("/users", { json: { username: "maggie", email: " MARGARET@example.com", password: "apollo-guidance" } });
  expect(sameEmail.status, "status of POST /users with \" MARGARET@example.com\" (taken, in other case)").toBe(409);
  const sameName = await client.post("/users", { json: { username: "ada", email: "another-ada@example.com", password: "analytical-engine" } });
  expect(sameName.status, "status of POST /users with the username \"ada\" (taken)").toBe(409);
  // A problem document like Vial's own 422s: a short title and a detail a person can act on.
  expect(sameName.headers.get("content-type"), "Content-Type of the 409 answer").toBe("application/problem+json");
  const problem = sameName.json();
  expect(typeof problem.title === "string" && problem.title.length > 0, `title of the 409 problem document (got ${JSON.stringify(problem.title)})`).toBe(true);
  expect(typeof problem.detail === "string" && problem.detail.length > 0, `detail of the 409 problem document (got ${JSON.stringify(problem.detail)})`).toBe(true);
}, { task: 3 });
