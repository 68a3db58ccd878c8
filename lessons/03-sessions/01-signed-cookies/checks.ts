import { attack, check, expect, http } from "grader";
import { sessionSerializer } from "vial/signing";
import { app } from "./app";

/** The JSON inside a session cookie: its first part is only base64url, anyone can read it. */
function decodeSession(cookie: string | undefined): string {
  if (cookie === undefined) return "(no session cookie)";
  const [payload = ""] = cookie.split(".");
  return atob(payload.replaceAll("-", "+").replaceAll("_", "/"));
}

/** The same cookie with other data in it, and the original timestamp and signature. */
function forge(cookie: string, data: unknown): string {
  const payload = btoa(JSON.stringify(data)).replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");
  return [payload, ...cookie.split(".").slice(1)].join(".");
}

check("GET /visits counts 1, 2, 3 for one visitor", async () => {
  const client = http(app);
  for (const expected of [1, 2, 3]) {
    const res = await client.get("/visits");
    expect(res.status, "status of GET /visits").toBe(200);
    expect(res.json(), `JSON body of visit number ${expected} to GET /visits`).toEqual({ visits: expected });
  }
  expect(Object.keys((await client.get("/books")).cookies), "cookies the client holds after GET /visits").toContain("session");
}, { task: 1 });

check("A new visitor starts again at 1", async () => {
  await http(app).get("/visits");
  const res = await http(app).get("/visits");
  expect(res.json(), "JSON body of GET /visits from a client without a cookie").toEqual({ visits: 1 });
}, { task: 1 });

check("POST /reading-list adds books, once each, and GET /reading-list shows them", async () => {
  const client = http(app);
  for (const bookId of [3, 1, 3]) {
    const res = await client.post("/reading-list", { json: { bookId } });
    expect(res.status, `status of POST /reading-list with {"bookId": ${bookId}}`).toBe(200);
  }
  const res = await client.get("/reading-list");
  expect(res.status, "status of GET /reading-list").toBe(200);
  const ids = (res.json().books as { id: number }[] | undefined)?.map((book) => book.id);
  expect(ids, "ids of the books in GET /reading-list after adding 3, 1 and 3 again").toEqual([3, 1]);
  expect(res.json().books[0], "first book of GET /reading-list").toHaveProperty("title", "Designing Data-Intensive Applications");
  expect(res.headers.get("vary") ?? "(no Vary header)", "Vary header of GET /reading-list").toContain("Cookie");
}, { task: 2 });

check("A new visitor's reading list is empty, and an unknown book answers 404", async () => {
  const client = http(app);
  const empty = await client.get("/reading-list");
  expect(empty.status, "status of GET /reading-list without a cookie").toBe(200);
  expect(empty.json(), "JSON body of GET /reading-list without a cookie").toEqual({ books: [] });
  const missing = await client.post("/reading-list", { json: { bookId: 99 } });
  expect(missing.status, 'status of POST /reading-list with {"bookId": 99}').toBe(404);
}, { task: 2 });

check("The cookie holds book ids, not whole books", async () => {
  const client = http(app);
  const res = await client.post("/reading-list", { json: { bookId: 4 } });
  const inside = decodeSession(res.cookies.session);
  expect(inside, "the session cookie, decoded").toContain("4");
  expect(inside, "the session cookie, decoded (it should hold the id 4, not the book's title)").not.toContain("Mythical");
}, { task: 2 });

check("A tampered or forged cookie gives an empty reading list, not an error", async () => {
  const client = http(app);
  const res = await client.post("/reading-list", { json: { bookId: 1 } });
  const cookie = res.cookies.session ?? "";
  expect(cookie, "the session cookie after POST /reading-list").not.toBe("");
  const tampered = forge(cookie, { reading_list: [1, 2, 3, 4] });
  const edited = await client.get("/reading-list", { headers: { cookie: `session=${tampered}` } });
  expect(edited.status, "status of GET /reading-list with an edited cookie").toBe(200);
  expect(edited.json(), "JSON body of GET /reading-list with an edited cookie").toEqual({ books: [] });
  const signedElsewhere = await sessionSerializer("guessed-secret-key").dumps({ reading_list: [2] });
  const forged = await client.get("/reading-list", { headers: { cookie: `session=${signedElsewhere}` } });
  expect(forged.json(), "JSON body of GET /reading-list with a cookie signed by another key").toEqual({ books: [] });
}, { task: 2 });

check("A session cookie with a changed or missing signature, or re-signed with another key, holds no list", async () => {
  const findings = await attack.sessionCookies(app, {
    login: (client) => client.post("/reading-list", { json: { bookId: 3 } }),
    whoami: (client, headers) => client.get("/reading-list", { headers }),
    sign: (key, data) => sessionSerializer(key).dumps(data),
  });
  expect(findings, "GET /reading-list with altered and re-signed session cookies").toHaveNoFindings();
}, { task: 2 });

check("Only the signed session holds the reading list: other cookies change nothing", async () => {
  const findings = await attack.foreignCookies(app, {
    login: (client) => client.post("/reading-list", { json: { bookId: 4 } }),
    whoami: (client, headers) => client.get("/reading-list", { headers }),
  });
  expect(findings, "GET /reading-list with cookies the app did not sign").toHaveNoFindings();
}, { task: 2 });

check("DELETE /reading-list empties the list but keeps the visit count", async () => {
  const client = http(app);
  await client.get("/visits");
  await client.post("/reading-list", { json: { bookId: 2 } });
  const res = await client.delete("/reading-list");
  expect(res.status, "status of DELETE /reading-list").toBe(200);
  const list = await client.get("/reading-list");
  expect(list.json(), "JSON body of GET /reading-list after DELETE /reading-list").toEqual({ books: [] });
  const visits = await client.get("/visits");
  expect(visits.json(), "JSON body of GET /visits after DELETE /reading-list (the second visit)").toEqual({ visits: 2 });
}, { task: 3 });

check("DELETE /session forgets everything and removes the cookie", async () => {
  const client = http(app);
  await client.get("/visits");
  await client.post("/reading-list", { json: { bookId: 2 } });
  const res = await client.delete("/session");
  expect(res.status, "status of DELETE /session").toBe(200);
  expect(Object.keys(res.cookies), "cookies the client holds after DELETE /session").not.toContain("session");
  const visits = await client.get("/visits");
  expect(visits.json(), "JSON body of GET /visits after DELETE /session").toEqual({ visits: 1 });
}, { task: 3 });
