import { check, expect, http } from "grader";
import { app } from "./app";

/** Error entries of a problem document, as "location:path" strings, e.g. "query:limit". */
function failingFields(body: { errors?: { location?: string; path?: unknown[] }[] }): string[] {
  return (body.errors ?? []).map((error) => `${error.location}:${(error.path ?? []).join(".")}`);
}

/** The usernames in a JSON list of profiles. */
function usernames(list: unknown): unknown[] {
  return Array.isArray(list) ? list.map((profile: { username?: unknown }) => profile?.username) : [];
}

check("GET /members pages with ?limit= and ?page=, 10 a page by default", async () => {
  const client = http(app);
  const all = await client.get("/members");
  expect(all.status, "status of GET /members").toBe(200);
  expect(usernames(all.json()), "usernames in GET /members").toEqual(["ada", "grace", "alan", "barbara", "edsger"]);
  // The directory is public: profiles only, no member's email and no password hash.
  expect(all.text, "body of GET /members").not.toContain("@example.com");
  expect(all.text, "body of GET /members").not.toContain("pbkdf2:");
  const second = await client.get("/members?limit=2&page=2");
  expect(second.status, "status of GET /members?limit=2&page=2").toBe(200);
  expect(usernames(second.json()), "usernames in GET /members?limit=2&page=2").toEqual(["alan", "barbara"]);
  const first = await client.get("/members?limit=3");
  expect(usernames(first.json()), "usernames in GET /members?limit=3 (page 1 by default)").toEqual(["ada", "grace", "alan"]);
}, { task: 1 });

check("GET /members?interest= filters by one or several interests", async () => {
  const client = http(app);
  const chess = await client.get("/members?interest=chess");
  expect(chess.status, "status of GET /members?interest=chess").toBe(200);
  expect(usernames(chess.json()), "usernames in GET /members?interest=chess").toEqual(["ada", "alan", "barbara"]);
  const both = await client.get("/members?interest=chess&interest=hiking");
  expect(usernames(both.json()), "usernames in GET /members?interest=chess&interest=hiking").toEqual(["alan"]);
}, { task: 1 });

check("GET /members with a limit or page that makes no sense answers a 422 problem", async () => {
  const client = http(app);
  const cases: [string, string][] = [["limit=0", "limit"], ["limit=51", "limit"], ["limit=ten", "limit"], ["limit=2.5", "limit"], ["page=0", "page"], ["page=1.5", "page"]];
  for (const [query, field] of cases) {
    const res = await client.get(`/members?${query}`);
    expect(res.status, `status of GET /members?${query}`).toBe(422);
    expect(res.headers.get("content-type"), `Content-Type of GET /members?${query}`).toBe("application/problem+json");
    expect(failingFields(res.json()), `fields listed in errors of GET /members?${query}`).toContain(`query:${field}`);
  }
}, { task: 1 });

check("GET /members/joined/<day> lists the members who joined that day", async () => {
  const client = http(app);
  const busy = await client.get("/members/joined/2024-06-02");
  expect(busy.status, "status of GET /members/joined/2024-06-02").toBe(200);
  expect(usernames(busy.json()), "usernames in GET /members/joined/2024-06-02").toEqual(["barbara", "edsger"]);
  expect(busy.text, "body of GET /members/joined/2024-06-02").not.toContain("passwordHash");
  const quiet = await client.get("/members/joined/2024-02-29");
  expect(quiet.status, "status of GET /members/joined/2024-02-29 (a real date, nobody joined)").toBe(200);
  expect(quiet.json(), "JSON body of GET /members/joined/2024-02-29").toEqual([]);
}, { task: 2 });

check("GET /members/joined/<day> with a day that is not a date answers a 422 problem", async () => {
  const client = http(app);
  for (const day of ["2024-02-30", "yesterday", "2024-6-2"]) {
    const res = await client.get(`/members/joined/${day}`);
    expect(res.status, `status of GET /members/joined/${day}`).toBe(422);
    expect(failingFields(res.json()), `fields listed in errors of GET /members/joined/${day}`).toContain("params:day");
  }
}, { task: 2 });

check("GET /members echoes a valid X-Request-Id", async () => {
  const res = await http(app).get("/members", { headers: { "X-Request-Id": "req-2024-abc123" } });
  expect(res.status, "status of GET /members with X-Request-Id: req-2024-abc123").toBe(200);
  expect(res.headers.get("x-request-id"), "X-Request-Id header of the answer").toBe("req-2024-abc123");
}, { task: 3 });

check("GET /members refuses a bad X-Request-Id, listed with any query errors", async () => {
  const client = http(app);
  const bad = await client.get("/members", { headers: { "X-Request-Id": "no spaces; please" } });
  expect(bad.status, "status of GET /members with X-Request-Id: no spaces; please").toBe(422);
  expect(failingFields(bad.json()), "fields listed in errors of GET /members with a bad X-Request-Id").toContain("headers:x-request-id");
  const both = await client.get("/members?limit=0", { headers: { "X-Request-Id": "x".repeat(65) } });
  expect(both.status, "status of GET /members?limit=0 with a 65-character X-Request-Id").toBe(422);
  const fields = failingFields(both.json());
  expect(fields, "fields listed in errors of GET /members?limit=0 with a 65-character X-Request-Id").toContain("query:limit");
  expect(fields, "fields listed in errors of GET /members?limit=0 with a 65-character X-Request-Id").toContain("headers:x-request-id");
}, { task: 3 });
