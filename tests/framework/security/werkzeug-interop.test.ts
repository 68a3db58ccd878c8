/**
 * Password hashes against real Werkzeug (Debian's python3-werkzeug, run with /usr/bin/python3):
 * Vial verifies what Werkzeug's generate_password_hash writes, and Werkzeug's
 * check_password_hash accepts what Vial writes. Werkzeug 2.x has no scrypt, so the fixture checks
 * scrypt with hashlib.scrypt and Werkzeug 3's formula there (and says so).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../../framework/src/security";

const PYTHON = "/usr/bin/python3";
const SCRIPT = fileURLToPath(new URL("./fixtures/werkzeug_password.py", import.meta.url));
const PASSWORD = "Grüße, 🍵 & $ecret";

function werkzeugAvailable(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ["-c", "import werkzeug.security"], { encoding: "utf8" });
  return probe.status === 0 ? undefined : "Werkzeug is not installed for it";
}

const missing = werkzeugAvailable();
const title = missing
  ? `Werkzeug password interop (SKIPPED: ${missing}; install Debian's python3-werkzeug to run it)`
  : "Werkzeug password interop";
if (missing) console.warn(`[werkzeug-interop] skipped: ${missing}; apt-get install python3-werkzeug`);

function runWerkzeug(args: string[], input?: unknown): Record<string, unknown> {
  const result = spawnSync(PYTHON, [SCRIPT, ...args], {
    input: input === undefined ? undefined : JSON.stringify(input),
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`werkzeug_password.py ${args[0]} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe.skipIf(missing !== undefined)(title, { timeout: 60_000 }, () => {
  it("Vial verifies hashes written by Werkzeug", async () => {
    const generated = runWerkzeug(["generate", PASSWORD]) as { version: string; scrypt: string; hashes: Record<string, string> };
    expect(generated.hashes.scrypt).toMatch(/^scrypt:32768:8:1\$[A-Za-z0-9]{16}\$[0-9a-f]{128}$/);
    if (generated.version.startsWith("2.")) expect(generated.hashes.default).toMatch(/^pbkdf2:sha256:260000\$/);
    for (const [name, hash] of Object.entries(generated.hashes)) {
      expect(await verifyPassword(hash, PASSWORD), `${name} (Werkzeug ${generated.version})`).toBe(true);
      expect(await verifyPassword(hash, `${PASSWORD}!`), name).toBe(false);
    }
  });

  it("Werkzeug accepts hashes written by Vial, and rejects wrong passwords", async () => {
    const hashes = {
      scrypt: await hashPassword(PASSWORD),
      pbkdf2: await hashPassword(PASSWORD, { method: "pbkdf2" }),
      pbkdf2_sha512: await hashPassword(PASSWORD, { method: "pbkdf2:sha512:10000" }),
      werkzeug2_style: await hashPassword(PASSWORD, { method: "pbkdf2:sha256:260000" }),
    };
    expect(runWerkzeug(["check"], { password: PASSWORD, hashes })).toEqual({
      scrypt: true,
      pbkdf2: true,
      pbkdf2_sha512: true,
      werkzeug2_style: true,
    });
    expect(runWerkzeug(["check"], { password: "wrong", hashes })).toEqual({
      scrypt: false,
      pbkdf2: false,
      pbkdf2_sha512: false,
      werkzeug2_style: false,
    });
  });
});
