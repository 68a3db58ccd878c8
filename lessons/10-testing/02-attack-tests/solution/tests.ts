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

/**
 * An attribute's value as a browser reads it: the character references an HTML escape writes
 * (`&quot;`, `&#39;`, `&lt;`, `&gt;`, `&amp;`) turned back into characters.
 */
function attributeValue(raw: string): string {
  const characters: Record<string, string> = { quot: '"', "#39": "'", lt: "<", gt: ">", amp: "&" };
  return raw.replace(/&(quot|#39|lt|gt|amp);/g, (reference, name: string) => characters[name] ?? reference);
}

/** One wrong guess at Ada's password from `client`, through the login form; its status. */
async function guessWrong(client: TestClient, guess: number): Promise<number> {
  const res = await client.post("/login", { form: { csrf_token: await tokenFrom(client, "/login"), username: ADA.username, password: `guess ${guess}` } });
  return res.status;
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

  // XSS in every context the text reaches: in the edit form it sits inside a quoted attribute,
  // where a quote, not a `<`, is what breaks out.
  "a comment stays the value of the edit form's field, quotes and all": async (createApp) => {
    const ada = await loggedIn(boardWithMembers(createApp), ADA);
    const text = `" autofocus onfocus="alert(1)" x='<b>'`;
    const id = await postComment(ada, text);
    const form = await (await ada.get(`/comments/${id}/edit`)).text();
    // The whole value, as a browser would read it: an attribute that ends early fails here.
    const value = /<input name="text" value="([^"]*)"/.exec(form)?.[1];
    assertEqual(attributeValue(value ?? "(no value attribute)"), text, "the edit field's value, as a browser reads it");
  },

  // CSRF on every route that changes something, not only the one you remember.
  "every form refuses a POST without its CSRF token": async (createApp) => {
    const ada = await loggedIn(boardWithMembers(createApp), ADA);
    const id = await postComment(ada, "Mine");
    for (const path of ["/comments", `/comments/${id}`, `/comments/${id}/delete`, "/logout"]) {
      const res = await ada.post(path, { form: { text: "forged" } });
      assertEqual(res.status, 403, `status of POST ${path} without a CSRF token`);
    }
  },

  // Brute force as a guesser does it: a new cookie jar for every guess, so the limit must count
  // something the guesser cannot throw away.
  "the sixth wrong password in a minute is refused, even from a fresh cookie jar each time": async (createApp) => {
    const app = boardWithMembers(createApp);
    const statuses: number[] = [];
    for (let guess = 1; guess <= 6; guess++) statuses.push(await guessWrong(app.testClient(), guess));
    assertEqual(statuses.at(-1), 429, "status of the sixth wrong POST /login in a minute, each from a new client");
  },

  // The other side of a limit: it must lift. The app's clock moves a minute on at once.
  "a minute after being limited, the member can log in again": async (createApp) => {
    const app = boardWithMembers(createApp);
    const client = app.testClient();
    for (let guess = 1; guess <= 6; guess++) await guessWrong(client, guess);
    app.advanceClock(61);
    const res = await client.post("/login", { form: { csrf_token: await tokenFrom(client, "/login"), ...ADA } });
    assertEqual(res.status, 303, "status of POST /login with the right password, 61 seconds after being limited");
  },

  // Session fixation: whatever the session held before login (its CSRF token here, or a
  // session an attacker planted) must be worth nothing after it.
  "logging in starts a new session: a token from before it no longer works": async (createApp) => {
    const client = boardWithMembers(createApp).testClient();
    const before = await tokenFrom(client, "/login");
    await client.post("/login", { form: { csrf_token: before, ...ADA } });
    const res = await client.post("/comments", { form: { csrf_token: before, text: "with the token from before login" } });
    assertEqual(res.status, 403, "status of POST /comments with the CSRF token from before login");
  },

  // IDOR: a member with a valid session and a valid token, asking for someone else's id.
  "a member cannot delete another member's comment": async (createApp) => {
    const app = boardWithMembers(createApp);
    const ada = await loggedIn(app, ADA);
    const id = await postComment(ada, "Ada was here");
    const grace = await loggedIn(app, GRACE);
    await grace.post(`/comments/${id}/delete`, { form: { csrf_token: await tokenFrom(grace, "/comments") } });
    assert((await board(ada)).includes("Ada was here"), "Ada's comment should still be on the board after Grace tried to delete it");
  },
};
