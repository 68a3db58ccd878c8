// Route validation plans: what a route's schemas ask for is worked out once per route, and the
// one-JSON-body route takes a shorter path that must answer exactly as the general one does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Vial, json } from "vial";
import { validationPlanFor } from "../../../framework/src/validation/validation-plan";

const quiet = { logger: { error: () => {} } };
const User = z.object({
  name: z.string().min(1).max(20),
  email: z.string().regex(/^[^@\s]+@[^@\s]+$/),
  age: z.number().int().min(0).max(150),
  tags: z.array(z.string()).optional(),
});

describe("validationPlanFor", () => {
  it("has no plan for a route without schemas", () => {
    expect(validationPlanFor({})).toBeUndefined();
    expect(validationPlanFor({ methods: ["POST"], endpoint: "x" } as object)).toBeUndefined();
  });

  it("keeps a response schema without a request step", () => {
    const plan = validationPlanFor({ response: User });
    expect(plan?.request).toBeUndefined();
    expect(plan?.response).toBe(User);
  });

  it("is made once per options object", () => {
    const options = { body: User };
    const plan = validationPlanFor(options);
    expect(plan?.request).toBeTypeOf("function");
    expect(validationPlanFor(options)).toBe(plan);
    expect(validationPlanFor({ body: User })).not.toBe(plan);
  });

  it("is made again when the options' schemas are replaced", () => {
    const options: { body?: z.ZodType; response?: z.ZodType } = { body: User };
    const first = validationPlanFor(options);
    options.response = User;
    const second = validationPlanFor(options);
    expect(second).not.toBe(first);
    expect(second?.response).toBe(User);
    delete options.body;
    delete options.response;
    expect(validationPlanFor(options)).toBeUndefined();
  });
});

describe("routes with a plan", () => {
  it("a route declaring both form and body fails when requested, naming the route", async () => {
    const errors: unknown[] = [];
    const app = new Vial({ logger: { error: (_message: string, error?: unknown) => void errors.push(error) } });
    app.post("/both", { endpoint: "both", form: z.object({}), body: z.object({}) }, () => "never");
    const res = await app.request("/both", { method: "POST", json: {} });
    expect(res.status).toBe(500);
    expect(errors.some((error) => error instanceof TypeError && /Route both: declare a "form" or a "body" schema/.test(error.message))).toBe(true);
  });

  it("req.body is the validated value, and req.json() still gives what was sent", async () => {
    const app = new Vial();
    app.post("/users", { body: User }, async (req) => ({ body: req.body, sent: await req.json() }));
    const sent = { name: "Ada", email: "a@b", age: 36, admin: true };
    const res = await app.request("/users", { method: "POST", json: sent });
    expect(await res.json()).toEqual({ body: { name: "Ada", email: "a@b", age: 36 }, sent });
  });
});

// A body-only route takes the short path; adding a params schema that always passes sends the
// same body through the general loop over locations. Both must answer byte for byte the same.
describe("the body-only path answers as the general one", () => {
  function apps() {
    const app = new Vial(quiet);
    app.post("/short", { body: User }, (req) => json(req.body, { status: 201 }));
    app.post("/general", { body: User, params: z.object({}) }, (req) => json(req.body, { status: 201 }));
    return app;
  }

  const nearlyUsers = fc.record(
    {
      name: fc.oneof(fc.string({ maxLength: 25 }), fc.integer(), fc.constant(null)),
      email: fc.oneof(fc.constantFrom("a@b", "ada@example.com", "no-at", "a b@c", ""), fc.string({ maxLength: 8 })),
      age: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double(), fc.string({ maxLength: 3 })),
      tags: fc.oneof(fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }), fc.array(fc.integer(), { maxLength: 2 })),
      extra: fc.jsonValue(),
    },
    { requiredKeys: [] },
  );
  const bodies = fc.oneof(
    nearlyUsers.map((value) => JSON.stringify(value)),
    fc.json(),
    fc.constantFrom("", "{", "[1,", "nul", '{"name":"Ada"}garbage'),
    fc.string({ maxLength: 30 }),
  );
  const contentTypes = fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "Application/JSON",
    "application/problem+json",
    "text/plain",
    "application/jsonx",
    "",
  );

  it("status, headers and body agree for any body and Content-Type", async () => {
    const app = apps();
    await fc.assert(
      fc.asyncProperty(bodies, contentTypes, fc.boolean(), async (body, contentType, tooLarge) => {
        app.config.MAX_CONTENT_LENGTH = tooLarge ? 10 : null;
        const answer = async (path: string) => {
          const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
          const res = await app.request(path, { method: "POST", body, headers });
          return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
        };
        expect(await answer("/short")).toEqual(await answer("/general"));
      }),
      { numRuns: 300 },
    );
  });

  it("bytes that are not UTF-8 are refused alike", async () => {
    const app = apps();
    const answer = async (path: string) => {
      const res = await app.request(path, { method: "POST", body: new Uint8Array([0x7b, 0xff, 0x7d]), headers: { "content-type": "application/json" } });
      return { status: res.status, text: await res.text() };
    };
    const short = await answer("/short");
    expect(short.status).toBe(400);
    expect(short).toEqual(await answer("/general"));
  });
});
