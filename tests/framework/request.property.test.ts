// Property tests through a whole app (issue 3): whatever the query string or the path, the app
// answers without an exception escaping and without a 500.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Vial } from "vial";

function app() {
  const errors: unknown[] = [];
  const a = new Vial({ logger: { error: (_message, error) => errors.push(error) } });
  a.get("/echo", (req) => ({ keys: [...req.query.keys()], all: [...req.query.keys()].map((key) => req.query.getAll(key)) }));
  a.get("/users/<int:id>", (req) => ({ id: req.params.id }));
  a.get("/files/<path:name>", (req) => ({ name: req.params.name }));
  a.get("/docs/", () => "docs");
  return { app: a, errors };
}

// Raw strings, including ones that are not valid percent-encoding or contain control characters.
const rawText = fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), fc.stringMatching(/^[%a-zA-Z0-9&=+;#?/.]{0,60}$/));

describe("any query string", () => {
  it("parses like URLSearchParams and never fails the request", async () => {
    const { app: echo, errors } = app();
    await fc.assert(
      fc.asyncProperty(rawText, async (query) => {
        const url = new URL("http://localhost/echo");
        url.search = query;
        const res = await echo.request(url);
        expect(res.status).toBe(200);
        const expected = new URLSearchParams(url.search);
        const body = (await res.json()) as { keys: string[]; all: string[][] };
        expect(body.keys).toEqual([...new Set(expected.keys())]);
        expect(body.all).toEqual(body.keys.map((key) => expected.getAll(key)));
      }),
      { numRuns: 300 },
    );
    expect(errors).toEqual([]);
  });
});

describe("any path", () => {
  it("is routed to an answer below 500", async () => {
    const { app: routed, errors } = app();
    await fc.assert(
      fc.asyncProperty(rawText, fc.constantFrom("GET", "POST", "HEAD", "OPTIONS", "DELETE"), async (path, method) => {
        const url = new URL("http://localhost/");
        url.pathname = path;
        const res = await routed.request(url, { method });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    expect(errors).toEqual([]);
  });
});
