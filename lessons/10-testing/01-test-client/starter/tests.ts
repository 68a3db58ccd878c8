import { assertEqual, type Tests } from "./testing";

// Each test gets `createApp`: call it for a fresh app (with TESTING on, logins are fast), and
// talk to the app through its test client, which keeps cookies like a browser.
export const tests: Tests = {
  "a visitor who is not logged in is sent to the login page": async (createApp) => {
    const client = createApp({ TESTING: true }).testClient();
    const res = await client.get("/notes");
    assertEqual(res.status, 302, "status of GET /notes without logging in");
    assertEqual(res.headers.get("location"), "/login", "where GET /notes sends a visitor");
  },
};
