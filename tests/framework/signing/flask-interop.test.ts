/**
 * Vial's session cookies against real Flask (Debian's python3-flask, run with /usr/bin/python3):
 * Vial loads what Flask's SecureCookieSessionInterface writes, and Flask loads what Vial writes.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sessionSerializer } from "../../../framework/src/signing";
import type { Digest } from "../../../framework/src/signing";

const PYTHON = "/usr/bin/python3";
const SCRIPT = fileURLToPath(new URL("./fixtures/flask_session.py", import.meta.url));
const SECRET = "interop-sëcret";
const SIGNED_AT = 1_700_000_000;
const MONTH = 31 * 24 * 3600;

function flaskAvailable(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ["-c", "import flask, markupsafe"], { encoding: "utf8" });
  return probe.status === 0 ? undefined : "Flask is not installed for it";
}

const missing = flaskAvailable();
const title = missing
  ? `Flask session interop (SKIPPED: ${missing}; install Debian's python3-flask to run it)`
  : "Flask session interop";
if (missing) console.warn(`[flask-interop] skipped: ${missing}; apt-get install python3-flask python3-werkzeug`);

function runFlask(args: string[], input?: unknown): Record<string, unknown> {
  const result = spawnSync(PYTHON, [SCRIPT, ...args], {
    input: input === undefined ? undefined : JSON.stringify(input),
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`flask_session.py ${args[0]} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const bytesOf = (...values: number[]) => Uint8Array.from(values);

/** What Vial should see for each case the Python script writes. */
const FLASK_CASES: Record<string, unknown> = {
  small: { user_id: 42, name: "Zoë" },
  nested: {
    cart: { items: [{ sku: "é-1", qty: 2 }], total: 9.5 },
    flags: [true, false, null],
    emoji: "🍵 ünïcode",
  },
  large: { bio: "Grüße aus Köln! ".repeat(20), tags: Array.from({ length: 10 }, () => ["naïve", "café"]).flat() },
  tagged: {
    _flashes: [["message", "Welcome, Zoë!"]],
    pair: [1, "two"],
    raw: bytesOf(0, 255, ...new TextEncoder().encode("bytes")),
    html: "<b>hi</b>",
    id: "12345678-1234-5678-1234-567812345678",
    when: new Date(Date.UTC(2024, 1, 29, 12, 30, 45)),
    wrapped: { " t": "not a tuple" },
  },
};

describe.skipIf(missing !== undefined)(title, { timeout: 60_000 }, () => {
  for (const digest of ["SHA-1", "SHA-256"] as Digest[]) {
    const pyDigest = digest === "SHA-1" ? "sha1" : "sha256";

    it(`loads the sessions Flask writes (${digest})`, async () => {
      const cookies = runFlask(["dump", SECRET, String(SIGNED_AT), pyDigest]) as Record<string, string>;
      expect((cookies.large ?? "").startsWith(".")).toBe(true);
      expect((cookies.large ?? "").length).toBeGreaterThan(50);
      const serializer = sessionSerializer(SECRET, { digest, now: () => SIGNED_AT + 60 });
      for (const [name, expected] of Object.entries(FLASK_CASES)) {
        const cookie = cookies[name];
        expect(cookie, name).toBeTypeOf("string");
        expect(await serializer.loads(cookie!, { maxAge: MONTH }), name).toEqual(expected);
      }
    });

    it(`writes byte-for-byte what Flask writes for uncompressed sessions (${digest})`, async () => {
      const cookies = runFlask(["dump", SECRET, String(SIGNED_AT), pyDigest]) as Record<string, string>;
      const serializer = sessionSerializer(SECRET, { digest, now: () => SIGNED_AT });
      expect(await serializer.dumps(FLASK_CASES.small)).toBe(cookies.small);
    });

    it(`writes sessions Flask loads, small and compressed (${digest})`, async () => {
      const serializer = sessionSerializer(SECRET, { digest });
      const bigText = "Ünïcödé 🍵 and a nested list ".repeat(12);
      const sessions = {
        small: { user_id: 42, name: "Zoë" },
        nested: { a: { b: { c: [1, 2.5, "ü", null, true] } }, "kéy": "välue", astral: "𝄞" },
        large: { text: bigText, n: 7 },
        tagged: { when: new Date(Date.UTC(2030, 0, 2, 3, 4, 5)), raw: bytesOf(1, 2, 3), wrapped: { " b": "x" } },
      };
      const cookies: Record<string, string> = {};
      for (const [name, data] of Object.entries(sessions)) cookies[name] = await serializer.dumps(data);
      expect(JSON.stringify(bigText).length).toBeGreaterThan(200);
      expect(cookies.large!.startsWith(".")).toBe(true);

      const loaded = runFlask(["load", SECRET, pyDigest], cookies);
      expect(loaded).toEqual({
        small: sessions.small,
        nested: sessions.nested,
        large: sessions.large,
        tagged: {
          when: { $datetime: "2030-01-02T03:04:05+00:00" },
          raw: { $bytes: "AQID" },
          wrapped: { " b": "x" },
        },
      });
    });
  }

  it("Flask refuses a Vial cookie signed with another key or digest", async () => {
    const cookies = {
      otherKey: await sessionSerializer("not-the-secret").dumps({ admin: true }),
      otherDigest: await sessionSerializer(SECRET, { digest: "SHA-256" }).dumps({ admin: true }),
    };
    const loaded = runFlask(["load", SECRET, "sha1"], cookies) as Record<string, { $error?: string }>;
    expect(loaded.otherKey?.$error).toMatch(/^BadSignature|^BadTimeSignature/);
    expect(loaded.otherDigest?.$error).toMatch(/^BadSignature|^BadTimeSignature/);
  });
});
