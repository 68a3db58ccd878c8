import assert from "node:assert/strict";
import { test } from "node:test";
import { createApp } from "../src/app.ts";

const app = createApp({ VIAL_SECRET_KEY: "a key for tests" });

test("the home page has a form with a CSRF token and a content security policy", async () => {
  const response = await app.request("/");
  assert.equal(response.status, 200);
  assert.match(await response.text(), /name="csrf_token" value="[^"]+"/);
  assert.ok(response.headers.get("content-security-policy"));
});

test("a POST without the CSRF token is refused", async () => {
  const response = await app.request("/greet", { method: "POST", body: new URLSearchParams({ name: "Ada" }) });
  assert.equal(response.status, 403);
});

test("greeting with the token flashes a message on the next page", async () => {
  const client = app.testClient();
  const page = await (await client.get("/")).text();
  const token = /name="csrf_token" value="([^"]+)"/.exec(page)?.[1] ?? "";
  const posted = await client.post("/greet", { form: { name: "Ada", csrf_token: token }, headers: { "sec-fetch-site": "same-origin" } });
  assert.equal(posted.status, 302);
  assert.match(await (await client.get("/")).text(), /Hello, Ada!/);
});

test("the app refuses to start without a secret key", () => {
  assert.throws(() => createApp({}), /VIAL_SECRET_KEY/);
});
