import type { TestClient } from "vial";
import { assert, assertEqual, type CreateApp, type Tests } from "./testing";

// A fixture, as pytest would have one: a fresh app (TESTING on: cheap password hashes) and a
// client for it. Every test starts from nothing, so no test depends on another having run.
function freshClient(createApp: CreateApp): TestClient {
  return createApp({ TESTING: true }).testClient();
}

/** A name and a password nobody else in this test uses. */
function newMember() {
  const tag = Math.random().toString(36).slice(2, 10);
  return { username: `member_${tag}`, password: `pw-${tag}-long-enough` };
}

/** Registers a member on `client`, which is then logged in as them. */
async function register(client: TestClient, member = newMember()) {
  const res = await client.post("/register", { form: member });
  assertEqual(res.status, 303, "status of POST /register");
  return member;
}

async function addNote(client: TestClient, title: string) {
  const res = await client.post("/notes", { form: { title } });
  assertEqual(res.status, 303, `status of POST /notes with ${JSON.stringify(title)}`);
}

/** Is `client` logged in? Asked the way a browser would: does GET /notes show the notes page? */
async function isLoggedIn(client: TestClient): Promise<boolean> {
  const res = await client.get("/notes");
  return res.status === 200 && res.headers.get("location") === null;
}

export const tests: Tests = {
  "a visitor who is not logged in is sent to the login page": async (createApp) => {
    const client = freshClient(createApp);
    const res = await client.get("/notes");
    assertEqual(res.status, 302, "status of GET /notes without logging in");
    assertEqual(res.headers.get("location"), "/login", "where GET /notes sends a visitor");
    // Followed, the redirect ends on the login form, as a browser would show it.
    const followed = await client.get("/notes", { followRedirects: true });
    assert(followed.status === 200 && (await followed.text()).includes('action="/login"'), "GET /notes, redirects followed, should end on the login form");
  },

  "the right password logs in, a wrong one does not": async (createApp) => {
    const app = createApp({ TESTING: true });
    const member = await register(app.testClient());
    const wrong = app.testClient();
    const refused = await wrong.post("/login", { form: { username: member.username, password: `${member.password}x` } });
    assertEqual(refused.status, 401, "status of POST /login with a wrong password");
    assert(!(await isLoggedIn(wrong)), "after a wrong password, the visitor must not be logged in");
    const right = app.testClient();
    const accepted = await right.post("/login", { form: member, followRedirects: true });
    assertEqual(accepted.status, 200, "status of POST /login with the right password, redirects followed");
    assert((await accepted.text()).includes(`Notes of ${member.username}`), "after logging in, the notes page should name the member");
  },

  "logging out ends the session": async (createApp) => {
    const client = freshClient(createApp);
    await register(client);
    assert(await isLoggedIn(client), "after registering, the member should be logged in");
    const res = await client.post("/logout");
    assertEqual(res.status, 303, "status of POST /logout");
    assert(!(await isLoggedIn(client)), "after POST /logout, GET /notes must not show the notes page");
  },

  "a member sees only their own notes": async (createApp) => {
    const app = createApp({ TESTING: true });
    const ada = app.testClient();
    const grace = app.testClient();
    await register(ada);
    await register(grace);
    await addNote(ada, "ada's private plan");
    await addNote(grace, "grace's own list");
    const page = await (await grace.get("/notes")).text();
    assert(page.includes("grace&#39;s own list") || page.includes("grace's own list"), "Grace should see her own note");
    assert(!page.includes("private plan"), "Grace must not see Ada's note");
  },

  "a note's title is shown as text, never as markup": async (createApp) => {
    const client = freshClient(createApp);
    await register(client);
    const title = `<img src=x onerror="alert(1)"> & <b>bold</b>`;
    await addNote(client, title);
    const page = await (await client.get("/notes")).text();
    assert(!page.includes("<img src=x") && !page.includes("<b>bold</b>"), "the title must not reach the page as markup");
    assert(page.includes("&lt;img src=x"), "the title should be on the page, escaped");
  },
};
