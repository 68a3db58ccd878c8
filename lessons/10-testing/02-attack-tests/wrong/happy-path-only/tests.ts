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
  "a member posts, edits and deletes a comment": async (createApp) => {
    const ada = await loggedIn(boardWithMembers(createApp), ADA);
    const id = await postComment(ada, "Hello, board");
    assert((await board(ada)).includes("Hello, board"), "the new comment should be on the board");
    await ada.post(`/comments/${id}`, { form: { csrf_token: await tokenFrom(ada, "/comments"), text: "Hello again" } });
    assert((await board(ada)).includes("Hello again"), "the edited comment should be on the board");
    await ada.post(`/comments/${id}/delete`, { form: { csrf_token: await tokenFrom(ada, "/comments") } });
    assert(!(await board(ada)).includes("Hello again"), "the deleted comment should be gone");
  },
  "a member can log in and out": async (createApp) => {
    const ada = await loggedIn(boardWithMembers(createApp), ADA);
    const res = await ada.post("/logout", { form: { csrf_token: await tokenFrom(ada, "/comments") }, followRedirects: true });
    assert((await res.text()).includes('action="/login"'), "logging out should show the login form");
  },
};
