// Request schemas (issue 4, "Validation"): each location is validated, coerced where zod coerces,
// and put on `req`; invalid input answers RFC 9457 problem+json naming every failing field.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Vial, json, type StandardSchemaV1, type ValidationProblem } from "vial";

const quiet = { logger: { error: () => {} } };
const Item = z.object({ name: z.string().min(1), price: z.number().positive() });

async function problemOf(res: Response): Promise<ValidationProblem> {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return (await res.json()) as ValidationProblem;
}

describe("validated values replace the raw ones on req", () => {
  it("body: the schema's output, unknown fields stripped", async () => {
    const app = new Vial();
    app.post("/items", { body: Item }, (req) => json(req.body, { status: 201 }));
    const res = await app.request("/items", { method: "POST", json: { name: "Tea", price: 3.5, admin: true } });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ name: "Tea", price: 3.5 });
  });

  it("query: strings coerced to numbers and booleans, repeated keys to arrays", async () => {
    const app = new Vial();
    const Search = z.object({ page: z.coerce.number().int().min(1), exact: z.stringbool(), tag: z.array(z.string()) });
    app.get("/search", { query: Search }, (req) => req.query);
    const res = await app.request("/search?page=2&exact=false&tag=a&tag=b");
    expect(await res.json()).toEqual({ page: 2, exact: false, tag: ["a", "b"] });
  });

  it("query: a key sent once still fits an array schema", async () => {
    const app = new Vial();
    app.get("/search", { query: z.object({ tag: z.array(z.string()), id: z.array(z.coerce.number()), q: z.string() }) }, (req) => req.query);
    const res = await app.request("/search?tag=a&id=7&q=tea");
    expect(await res.json()).toEqual({ tag: ["a"], id: [7], q: "tea" });
  });

  it("query: only the keys an array fixes are wrapped; the others keep their own errors", async () => {
    const app = new Vial();
    app.get("/search", { query: z.object({ tag: z.array(z.string()), page: z.coerce.number() }) }, (req) => req.query);
    const problem = await problemOf(await app.request("/search?tag=a&page=abc"));
    expect(problem.errors).toEqual([{ location: "query", path: ["page"], message: "Invalid input: expected number, received NaN" }]);
  });

  it("query: a key sent twice for a single-value schema is a 422, not the first value", async () => {
    const app = new Vial();
    app.get("/list", { query: z.object({ page: z.coerce.number() }) }, (req) => req.query);
    const problem = await problemOf(await app.request("/list?page=1&page=2"));
    expect(problem.status).toBe(422);
    expect(problem.errors).toEqual([{ location: "query", path: ["page"], message: expect.any(String) }]);
  });

  it("params: validated after the rule's converters", async () => {
    const app = new Vial();
    app.get("/users/<int:id>", { params: z.object({ id: z.number().max(1000) }) }, (req) => ({ id: req.params.id }));
    expect(await (await app.request("/users/7")).json()).toEqual({ id: 7 });
    const problem = await problemOf(await app.request("/users/5000"));
    expect(problem.errors).toEqual([{ location: "params", path: ["id"], message: expect.stringContaining("1000") }]);
  });

  it("headers: an object with lower-cased names", async () => {
    const app = new Vial();
    app.get("/me", { headers: z.object({ "x-api-key": z.string().length(8) }) }, (req) => ({ key: req.headers["x-api-key"] }));
    expect(await (await app.request("/me", { headers: { "X-API-Key": "abcdefgh" } })).json()).toEqual({ key: "abcdefgh" });
    const problem = await problemOf(await app.request("/me"));
    expect(problem.errors).toEqual([{ location: "headers", path: ["x-api-key"], message: expect.any(String) }]);
  });

  it("cookies", async () => {
    const app = new Vial();
    app.get("/theme", { cookies: z.object({ theme: z.enum(["light", "dark"]).default("light") }) }, (req) => req.cookies);
    expect(await (await app.request("/theme", { headers: { cookie: "theme=dark; other=1" } })).json()).toEqual({ theme: "dark" });
    expect(await (await app.request("/theme")).json()).toEqual({ theme: "light" });
    const problem = await problemOf(await app.request("/theme", { headers: { cookie: "theme=blue" } }));
    expect(problem.errors).toEqual([{ location: "cookies", path: ["theme"], message: expect.any(String) }]);
  });

  it("form: urlencoded and multipart, repeated fields as arrays, numbers coerced", async () => {
    const app = new Vial();
    const Signup = z.object({ email: z.email(), age: z.coerce.number().int(), topics: z.array(z.string()) });
    app.post("/signup", { form: Signup }, (req) => req.form);
    const urlencoded = await app.request("/signup", { form: { email: "ada@example.com", age: "36", topics: ["math", "poetry"] } });
    expect(await urlencoded.json()).toEqual({ email: "ada@example.com", age: 36, topics: ["math", "poetry"] });

    const multipart = new FormData();
    multipart.append("email", "ada@example.com");
    multipart.append("age", "36");
    multipart.append("topics", "math");
    const res = await app.request("/signup", { method: "POST", body: multipart });
    expect(await res.json()).toEqual({ email: "ada@example.com", age: 36, topics: ["math"] });
  });

  it("accepts any Standard Schema, sync or async, not only zod", async () => {
    const evenNumber: StandardSchemaV1<unknown, number> = {
      "~standard": {
        version: 1,
        vendor: "hand-written",
        validate: async (value) => {
          const number = typeof value === "object" && value !== null ? Number((value as { n?: unknown }).n) : NaN;
          return number % 2 === 0 ? { value: number } : { issues: [{ message: "Must be even", path: [{ key: "n" }] }] };
        },
      },
    };
    const app = new Vial();
    app.get("/even", { query: evenNumber }, (req) => ({ n: req.query }));
    expect(await (await app.request("/even?n=4")).json()).toEqual({ n: 4 });
    const problem = await problemOf(await app.request("/even?n=3"));
    expect(problem.errors).toEqual([{ location: "query", path: ["n"], message: "Must be even" }]);
  });
});

describe("invalid input", () => {
  function strictApp() {
    const app = new Vial(quiet);
    let calls = 0;
    app.post(
      "/items/<int:id>",
      {
        params: z.object({ id: z.number().min(1) }),
        query: z.object({ dryRun: z.stringbool().optional() }),
        headers: z.object({ "x-request-id": z.uuid() }),
        cookies: z.object({ session: z.string().min(4) }),
        body: Item,
      },
      () => {
        calls++;
        return "ok";
      },
    );
    return { app, calls: () => calls };
  }

  it("422 names every failing field of every location, in location order, and the handler never runs", async () => {
    const { app, calls } = strictApp();
    const res = await app.request("/items/0?dryRun=perhaps", {
      method: "POST",
      headers: { "x-request-id": "nope", cookie: "session=x" },
      json: { name: "", price: -1 },
    });
    expect(res.status).toBe(422);
    const problem = await problemOf(res);
    expect(problem.errors.map(({ location, path }) => [location, path.join(".")])).toEqual([
      ["params", "id"],
      ["query", "dryRun"],
      ["headers", "x-request-id"],
      ["cookies", "session"],
      ["body", "name"],
      ["body", "price"],
    ]);
    for (const error of problem.errors) expect(error.message).toMatch(/\S/);
    expect(calls()).toBe(0);
  });

  it("answers exactly the RFC 9457 members plus errors", async () => {
    const { app } = strictApp();
    const res = await app.request("/items/1", {
      method: "POST",
      headers: { "x-request-id": crypto.randomUUID(), cookie: "session=abcd" },
      json: { name: "Tea" },
    });
    const problem = await problemOf(res);
    expect(problem).toEqual({
      type: "about:blank",
      title: "Unprocessable Content",
      status: 422,
      detail: "1 field is invalid.",
      errors: [{ location: "body", path: ["price"], message: "Invalid input: expected number, received undefined" }],
    });
  });

  it("nested paths use keys and array indexes", async () => {
    const app = new Vial();
    app.post("/orders", { body: z.object({ lines: z.array(Item) }) }, () => "ok");
    const problem = await problemOf(await app.request("/orders", { method: "POST", json: { lines: [{ name: "a", price: 1 }, { name: "b", price: 0 }] } }));
    expect(problem.errors).toEqual([{ location: "body", path: ["lines", 1, "price"], message: expect.any(String) }]);
  });

  it("leaks no internals: no stack, no schema, no submitted values", async () => {
    const app = new Vial();
    app.post("/login", { body: z.object({ user: z.string(), password: z.string().min(12) }) }, () => "ok");
    const res = await app.request("/login", { method: "POST", json: { user: 42, password: "hunter2-SECRET" } });
    const text = await res.text();
    expect(text).not.toContain("hunter2-SECRET");
    expect(text).not.toMatch(/\bat .*\.ts:\d+|ZodError|"~standard"|_zod|"def"/);
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(["detail", "errors", "status", "title", "type"]);
  });

  it("runs async refinements", async () => {
    const taken = new Set(["ada"]);
    const app = new Vial();
    const Name = z.object({ name: z.string().refine(async (name) => !taken.has(name), "That name is taken") });
    app.post("/names", { body: Name }, (req) => [req.body, 201]);
    expect((await app.request("/names", { method: "POST", json: { name: "grace" } })).status).toBe(201);
    const problem = await problemOf(await app.request("/names", { method: "POST", json: { name: "ada" } }));
    expect(problem.errors).toEqual([{ location: "body", path: ["name"], message: "That name is taken" }]);
  });
});

describe("error handlers see ValidationFailed", () => {
  it("by status code and by class", async () => {
    const { ValidationFailed } = await import("vial");
    const byCode = new Vial();
    byCode.post("/items", { body: Item }, () => "ok");
    byCode.errorHandler(422, (error: InstanceType<typeof ValidationFailed>) => [`invalid: ${error.problem.errors.length}`, 422]);
    expect(await (await byCode.request("/items", { method: "POST", json: {} })).text()).toBe("invalid: 2");

    const byClass = new Vial();
    byClass.post("/items", { body: Item }, () => "ok");
    byClass.errorHandler(ValidationFailed, (error: InstanceType<typeof ValidationFailed>) => [`status ${error.status}`, error.status]);
    const res = await byClass.request("/items", { method: "POST", body: "{", headers: { "content-type": "application/json" } });
    expect([res.status, await res.text()]).toEqual([400, "status 400"]);
  });

  it("a route with both a form and a body schema is a programming error (500)", async () => {
    const app = new Vial(quiet);
    app.post("/both", { form: z.object({}), body: z.object({}) }, () => "ok");
    expect((await app.request("/both", { method: "POST", json: {} })).status).toBe(500);
  });
});
