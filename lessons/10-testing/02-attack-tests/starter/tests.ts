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

/** The text of the board as `client` sees it. */
async function board(client: TestClient): Promise<string> {
  return (await client.get("/comments")).text();
}

export const tests: Tests = {
  "a visitor who is not logged in is sent to the login page": async (createApp) => {
    const client = boardWithMembers(createApp).testClient();
    const res = await client.get("/comments");
    assertEqual(res.status, 302, "status of GET /comments without logging in");
    assertEqual(res.headers.get("location"), "/login", "where GET /comments sends a visitor");
  },

  "a member's comment is on the board": async (createApp) => {
    const ada = await loggedIn(boardWithMembers(createApp), ADA);
    await postComment(ada, "Hello, board");
    assert((await board(ada)).includes("Hello, board"), "the board should show Ada's comment");
  },
};
