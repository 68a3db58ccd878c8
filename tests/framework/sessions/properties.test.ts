// Property tests: a session cookie is client input, so no Cookie header, and no session cookie
// value, may make loading throw or the app answer 500; anything unsigned gives an empty session.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Vial } from "vial";
import { SECRET, signSession } from "./helpers";

function probeApp(): { app: Vial; errors: unknown[] } {
  const errors: unknown[] = [];
  const app = new Vial({ config: { SECRET_KEY: SECRET, SECRET_KEY_FALLBACKS: ["older"] }, logger: { error: (_m, e) => errors.push(e) } });
  app.get("/", (req) => ({ size: req.session.size, permanent: req.session.permanent }));
  return { app, errors };
}

/** A request with this Cookie header, or undefined when no client could send it (Headers refuse it). */
function requestWithCookie(cookie: string): Request | undefined {
  try {
    return new Request("http://localhost/", { headers: { cookie } });
  } catch {
    return undefined;
  }
}

const cookieText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.stringMatching(/^[A-Za-z0-9_.=;"\\ -]{0,200}$/),
);

describe("session loading properties", () => {
  it("answers 200 and never logs an error, for any Cookie header", async () => {
    const { app, errors } = probeApp();
    await fc.assert(
      fc.asyncProperty(cookieText, async (header) => {
        const request = requestWithCookie(header);
        fc.pre(request !== undefined);
        const res = await app.fetch(request!);
        expect(res.status).toBe(200);
        expect(errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("gives an empty session for any session cookie value that was not signed with the keys", async () => {
    const { app, errors } = probeApp();
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.stringMatching(/^\.?[A-Za-z0-9_-]{0,80}\.[A-Za-z0-9_-]{0,8}\.[A-Za-z0-9_-]{0,40}$/),
    );
    await fc.assert(
      fc.asyncProperty(value, async (cookie) => {
        const request = requestWithCookie(`session=${cookie}`);
        fc.pre(request !== undefined);
        const res = await app.fetch(request!);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ size: 0, permanent: false });
        expect(errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("gives an empty session when any one character of a valid cookie is changed", async () => {
    const { app } = probeApp();
    const cookie = await signSession({ _permanent: true, user_id: 42, name: "Zoë" });
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    await fc.assert(
      fc.asyncProperty(fc.nat(cookie.length - 1), fc.constantFrom(...alphabet), async (at, replacement) => {
        const tampered = cookie.slice(0, at) + replacement + cookie.slice(at + 1);
        fc.pre(tampered !== cookie);
        const res = await app.fetch(new Request("http://localhost/", { headers: { cookie: `session=${tampered}` } }));
        expect(await res.json()).toEqual({ size: 0, permanent: false });
      }),
      { numRuns: 200 },
    );
    // The untouched cookie does load, so the property above is not vacuous.
    const res = await app.fetch(new Request("http://localhost/", { headers: { cookie: `session=${cookie}` } }));
    expect(await res.json()).toEqual({ size: 3, permanent: true });
  });
});
