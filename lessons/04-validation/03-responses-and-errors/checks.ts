import { attack, check, expect, http, random } from "grader";
import { app } from "./app";

const PUBLIC_FIELDS = ["id", "interests", "joined", "name", "role", "username"];

/** The keys of a JSON object, sorted, to compare with the fields a view may have. */
function keysOf(value: unknown): string[] {
  return value !== null && typeof value === "object" ? Object.keys(value).sort() : [];
}

interface Fresh {
  id: number;
  username: string;
  email: string;
  password: string;
  client: ReturnType<typeof http>;
}

/** Signs a new member up with random details and logs them in; the client holds their session. */
async function freshMember(): Promise<Fresh> {
  const username = random.word(10);
  const email = `${username}@example.com`;
  const password = random.password(16);
  const client = http(app);
  const signUp = await client.post("/members", { json: { username, email, password, interests: ["chess"] } });
  expect(signUp.status, `status of POST /members for a new member ${username}`).toBe(201);
  const login = await client.post("/login", { json: { username, password } });
  expect(login.status, `status of POST /login as the new member ${username}`).toBe(200);
  return { id: signUp.json().id, username, email, password, client };
}

check("GET /members/1 answers only the public profile", async () => {
  const res = await http(app).get("/members/1");
  expect(res.status, "status of GET /members/1").toBe(200);
  expect(res.json(), "JSON body of GET /members/1").toHaveProperty("username", "ada");
  expect(keysOf(res.json()), "fields of GET /members/1").toEqual(PUBLIC_FIELDS);
  expect(res.text, "body of GET /members/1").not.toContain("pbkdf2:");
  expect(res.text, "body of GET /members/1").not.toContain("ada@example.com");
}, { task: 1 });

check("GET /members/99 answers 404", async () => {
  const res = await http(app).get("/members/99");
  expect(res.status, "status of GET /members/99 (no such member)").toBe(404);
}, { task: 1 });

check("PATCH /me changes the logged-in member's interests and answers their account", async () => {
  const me = await freshMember();
  const res = await me.client.patch("/me", { json: { interests: ["maths", "go"] } });
  expect(res.status, "status of PATCH /me").toBe(200);
  const body = res.json();
  expect(body, "JSON body of PATCH /me").toHaveProperty("interests", ["maths", "go"]);
  expect(body, "JSON body of PATCH /me (the member who is logged in)").toHaveProperty("username", me.username);
  expect(body, "JSON body of PATCH /me (email was not sent, so it stays)").toHaveProperty("email", me.email);
  expect(keysOf(body), "fields of PATCH /me").toEqual([...PUBLIC_FIELDS, "email"].sort());
  const profile = await http(app).get(`/members/${me.id}`);
  expect(profile.json(), `JSON body of GET /members/${me.id} after the PATCH`).toHaveProperty("interests", ["maths", "go"]);
}, { task: 2 });

check("PATCH /me cannot change the role, the id or the password hash", async () => {
  const me = await freshMember();
  const sent = { role: "admin", passwordHash: "plaintext-now", id: 1, email: ` ${me.username.toUpperCase()}.New@Example.com ` };
  const res = await me.client.patch("/me", { json: sent });
  expect(res.status, `status of PATCH /me with ${JSON.stringify(sent)}`).toBe(200);
  expect(res.json(), "JSON body of PATCH /me").toHaveProperty("role", "member");
  expect(res.json(), "JSON body of PATCH /me").toHaveProperty("id", me.id);
  expect(res.json(), "JSON body of PATCH /me (the email is normalised)").toHaveProperty("email", `${me.username}.new@example.com`);
  expect(res.text, "body of PATCH /me").not.toContain("passwordHash");
  expect(res.text, "body of PATCH /me").not.toContain("pbkdf2:");
  const after = await http(app).get(`/members/${me.id}`);
  expect(after.json(), `JSON body of GET /members/${me.id} after the PATCH`).toHaveProperty("role", "member");
  // The password hash is untouched: the old password still logs in.
  const again = await http(app).post("/login", { json: { username: me.username, password: me.password } });
  expect(again.status, "status of POST /login with the member's password after the PATCH").toBe(200);
  const findings = await attack.massAssignment({
    route: "PATCH /me",
    valid: { interests: ["go"] },
    send: (body) => me.client.patch("/me", { json: body }),
  });
  expect(findings, "privileged fields sent beside a valid PATCH /me").toHaveNoFindings();
}, { task: 2 });

check("PATCH /me refuses bad fields, visitors who are not logged in, and taken emails", async () => {
  const me = await freshMember();
  const bad = await me.client.patch("/me", { json: { interests: "chess" } });
  expect(bad.status, "status of PATCH /me with {\"interests\": \"chess\"}").toBe(422);
  expect(bad.headers.get("content-type"), "Content-Type of PATCH /me with {\"interests\": \"chess\"}").toBe("application/problem+json");
  for (const interests of [["a", "b", "c", "d", "e", "f"], [""], ["x".repeat(31)]]) {
    const res = await me.client.patch("/me", { json: { interests } });
    expect(res.status, `status of PATCH /me with interests ${JSON.stringify(interests)} (at most 5, each 1 to 30 characters)`).toBe(422);
  }
  const anonymous = await http(app).patch("/me", { json: { interests: ["go"] } });
  expect(anonymous.status, "status of PATCH /me without logging in").toBe(401);
  const taken = await me.client.patch("/me", { json: { email: "GRACE@example.com" } });
  expect(taken.status, "status of PATCH /me with grace's email").toBe(409);
  expect(taken.headers.get("content-type"), "Content-Type of the 409 answer").toBe("application/problem+json");
  const problem = taken.json();
  expect(typeof problem.title === "string" && problem.title.length > 0, `title of the 409 problem document (got ${JSON.stringify(problem.title)})`).toBe(true);
  expect(typeof problem.detail === "string" && problem.detail.length > 0, `detail of the 409 problem document (got ${JSON.stringify(problem.detail)})`).toBe(true);
  const own = await me.client.patch("/me", { json: { email: me.email.toUpperCase() } });
  expect(own.status, "status of PATCH /me with the member's own email, in capitals").toBe(200);
}, { task: 2 });

check("Validation problems add a fields object, keyed by field", async () => {
  const client = http(app);
  const signUp = await client.post("/members", { json: { username: "ok_name", email: "not-an-email", password: "short" } });
  expect(signUp.status, "status of POST /members with a bad email and password").toBe(422);
  expect(signUp.headers.get("content-type"), "Content-Type of POST /members with a bad email and password").toBe("application/problem+json");
  const body = signUp.json();
  expect(body, "problem document of POST /members (RFC 9457 members stay)").toHaveProperty("title", "Unprocessable Content");
  expect(body, "problem document of POST /members (errors stay)").toHaveProperty("errors");
  expect(keysOf(body.fields), "keys of fields in POST /members with a bad email and password").toEqual(["email", "password"]);
  expect(typeof body.fields.email, "type of fields.email").toBe("string");
  const query = await client.get("/members?limit=0");
  expect(query.json(), "problem document of GET /members?limit=0").toHaveProperty("fields.limit");
}, { task: 3 });

check("An unreadable body is listed in fields under its location", async () => {
  const res = await http(app).patch("/me", { body: "{\"interests\": [", headers: { "Content-Type": "application/json" } });
  expect(res.status, "status of PATCH /me with a cut-off JSON body").toBe(400);
  expect(res.json(), "problem document of PATCH /me with a cut-off JSON body").toHaveProperty("fields.body");
}, { task: 3 });
