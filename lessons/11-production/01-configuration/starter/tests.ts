import type { TestClient } from "vial/testing";
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

/**
 * Registers a member on `client`, which is then logged in as them. No assertion here: a failed
 * registration fails the test at its own assertions (nobody logged in, no note on the page).
 */
async function register(client: TestClient, member = newMember()) {
  await client.post("/register", { form: member });
  return member;
}

async function addNote(client: TestClient, title: string) {
  await client.post("/notes", { form: { title } });
}

/** The notes listed on a notes page, each as the HTML between its <li> and </li>. */
function listedNotes(page: string): string[] {
  return [...page.matchAll(/<li>(.*?)<\/li>/gs)].map((match) => match[1]!);
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
  },

  "the right password logs in, a wrong one does not": async (createApp) => {
    const app = createApp({ TESTING: true });
    const member = await register(app.testClient());
    const wrong = app.testClient();
    // What the visitor can do afterwards is the test; a 401 alone would pass an app that answers
    // 401 and logs them in all the same.
    await wrong.post("/login", { form: { username: member.username, password: `${member.password}x` } });
    assert(!(await isLoggedIn(wrong)), "after a wrong password, the visitor must not be logged in");
    const right = app.testClient();
    // Redirects followed: the page the member ends on, as a browser would show it.
    const accepted = await right.post("/login", { form: member, followRedirects: true });
    assert((await accepted.text()).includes(`Notes of ${member.username}`), "after logging in with the right password, the notes page should name the member");
  },

  "logging out ends the session": async (createApp) => {
    const client = freshClient(createApp);
    await register(client);
    await client.post("/logout");
    assert(!(await isLoggedIn(client)), "after POST /logout, GET /notes must not show the notes page");
  },

  "a member sees only their own notes": async (createApp) => {
    const app = createApp({ TESTING: true });
    const ada = app.testClient();
    const grace = app.testClient();
    await register(ada);
    await register(grace);
    await addNote(ada, "plan of Ada");
    await addNote(grace, "list of Grace");
    // The whole list, not a missing word: a page that lists nothing would not show Ada's note either.
    const page = await (await grace.get("/notes")).text();
    assertEqual(JSON.stringify(listedNotes(page)), JSON.stringify(["list of Grace"]), "the notes on Grace's page");
  },

  "a note's title is shown as text, never as markup": async (createApp) => {
    const client = freshClient(createApp);
    await register(client);
    const title = `<img src=x onerror="alert(1)"> & <b>bold</b>`;
    await addNote(client, title);
    const page = await (await client.get("/notes")).text();
    // Both halves: no tag of the title on the page, and the title there all the same, as text.
    assert(!page.includes("<img src=x") && !page.includes("<b>bold</b>"), "the title must not reach the page as markup");
    assert(page.includes("&lt;img src=x"), "the title should be on the page, escaped");
  },
};
