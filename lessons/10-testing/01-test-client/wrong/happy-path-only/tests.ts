import { assert, assertEqual, type Tests } from "./testing";

export const tests: Tests = {
  "a member adds a note and sees it": async (createApp) => {
    const client = createApp({ TESTING: true }).testClient();
    await client.post("/register", { form: { username: "ada", password: "correct horse battery" } });
    const res = await client.post("/notes", { form: { title: "buy milk" }, followRedirects: true });
    assertEqual(res.status, 200, "status of the notes page after adding a note");
    assert((await res.text()).includes("buy milk"), "the new note should be on the page");
  },
  "a member can log out": async (createApp) => {
    const client = createApp({ TESTING: true }).testClient();
    await client.post("/register", { form: { username: "ada", password: "correct horse battery" } });
    const res = await client.post("/logout", { followRedirects: true });
    assert((await res.text()).includes('action="/login"'), "logging out should show the login form");
  },
};
