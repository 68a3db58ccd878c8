import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Vial } from "vial";
import { probeMassAssignment, probeOversized } from "../../../../sandbox/grader/attack/input";
import { http, random } from "./apps";

/** POST /users with `schema`; the handler stores what the schema lets through, with role "member" unless given. */
function signUpApp(schema: z.ZodType<Record<string, unknown>>, store: (body: Record<string, unknown>) => Record<string, unknown>) {
  const app = new Vial();
  app.post("/users", { body: schema }, (req) => [store(req.body as Record<string, unknown>), 201]);
  return app;
}

const strict = z.object({ username: z.string().min(3).max(20), password: z.string().min(12).max(128) });
const loose = z.looseObject({ username: z.string().min(3), password: z.string().min(12) });
const valid = { username: "dorothy", password: "crystallography" };
const send = (app: Vial) => (body: Record<string, unknown>) => http(app).post("/users", { json: body });

describe("the oversized-input probe", () => {
  it("passes a schema with length limits", async () => {
    const app = signUpApp(strict, ({ username }) => ({ id: 7, username, role: "member" }));
    expect(await probeOversized(random(), { route: "POST /users", valid, send: send(app), lengths: [10_000] })).toEqual([]);
  });

  it("catches fields without an upper limit", async () => {
    const app = signUpApp(loose, ({ username }) => ({ id: 7, username, role: "member" }));
    const messages = (await probeOversized(random(), { route: "POST /users", valid, send: send(app), lengths: [10_000] })).map((found) => found.message);
    expect(messages).toEqual([
      "POST /users with username 10,000 characters long answered 201, not a 4xx: the value was not limited",
      "POST /users with password 10,000 characters long answered 201, not a 4xx: the value was not limited",
    ]);
  });
});

describe("the mass-assignment probe", () => {
  it("passes a handler that builds the record from allowed fields only", async () => {
    const app = signUpApp(strict, ({ username }) => ({ id: 7, username, role: "member" }));
    expect(await probeMassAssignment({ route: "POST /users", valid, send: send(app) })).toEqual([]);
  });

  it("catches a denylist that removes role but spreads the rest", async () => {
    const app = signUpApp(loose, (body) => {
      const { role: _ignored, password: _secret, ...rest } = body;
      return { id: 7, role: "member", ...rest };
    });
    const messages = (await probeMassAssignment({ route: "POST /users", valid, send: send(app) })).map((found) => found.message);
    expect(messages).toContain('POST /users with the extra field id: "1" answered 201 and the record has id = "1": the client chose it');
    expect(messages.some((message) => message.includes("extra field role"))).toBe(false);
  });
});
