import { assertEqual, type Tests } from "./testing";

const member = { username: "ada", password: "correct horse battery" };

export const tests: Tests = {
  "GET /notes without logging in redirects": async (createApp) => {
    const res = await createApp({ TESTING: true }).testClient().get("/notes");
    assertEqual(res.status, 302, "status of GET /notes");
  },
  "POST /register answers 303": async (createApp) => {
    const res = await createApp({ TESTING: true }).testClient().post("/register", { form: member });
    assertEqual(res.status, 303, "status of POST /register");
  },
  "POST /login answers 303 with the right password and 401 with a wrong one": async (createApp) => {
    const app = createApp({ TESTING: true });
    await app.testClient().post("/register", { form: member });
    assertEqual((await app.testClient().post("/login", { form: member })).status, 303, "status of POST /login");
    assertEqual((await app.testClient().post("/login", { form: { ...member, password: "wrong password" } })).status, 401, "status of a wrong POST /login");
  },
  "the notes page, adding a note and logging out answer": async (createApp) => {
    const client = createApp({ TESTING: true }).testClient();
    await client.post("/register", { form: member });
    assertEqual((await client.get("/notes")).status, 200, "status of GET /notes");
    assertEqual((await client.post("/notes", { form: { title: "milk" } })).status, 303, "status of POST /notes");
    assertEqual((await client.post("/logout")).status, 303, "status of POST /logout");
  },
};
