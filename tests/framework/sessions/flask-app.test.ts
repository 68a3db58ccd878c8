/**
 * End to end with a real Flask app (Debian's python3-flask, run with /usr/bin/python3): a user
 * who logged in on Flask is logged in on Vial with the same SECRET_KEY, sees the message Flask
 * flashed, and the cookie Vial writes back is read by Flask's `session`.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Vial, getFlashedMessages } from "vial";
import { cookieValue, withSession } from "./helpers";

const PYTHON = "/usr/bin/python3";
const SCRIPT = fileURLToPath(new URL("./fixtures/flask_app.py", import.meta.url));
const SECRET = "shared-sëcret";

function flaskMissing(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ["-c", "import flask"], { encoding: "utf8" });
  return probe.status === 0 ? undefined : "Flask is not installed for it";
}

const missing = flaskMissing();
if (missing) console.warn(`[flask-app] skipped: ${missing}; apt-get install python3-flask`);

function runFlask(...args: string[]): Record<string, unknown> {
  const result = spawnSync(PYTHON, [SCRIPT, ...args], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`flask_app.py ${args[0]} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe.skipIf(missing !== undefined)(
  missing ? `Flask app to Vial app (SKIPPED: ${missing})` : "Flask app to Vial app",
  { timeout: 60_000 },
  () => {
    it("shares a logged-in session both ways through req.session", async () => {
      const { cookie } = runFlask("login", SECRET) as { cookie: string };

      const app = new Vial({ config: { SECRET_KEY: SECRET } });
      app.get("/whoami", (req) => {
        req.session.set("seen_by", "vial");
        return {
          userId: req.session.get("user_id"),
          name: req.session.get("name"),
          permanent: req.session.permanent,
          flashes: getFlashedMessages(req, { withCategories: true }),
        };
      });
      const res = await withSession(app, "/whoami", cookie);
      expect(await res.json()).toEqual({
        userId: 42,
        name: "Zoë",
        permanent: true,
        flashes: [["success", "Welcome back, Zoë!"]],
      });

      // Vial's answer: flashes taken, a mark added, still permanent; Flask reads all of it.
      const written = cookieValue(res)!;
      expect(runFlask("whoami", SECRET, written)).toEqual({
        user_id: 42,
        name: "Zoë",
        permanent: true,
        seen_by: "vial",
        flashes: [],
      });
    });

    it("gives Vial an empty session for a Flask cookie signed with another secret", async () => {
      const { cookie } = runFlask("login", "another-secret") as { cookie: string };
      const app = new Vial({ config: { SECRET_KEY: SECRET } });
      app.get("/", (req) => ({ size: req.session.size }));
      expect(await (await withSession(app, "/", cookie)).json()).toEqual({ size: 0 });
    });
  },
);
