import { check, clock, database, expect, http, random } from "grader";
import { hashPassword } from "vial";
import { app, initDb } from "./app";

// Every check starts from the learner's schema (their init-db) and two members with random
// passwords (cheap hashes: these checks test the reset, not the hash's cost).
const ADA = { username: `ada_${random.word(6)}`, email: `ada.${random.word(6)}@example.com`, password: random.password(18) };
const GRACE = { username: `grace_${random.word(6)}`, email: `grace.${random.word(6)}@example.com`, password: random.password(18) };
const hashes = Promise.all([ADA, GRACE].map((member) => hashPassword(member.password, { method: "pbkdf2:sha256:1000" })));

database.setup(async () => {
  await initDb();
  await database.query("INSERT INTO members (username, email, password_hash) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])", [
    [ADA.username, GRACE.username],
    [ADA.email, GRACE.email],
    await hashes,
  ]);
});

type Member = typeof ADA;
type Link = { id: number; token: string; url: URL };

const LINK = /https?:\/\/[^\s"'<>]+\/password-reset\/(\d+)\/([A-Za-z0-9_.-]+)/;

const idOf = async (member: Member) => (await database.query<{ id: number }>("SELECT id FROM members WHERE username = $1", [member.username]))[0]!.id;
const mailTo = (address: string) => database.query<{ body: string }>("SELECT body FROM outbox WHERE to_address = $1 ORDER BY id", [address]);
const outboxSize = async () => Number((await database.query<{ n: number }>("SELECT count(*) AS n FROM outbox"))[0]!.n);

const askForReset = (email: string, url = "/password-reset") => http(app).post(url, { json: { email } });

/** Asks for a reset of `member`'s password and reads the link out of the mail it queued. */
async function resetLink(member: Member): Promise<Link> {
  const res = await askForReset(member.email);
  expect(res.status, `status of POST /password-reset for ${member.email}`).toBe(202);
  const mails = await mailTo(member.email);
  const match = LINK.exec(mails.at(-1)?.body ?? "");
  expect(match?.[0] ?? `(no .../password-reset/<id>/<token> link in ${mails.length} mail(s) to ${member.email})`, "the reset link in the mail").toMatch(LINK);
  return { id: Number(match![1]), token: match![2]!, url: new URL(match![0]) };
}

const useLink = (link: Pick<Link, "id" | "token">, password: string) => http(app).post(`/password-reset/${link.id}/${link.token}`, { json: { password } });
const login = (username: string, password: string) => http(app).post("/login", { json: { username, password } });

check("POST /password-reset for a member's address answers 202 and queues one mail with a link for her", async () => {
  const res = await askForReset(ADA.email);
  expect(res.status, "status of POST /password-reset for Ada's address").toBe(202);
  const mails = await mailTo(ADA.email);
  expect(mails.length, "mails to Ada in the outbox").toBe(1);
  const match = LINK.exec(mails[0]!.body);
  expect(match?.[0] ?? mails[0]!.body, "the mail's body (it should hold a .../password-reset/<id>/<token> link)").toMatch(LINK);
  expect(Number(match![1]), "the member id in the link").toBe(await idOf(ADA));
  expect(new URL(match![0]).host, "host of the link (the app's own: localhost in the sandbox)").toBe("localhost");
  expect(res.text, "body of POST /password-reset (the token belongs in the mail only)").not.toContain(match![2]!);
  expect(await outboxSize(), "mails in the outbox").toBe(1);
}, { task: 1, timeoutMs: 20_000 });

check("An address with no account gets the same answer, and no mail is queued", async () => {
  const known = await askForReset(ADA.email);
  const nobody = `nobody.${random.word(8)}@example.com`;
  const unknown = await askForReset(nobody);
  expect(unknown.status, `status of POST /password-reset for ${nobody} (the same as for a member's address)`).toBe(known.status);
  expect(unknown.text, "body of POST /password-reset for an address with no account (the same as for a member's)").toBe(known.text);
  expect(await outboxSize(), "mails in the outbox after one request for a member and one for nobody").toBe(1);
}, { task: 1, timeoutMs: 20_000 });

check("The link in the mail points at the app itself, whatever Host the request named", async () => {
  const attacker = `${random.word(8)}.example`;
  const res = await askForReset(ADA.email, `http://${attacker}/password-reset`);
  expect(res.status, `status of POST /password-reset sent with Host: ${attacker}`).toBe(202);
  const match = LINK.exec((await mailTo(ADA.email)).at(-1)?.body ?? "");
  expect(match?.[0] ?? "(no link)", "the reset link in the mail").toMatch(LINK);
  expect(new URL(match![0]).host, `host of the reset link, for a request sent with Host: ${attacker} (the app's own is localhost)`).toBe("localhost");
}, { task: 1, timeoutMs: 20_000 });

check("An address typed with capitals and spaces around it still reaches the member", async () => {
  const typed = `  ${ADA.email.toUpperCase()} `;
  const res = await askForReset(typed);
  expect(res.status, `status of POST /password-reset for ${JSON.stringify(typed)}`).toBe(202);
  expect((await mailTo(ADA.email)).length, `mails to ${ADA.email} after a request for ${JSON.stringify(typed)}`).toBe(1);
}, { task: 1, timeoutMs: 20_000 });

check("A body without a valid e-mail address is refused with 400 or 422", async () => {
  for (const body of [{}, { email: 42 }, { email: "not an address" }, { email: `${"a".repeat(250)}@example.com` }]) {
    const res = await http(app).post("/password-reset", { json: body });
    expect([400, 422], `status of POST /password-reset with ${JSON.stringify(body)}`).toContain(res.status);
  }
  expect(await outboxSize(), "mails in the outbox").toBe(0);
}, { task: 1, timeoutMs: 20_000 });

check("The link sets a new password, and the old one stops working", async () => {
  const link = await resetLink(ADA);
  const fresh = random.password(16);
  const res = await useLink(link, fresh);
  expect(res.status, "status of POST to the reset link with a new password").toBe(200);
  expect((await login(ADA.username, fresh)).status, "status of POST /login with the new password").toBe(303);
  expect((await login(ADA.username, ADA.password)).status, "status of POST /login with the old password").toBe(401);
  const [row] = await database.query<{ password_hash: string }>("SELECT password_hash FROM members WHERE username = $1", [ADA.username]);
  expect(row!.password_hash, "Ada's stored password_hash (a hash, never the password)").not.toContain(fresh);
}, { task: 2, timeoutMs: 20_000 });

check("A link works once: used again, it is refused and changes nothing", async () => {
  const link = await resetLink(ADA);
  const first = random.password(16);
  expect((await useLink(link, first)).status, "status of the first POST to the reset link").toBe(200);
  const second = random.password(16);
  const again = await useLink(link, second);
  expect(again.status, "status of a second POST to the same reset link").toBe(400);
  expect(again.json(), "JSON body of a second POST to the same reset link").toHaveProperty("error");
  expect((await login(ADA.username, second)).status, "status of POST /login with the password sent through the used link").toBe(401);
  expect((await login(ADA.username, first)).status, "status of POST /login with the password the link set").toBe(303);
}, { task: 2, timeoutMs: 20_000 });

check("A link from before the password changed is refused", async () => {
  const link = await resetLink(ADA);
  // Ada changes her password some other way (she remembered it) after asking for the link.
  await database.query("UPDATE members SET password_hash = $1 WHERE username = $2", [await hashPassword(random.password(16), { method: "pbkdf2:sha256:1000" }), ADA.username]);
  const res = await useLink(link, random.password(16));
  expect(res.status, "status of POST to a reset link made before the password changed").toBe(400);
}, { task: 2, timeoutMs: 20_000 });

check("A link that was altered, or is used for another member, is refused", async () => {
  const link = await resetLink(ADA);
  const graceId = await idOf(GRACE);
  const last = link.token.at(-1) === "A" ? "B" : "A";
  const attempts: [string, Pick<Link, "id" | "token">][] = [
    ["Ada's token with its last character changed", { id: link.id, token: link.token.slice(0, -1) + last }],
    ["Ada's token at Grace's id", { id: graceId, token: link.token }],
    ["a made-up token", { id: link.id, token: random.word(30) }],
    ["Ada's token at an id nobody has", { id: graceId + 1000, token: link.token }],
  ];
  for (const [what, attempt] of attempts) {
    const res = await useLink(attempt, random.password(16));
    expect(res.status, `status of POST to a reset link with ${what}`).toBe(400);
  }
  expect((await login(GRACE.username, GRACE.password)).status, "status of POST /login as Grace with her own password").toBe(303);
  expect((await useLink(link, random.password(16))).status, "status of POST to Ada's untouched link").toBe(200);
}, { task: 2, timeoutMs: 20_000 });

check("A new password that is too short is refused, and the link still works", async () => {
  const link = await resetLink(ADA);
  const short = await useLink(link, "short");
  expect([400, 422], "status of POST to the reset link with a 5-character password").toContain(short.status);
  expect((await useLink(link, random.password(16))).status, "status of POST to the same link with a good password").toBe(200);
}, { task: 2, timeoutMs: 20_000 });

check("A link works for an hour, and not after", async () => {
  const early = await resetLink(ADA);
  clock.advance(59 * 60);
  expect((await useLink(early, random.password(16))).status, "status of POST to a reset link 59 minutes old").toBe(200);
  const late = await resetLink(GRACE);
  clock.advance(61 * 60);
  const res = await useLink(late, random.password(16));
  expect(res.status, "status of POST to a reset link 61 minutes old").toBe(400);
  expect((await login(GRACE.username, GRACE.password)).status, "status of POST /login as Grace with her old password, after the expired link").toBe(303);
}, { task: 3, timeoutMs: 20_000 });
