// Unreadable input (issue 4): 400 for malformed or badly encoded bodies, 415 for the wrong media
// type, 413 when too large; each answered as RFC 9457 problem+json that echoes nothing sent.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Vial, type ValidationProblem } from "vial";

const quiet = { logger: { error: () => {} } };
const Item = z.object({ name: z.string().min(1), price: z.number().positive() });

async function problemOf(res: Response): Promise<ValidationProblem> {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return (await res.json()) as ValidationProblem;
}

describe("unreadable input", () => {
  const app = new Vial(quiet);
  app.post("/items", { body: Item, query: z.object({ page: z.coerce.number().min(1).default(1) }) }, () => "ok");
  app.post("/signup", { form: z.object({ email: z.email() }) }, () => "ok");
  const post = (path: string, body: BodyInit, contentType?: string) =>
    app.request(path, { method: "POST", body, headers: contentType ? { "content-type": contentType } : {} });

  it("400 for malformed JSON, without echoing it", async () => {
    const res = await post("/items", '{"name": "<script>', "application/json");
    expect(res.status).toBe(400);
    const problem = await problemOf(res);
    expect(problem).toMatchObject({ title: "Bad Request", status: 400, errors: [{ location: "body", path: [] }] });
    expect(JSON.stringify(problem)).not.toContain("script");
  });

  it("400 for a body that is not UTF-8, and for an empty one", async () => {
    const latin1 = new Uint8Array([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]); // {"name":"é"} in Latin-1
    expect((await post("/items", latin1, "application/json")).status).toBe(400);
    expect((await post("/items", "", "application/json")).status).toBe(400);
  });

  it("400 still lists the other locations' failures", async () => {
    const problem = await problemOf(await post("/items?page=0", "{", "application/json"));
    expect(problem.status).toBe(400);
    expect(problem.errors.map((error) => error.location)).toEqual(["query", "body"]);
  });

  it("415 for a body that is not JSON, or has no Content-Type, without echoing the type", async () => {
    for (const res of [await post("/items", "name=Tea", "text/x-evil-<b>"), await post("/items", new Uint8Array([1]))]) {
      expect(res.status).toBe(415);
      const problem = await problemOf(res);
      expect(problem).toMatchObject({ title: "Unsupported Media Type", status: 415, errors: [{ location: "body", path: [] }] });
      expect(JSON.stringify(problem)).not.toContain("evil");
    }
  });

  it("415 for a form route sent JSON", async () => {
    const res = await app.request("/signup", { method: "POST", json: { email: "ada@example.com" } });
    expect(res.status).toBe(415);
    expect((await problemOf(res)).errors).toEqual([{ location: "form", path: [], message: expect.stringContaining("form") }]);
  });

  it("413 beyond MAX_CONTENT_LENGTH, as a problem too", async () => {
    const small = new Vial({ config: { MAX_CONTENT_LENGTH: 16 } });
    small.post("/items", { body: Item }, () => "ok");
    const res = await small.request("/items", { method: "POST", json: { name: "x".repeat(100), price: 1 } });
    expect(res.status).toBe(413);
    expect((await problemOf(res)).errors).toEqual([{ location: "body", path: [], message: expect.any(String) }]);
  });

  it("a multipart body without a boundary is a 400", async () => {
    const res = await post("/signup", "--x\r\n", "multipart/form-data");
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors[0]).toMatchObject({ location: "form", path: [] });
  });
});
