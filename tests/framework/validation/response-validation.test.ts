// `response` schemas (issue 4): what leaves is the schema's output, so extra fields are stripped;
// a mismatch is a server bug: 500, logged, explained only in DEBUG.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ResponseValidationError, Vial, json } from "vial";

const PublicUser = z.object({ id: z.number(), name: z.string() });
const userRecord = { id: 1, name: "Ada", email: "ada@example.com", passwordHash: "scrypt$16384$8$1$c2FsdA$aGFzaA" };

function recordingApp(options: { debug?: boolean } = {}) {
  const logged: unknown[] = [];
  const app = new Vial({ config: { DEBUG: options.debug ?? false }, logger: { error: (_message, error) => logged.push(error) } });
  return { app, logged };
}

describe("stripping", () => {
  it("a handler returning the whole user record sends no password hash", async () => {
    const app = new Vial();
    app.get("/users/<int:id>", { response: PublicUser }, () => userRecord);
    const res = await app.request("/users/1");
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ id: 1, name: "Ada" });
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain("scrypt");
  });

  it("strips inside arrays and nested objects", async () => {
    const app = new Vial();
    // Three items: a two-item array of flat objects would read as a [body, headers] tuple.
    app.get("/users", { response: z.array(PublicUser) }, () => [userRecord, { ...userRecord, id: 2 }, { ...userRecord, id: 3 }]);
    expect(await (await app.request("/users")).json()).toEqual([1, 2, 3].map((id) => ({ id, name: "Ada" })));
    app.get("/page", { response: z.object({ users: z.array(PublicUser) }) }, () => ({ users: [userRecord], cursor: "secret" }));
    expect(await (await app.request("/page")).json()).toEqual({ users: [{ id: 1, name: "Ada" }] });
  });

  it("keeps the status and headers of a [body, status, headers] tuple", async () => {
    const app = new Vial();
    app.post("/users", { response: PublicUser }, () => [userRecord, 201, { location: "/users/1" }]);
    const res = await app.request("/users", { method: "POST" });
    expect([res.status, res.headers.get("location")]).toEqual([201, "/users/1"]);
    expect(await res.json()).toEqual({ id: 1, name: "Ada" });
  });

  it("also strips a json() Response, and drops a Content-Length that no longer fits", async () => {
    const app = new Vial();
    app.post("/users", { response: PublicUser }, () => {
      const body = JSON.stringify(userRecord);
      return json(userRecord, { status: 201, headers: { "x-id": "1", "content-length": String(body.length) } });
    });
    const res = await app.request("/users", { method: "POST" });
    expect([res.status, res.headers.get("x-id"), res.headers.get("content-length")]).toEqual([201, "1", null]);
    expect(await res.json()).toEqual({ id: 1, name: "Ada" });
  });

  it("sends the schema's output: transforms and defaults apply", async () => {
    const app = new Vial();
    const Out = z.object({ name: z.string().transform((name) => name.toUpperCase()), role: z.string().default("member") });
    app.get("/me", { response: Out }, () => ({ name: "ada" }));
    expect(await (await app.request("/me")).json()).toEqual({ name: "ADA", role: "member" });
  });

  it("leaves error statuses and non-JSON bodies alone", async () => {
    const app = new Vial();
    app.get("/users/<int:id>", { response: PublicUser }, (req) => (req.params.id === 0 ? [{ error: "no such user" }, 404] : "<p>html</p>"));
    const missing = await app.request("/users/0");
    expect([missing.status, await missing.json()]).toEqual([404, { error: "no such user" }]);
    const page = await app.request("/users/1");
    expect([page.status, await page.text()]).toEqual([200, "<p>html</p>"]);
  });

  it("does not consume a streamed body twice", async () => {
    const app = new Vial();
    app.get("/stream", { response: PublicUser }, function* () {
      yield "a";
      yield "b";
      yield "c";
    });
    expect(await (await app.request("/stream")).text()).toBe("abc");
  });
});

describe("a response that does not match", () => {
  const wrong = () => ({ id: "1", email: "ada@example.com" });

  it("is a 500 in production that names nothing, and is logged with every issue", async () => {
    const { app, logged } = recordingApp();
    app.get("/me", { response: PublicUser }, wrong);
    const res = await app.request("/me");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/name|id|schema|ada@/);
    expect(logged).toHaveLength(1);
    const error = logged[0] as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues).toEqual([
      { path: ["id"], message: "Invalid input: expected number, received string" },
      { path: ["name"], message: "Invalid input: expected string, received undefined" },
    ]);
  });

  it("in DEBUG, the 500 page says which field and what was wrong", async () => {
    const { app } = recordingApp({ debug: true });
    app.get("/me", { response: PublicUser }, wrong);
    const res = await app.request("/me");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toContain("ResponseValidationError: The handler's response does not match the route's response schema");
    expect(text).toContain("id: Invalid input: expected number, received string");
    expect(text).toContain("name: Invalid input: expected string, received undefined");
  });

  it("can be handled by class", async () => {
    const { app } = recordingApp();
    app.get("/me", { response: PublicUser }, wrong);
    app.errorHandler(ResponseValidationError, (error: ResponseValidationError) => [{ broken: error.issues.map((issue) => issue.path.join(".")) }, 500]);
    expect(await (await app.request("/me")).json()).toEqual({ broken: ["id", "name"] });
  });

  it("a handler returning nothing still gets the app's message naming its endpoint", async () => {
    const { app } = recordingApp({ debug: true });
    app.get("/me", { response: PublicUser, endpoint: "me" }, () => undefined);
    expect(await (await app.request("/me")).text()).toContain('endpoint "me" did not return a response');
  });
});
