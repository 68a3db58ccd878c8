import { describe, expect, it } from "vitest";
import { Vial, hashPassword, verifyPassword } from "vial";
import { probeAccountEnumeration } from "../../../../sandbox/grader/attack/enumeration";
import { http, random } from "./apps";

// A real hash at a real cost (pbkdf2, 200 000 rounds: tens of ms), so a skipped check shows.
const ADA_HASH = hashPassword("correct horse battery staple", { method: "pbkdf2:sha256:200000" });
const DUMMY_HASH = hashPassword("a password nobody has", { method: "pbkdf2:sha256:200000" });

/** A login that fails for a wrong password and for an unknown username, as `refuse` says. */
function loginApp(refuse: (member: boolean, matches: boolean) => [Record<string, string>, number], checkUnknown = true) {
  const app = new Vial({ config: { SECRET_KEY: "a-long-key-for-the-enumeration-test-01" } });
  app.post("/login", async (req) => {
    const { username, password } = await req.json<{ username: string; password: string }>();
    const hash = username === "ada" ? await ADA_HASH : checkUnknown ? await DUMMY_HASH : undefined;
    const matches = hash !== undefined && (await verifyPassword(hash, password));
    if (username === "ada" && matches) return { ok: true };
    return refuse(username === "ada", matches);
  });
  return app;
}

const options = (app: Vial) => ({
  input: "the username of POST /login (with a wrong password)",
  known: "ada",
  send: (username: string) => http(app).post("/login", { json: { username, password: "wrong password" } }),
});

describe("the account-enumeration probe", () => {
  it("passes a login that answers and costs the same for both failures", async () => {
    const app = loginApp(() => [{ error: "Wrong username or password." }, 401]);
    expect(await probeAccountEnumeration(random(), options(app))).toEqual([]);
  });

  it("catches different messages, and different statuses", async () => {
    const messages = loginApp((member) => [{ error: member ? "Wrong password." : "No such member." }, 401]);
    const found = await probeAccountEnumeration(random(), options(messages));
    expect(found.map((one) => one.message)).toEqual([expect.stringMatching(/as the username of POST \/login \(with a wrong password\); the body differed: .*No such member.* against .*Wrong password/)]);
    const statuses = loginApp((member) => [{ error: "Wrong username or password." }, member ? 401 : 404]);
    expect((await probeAccountEnumeration(random(), options(statuses))).map((one) => one.message)).toEqual([expect.stringContaining("the status differed: \"404\" against \"401\"")]);
  });

  it("catches a login that skips the password check for unknown usernames", async () => {
    const app = loginApp(() => [{ error: "Wrong username or password." }, 401], false);
    const found = await probeAccountEnumeration(random(), options(app));
    expect(found.map((one) => one.message)).toEqual([expect.stringMatching(/3 times each; the fastest answer took \d+ ms for the unknown account against \d+ ms for the known one/)]);
  });

  it("does not count the account's own name echoed back, and makes up an address when the account is one", async () => {
    const app = new Vial();
    const sent: string[] = [];
    app.post("/password-reset", async (req) => {
      const { email } = await req.json<{ email: string }>();
      sent.push(email);
      return [{ message: `If ${email} has an account, a link is on its way.` }, 202];
    });
    const found = await probeAccountEnumeration(random(), {
      input: "the email of POST /password-reset",
      known: "ada@example.org",
      send: (email) => http(app).post("/password-reset", { json: { email } }),
    });
    expect(found).toEqual([]);
    expect(sent).toHaveLength(6);
    expect(sent.filter((email) => email !== "ada@example.org")).toEqual(Array(3).fill(expect.stringMatching(/^[a-z0-9]+@example\.com$/)));
  });
});
