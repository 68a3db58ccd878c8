import type { TestClient } from "vial/testing";
import { assert, assertEqual, type AppUnderTest, type CreateApp, type Tests } from "./testing";

// The kit: fixtures that make, from nothing, what an attack test needs. Every test calls them
// for a fresh app, so no test depends on another having run.

const ADA = { username: "ada", password: "correct horse battery" };
const GRACE = { username: "grace", password: "staple paper clip" };

/** A fresh board with two members, Ada and Grace; TESTING on, so logging in is cheap. */
function boardWithMembers(createApp: CreateApp): AppUnderTest {
  return createApp({ TESTING: true, MEMBERS: { [ADA.username]: ADA.password, [GRACE.username]: GRACE.password } });
}

/** The CSRF token of the form on the page at `path`, as a browser finds it there. */
async function tokenFrom(client: TestClient, path: string): Promise<string> {
  const page = await (await client.get(path)).text();
  const token = /name="csrf_token" value="([^"]+)"/.exec(page)?.[1];
  assert(token, `the page at ${path} should hold a form with a CSRF token`);
  return token;
}

/** A new client of `app`, logged in as `member` through the login form, token and all. */
async function loggedIn(app: AppUnderTest, member: { username: string; password: string }): Promise<TestClient> {
  const client = app.testClient();
  const res = await client.post("/login", { form: { csrf_token: await tokenFrom(client, "/login"), ...member } });
  assertEqual(res.status, 303, `status of POST /login as ${member.username}`);
  return client;
}

/** Posts a comment as the logged-in `client`; returns its id, read from its edit link on the board. */
async function postComment(client: TestClient, text: string): Promise<number> {
  const res = await client.post("/comments", { form: { csrf_token: await tokenFrom(client, "/comments"), text } });
  assertEqual(res.status, 303, "status of POST /comments");
  const ids = [...(await (await client.get("/comments")).text()).matchAll(/href="\/comments\/(\d+)\/edit"/g)].map((match) => Number(match[1]));
  assert(ids.length > 0, "the board should link to the comment just posted");
  return Math.max(...ids);
}

export const tests: Tests = {
  "the login form answers 303 with the right password and 401 with a wrong one": async (createApp) => {
    const app = boardWithMembers(createApp);
    await loggedIn(app, ADA);
    const client = app.testClient();
    const res = await client.post("/login", { form: { csrf_token: await tokenFrom(client, "/login"), ...ADA, password: "wrong" } });
    assertEqual(res.status, 401, "status of POST /login with a wrong password");
  },
  "the board, posting, editing and deleting answer": async (createApp) => {
    const ada = await loggedIn(boardWithMembers(createApp), ADA);
    assertEqual((await ada.get("/comments")).status, 200, "status of GET /comments");
    const id = await postComment(ada, "Hello");
    assertEqual((await ada.get(`/comments/${id}/edit`)).status, 200, "status of the edit form");
    const token = await tokenFrom(ada, "/comments");
    assertEqual((await ada.post(`/comments/${id}`, { form: { csrf_token: token, text: "Hi" } })).status, 303, "status of an edit");
    assertEqual((await ada.post(`/comments/${id}/delete`, { form: { csrf_token: token } })).status, 303, "status of a delete");
  },
  "a form without its token answers 403": async (createApp) => {
    const ada = await loggedIn(boardWithMembers(createApp), ADA);
    assertEqual((await ada.post("/comments", { form: { text: "forged" } })).status, 403, "status of POST /comments without a token");
  },
  "another member's edit form answers 404": async (createApp) => {
    const app = boardWithMembers(createApp);
    const id = await postComment(await loggedIn(app, ADA), "Ada's");
    assertEqual((await (await loggedIn(app, GRACE)).get(`/comments/${id}/edit`)).status, 404, "status of Grace asking for Ada's edit form");
  },
};
