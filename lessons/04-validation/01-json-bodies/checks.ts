import { attack, check, expect, http, random } from "grader";
import { app } from "./app";

/** Error entries of a problem document, as "location:path" strings, e.g. "body:email". */
function failingFields(body: { errors?: { location?: string; path?: unknown[] }[] }): string[] {
  return (body.errors ?? []).map((error) => `${error.location}:${(error.path ?? []).join(".")}`);
}

check("POST /members with a valid sign-up answers 201 and the new account", async () => {
  const res = await http(app).post("/members", { json: { username: "katherine", email: "katherine@example.com", password: "orbital-mechanics" } });
  expect(res.status, "status of POST /members with a valid sign-up").toBe(201);
  const body = res.json();
  expect(body, "JSON body of POST /members").toHaveProperty("username", "katherine");
  expect(body, "JSON body of POST /members (interests were not sent, so they default to [])").toHaveProperty("interests", []);
  expect(body, "JSON body of POST /members").not.toHaveProperty("passwordHash");
}, { task: 1 });

/** A valid sign-up with a username and email of this run, so none of them is taken yet. */
function freshSignUp(): Record<string, unknown> {
  const username = random.word(10);
  return { username, email: `${username}@example.com`, password: random.password(16) };
}

check("POST /members ignores fields a client may not choose (role, id, passwordHash, ...)", async () => {
  const findings = await attack.massAssignment({
    route: "POST /members",
    valid: freshSignUp(),
    send: (body) => http(app).post("/members", { json: body }),
  });
  expect(findings, "privileged fields sent beside a valid sign-up").toHaveNoFindings();
}, { task: 1 });

check("POST /members with {} answers a 422 problem naming every missing field", async () => {
  const res = await http(app).post("/members", { json: {} });
  expect(res.status, "status of POST /members with {}").toBe(422);
  expect(res.headers.get("content-type"), "Content-Type of POST /members with {}").toBe("application/problem+json");
  const body = res.json();
  expect(body, "problem document of POST /members with {}").toHaveProperty("status", 422);
  const fields = failingFields(body);
  for (const field of ["body:username", "body:email", "body:password"]) {
    expect(fields, "fields listed in errors of POST /members with {}").toContain(field);
  }
}, { task: 1 });

check("POST /members with the wrong types answers 422, not 500", async () => {
  const sent = { username: 42, email: ["ada@example.com"], password: true };
  const res = await http(app).post("/members", { json: sent });
  expect(res.status, `status of POST /members with ${JSON.stringify(sent)}`).toBe(422);
  expect(failingFields(res.json()), `fields listed in errors of POST /members with ${JSON.stringify(sent)}`).toContain("body:username");
}, { task: 1 });

check("POST /members with malformed JSON answers a 400 problem, and a text body 415", async () => {
  const client = http(app);
  const malformed = await client.post("/members", { body: "{\"username\": ", headers: { "Content-Type": "application/json" } });
  expect(malformed.status, "status of POST /members with a cut-off JSON body").toBe(400);
  expect(malformed.headers.get("content-type"), "Content-Type of POST /members with a cut-off JSON body").toBe("application/problem+json");
  const text = await client.post("/members", { body: "katherine", headers: { "Content-Type": "text/plain" } });
  expect(text.status, "status of POST /members with Content-Type: text/plain").toBe(415);
}, { task: 1 });

check("POST /members refuses a username, email, password or interests that break the rules", async () => {
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
    const res = await client.post("/members", { json: { ...valid, ...change } });
    expect(res.status, `status of POST /members with ${JSON.stringify(change)}`).toBe(422);
    expect(failingFields(res.json()), `fields listed in errors of POST /members with ${JSON.stringify(change)}`).toContain(`body:${field}`);
  }
}, { task: 2 });

check("POST /members refuses oversized passwords and interests", async () => {
  const client = http(app);
  const valid = { username: "rosalind", email: "rosalind@example.com", password: "photo51-diffraction", interests: ["x-rays"] };
  const cases: [string, Record<string, unknown>][] = [
    ["password", { password: "p".repeat(129) }],
    ["password", { password: "p".repeat(100_000) }],
    ["interests.0", { interests: ["i".repeat(31)] }],
  ];
  for (const [field, change] of cases) {
    const res = await client.post("/members", { json: { ...valid, ...change } });
    const shown = JSON.stringify(change).slice(0, 60);
    expect(res.status, `status of POST /members with ${shown}… (${JSON.stringify(change).length} characters)`).toBe(422);
    expect(failingFields(res.json()), `fields listed in errors of POST /members with ${shown}…`).toContain(`body:${field}`);
  }
  const findings = await attack.oversized({
    route: "POST /members",
    valid: freshSignUp(),
    lengths: [10_000],
    send: (body) => client.post("/members", { json: body }),
  });
  expect(findings, "huge and mistyped fields of POST /members").toHaveNoFindings();
}, { task: 2 });

check("A refused password is never echoed back", async () => {
  const res = await http(app).post("/members", { json: { username: "rosalind", email: "rosalind@example.com", password: "photo51" } });
  expect(res.status, "status of POST /members with a 7-character password").toBe(422);
  expect(res.text, "body of POST /members with the password \"photo51\"").not.toContain("photo51");
}, { task: 2 });

check("POST /members stores the email trimmed and in lower case", async () => {
  const res = await http(app).post("/members", { json: { username: "hedy", email: "  Hedy.Lamarr@Example.COM ", password: "frequency-hopping" } });
  expect(res.status, "status of POST /members with email \"  Hedy.Lamarr@Example.COM \"").toBe(201);
  expect(res.json(), "JSON body of POST /members").toHaveProperty("email", "hedy.lamarr@example.com");
}, { task: 3 });

check("POST /members with a username or email already taken answers 409", async () => {
  const client = http(app);
  const first = await client.post("/members", { json: { username: "margaret", email: "margaret@example.com", password: "apollo-guidance" } });
  expect(first.status, "status of the first POST /members for margaret").toBe(201);
  const sameEmail = await client.post("/members", { json: { username: "maggie", email: " MARGARET@example.com", password: "apollo-guidance" } });
  expect(sameEmail.status, "status of POST /members with \" MARGARET@example.com\" (taken, in other case)").toBe(409);
  const sameName = await client.post("/members", { json: { username: "ada", email: "another-ada@example.com", password: "analytical-engine" } });
  expect(sameName.status, "status of POST /members with the username \"ada\" (taken)").toBe(409);
  // A problem document like Vial's own 422s: a short title and a detail a person can act on.
  expect(sameName.headers.get("content-type"), "Content-Type of the 409 answer").toBe("application/problem+json");
  const problem = sameName.json();
  expect(typeof problem.title === "string" && problem.title.length > 0, `title of the 409 problem document (got ${JSON.stringify(problem.title)})`).toBe(true);
  expect(typeof problem.detail === "string" && problem.detail.length > 0, `detail of the 409 problem document (got ${JSON.stringify(problem.detail)})`).toBe(true);
}, { task: 3 });

/** Signs a fresh member up and answers their username and password. */
async function signUpFresh(): Promise<{ username: string; password: string }> {
  const fields = freshSignUp() as { username: string; password: string };
  const res = await http(app).post("/members", { json: fields });
  expect(res.status, `status of POST /members for a new member ${fields.username}`).toBe(201);
  return fields;
}

/** The session cookie's Set-Cookie line in a response, or "". */
function sessionCookieLine(headers: Headers): string {
  return headers.getSetCookie().find((line) => line.startsWith("session=")) ?? "";
}

check("A member who just signed up can log in, and stays logged in only when remembered", async () => {
  const { username, password } = await signUpFresh();
  const client = http(app);
  const login = await client.post("/login", { json: { username, password } });
  expect(login.status, "status of POST /login as the new member").toBe(200);
  expect(sessionCookieLine(login.headers), "Set-Cookie of POST /login without remember (a cookie for this browser session only)").not.toMatch(/expires=|max-age=/i);
  const me = await client.get("/me");
  expect(me.json(), "JSON body of GET /me after logging in").toHaveProperty("username", username);
  const remembered = await http(app).post("/login", { json: { username, password, remember: true } });
  expect(remembered.status, "status of POST /login with remember: true").toBe(200);
  expect(sessionCookieLine(remembered.headers), "Set-Cookie of POST /login with remember: true").toMatch(/expires=|max-age=/i);
  const wrong = await http(app).post("/login", { json: { username, password: `${password}!` } });
  expect(wrong.status, "status of POST /login with a wrong password").toBe(401);
}, { task: 4 });

check("POST /login with {} or the wrong types answers a 422 problem naming each field", async () => {
  const client = http(app);
  const empty = await client.post("/login", { json: {} });
  expect(empty.status, "status of POST /login with {}").toBe(422);
  expect(empty.headers.get("content-type"), "Content-Type of POST /login with {}").toBe("application/problem+json");
  const fields = failingFields(empty.json());
  for (const field of ["body:username", "body:password"]) {
    expect(fields, "fields listed in errors of POST /login with {}").toContain(field);
  }
  const sent = { username: ["ada"], password: 1234, remember: "yes" };
  const mistyped = await client.post("/login", { json: sent });
  expect(mistyped.status, `status of POST /login with ${JSON.stringify(sent)}`).toBe(422);
  const mistypedFields = failingFields(mistyped.json());
  for (const field of ["body:username", "body:password", "body:remember"]) {
    expect(mistypedFields, `fields listed in errors of POST /login with ${JSON.stringify(sent)}`).toContain(field);
  }
}, { task: 4 });

check("POST /login refuses a username or password longer than any member's, before hashing it", async () => {
  const client = http(app);
  const cases: [string, Record<string, unknown>][] = [
    ["username", { username: "a".repeat(21), password: random.password(16) }],
    ["password", { username: "ada", password: "p".repeat(129) }],
    ["password", { username: "ada", password: "p".repeat(100_000) }],
  ];
  for (const [field, sent] of cases) {
    const shown = `a ${String(sent[field]).length}-character ${field}`;
    const res = await client.post("/login", { json: sent });
    expect(res.status, `status of POST /login with ${shown}`).toBe(422);
    expect(failingFields(res.json()), `fields listed in errors of POST /login with ${shown}`).toContain(`body:${field}`);
  }
}, { task: 4 });
