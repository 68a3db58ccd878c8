/**
 * Lessons in miniature for the newer probes (session cookies, weak keys, guarded routes, IDOR,
 * account enumeration): one checks.ts each,
 * an app that gets it right and one that makes the mistake. The node engine's test and the
 * worker engine's (headless Chromium) grade the same files, so the kit is proved the same in both.
 */

export interface ProbeFixture {
  probe: string;
  checks: string;
  correct: Record<string, string>;
  broken: Record<string, string>;
  /** What the broken app gets wrong. */
  mistake: string;
}

const SESSION_CHECKS = `import { attack, check, expect } from "grader";
import { sessionSerializer } from "vial/signing";
import { app } from "./app";
check("A session cookie cannot be altered, re-signed or used past its hour", async () => {
  const findings = await attack.sessionCookies(app, {
    login: (client) => client.post("/login"),
    whoami: (client, headers) => client.get("/me", { headers }),
    sign: (key, data) => sessionSerializer(key).dumps(data),
    lifetime: 3600,
  });
  expect(findings, "GET /me with altered, re-signed and expired session cookies").toHaveNoFindings();
}, { task: 1 });
`;

const sessionApp = (me: string, lifetime = 3600) => `import { Vial } from "vial";
export const app = new Vial({ config: { SECRET_KEY: "a-long-key-for-the-probe-fixture-0123", PERMANENT_SESSION_LIFETIME: ${lifetime} } });
app.post("/login", (req) => {
  req.session.set("member", "ada");
  req.session.permanent = true;
  return { ok: true };
});
app.get("/me", (req) => {
  const who = ${me};
  return who ? { who } : [{ error: "not logged in" }, 401];
});
`;

const WEAK_KEY_CHECKS = `import { attack, check, expect } from "grader";
import { createApp } from "./app";
check("createApp refuses short and published keys, fallbacks included", async () => {
  const findings = await attack.weakKeys({ start: (env) => createApp(env) });
  expect(findings, "createApp with weak keys").toHaveNoFindings();
}, { task: 1 });
`;

const keyApp = (vetted: string) => `import { Vial } from "vial";
const PUBLISHED = ["dev", "changeme", "dev-only-secret", "dev-only: not a secret, set VIAL_SECRET_KEY in production"];
export function createApp(env: Record<string, string | undefined>) {
  const app = new Vial();
  app.config.fromEnv("VIAL", env);
  const fallbacks = (app.config.SECRET_KEY_FALLBACKS ?? []) as unknown[];
  for (const key of ${vetted}) {
    if (typeof key !== "string" || key.length < 32 || PUBLISHED.includes(key)) throw new Error("VIAL_SECRET_KEY and its fallbacks must be long random strings");
  }
  return app;
}
export const app = createApp({ VIAL_SECRET_KEY: "a-long-key-for-the-preview-only-0123456789" });
`;


const GUARDED_CHECKS = `import { attack, check, expect } from "grader";
import { sessionSerializer } from "vial/signing";
import { app, snapshot } from "./app";
check("Every /my/ route refuses a visitor without a session, forged cookies or not", async () => {
  const before = await snapshot();
  const findings = await attack.guardedRoutes(app, {
    prefix: "/my/", refused: [401], body: { title: "changed" },
    sign: (key, data) => sessionSerializer(key).dumps(data),
    intact: async () => ((await snapshot()) === before ? undefined : "the notes changed"),
    allowed: (client) => client.post("/login", { json: { member: 1 } }),
  });
  expect(findings, "every /my/ route without a login").toHaveNoFindings();
}, { task: 1 });
`;

const IDOR_CHECKS = `import { attack, check, expect } from "grader";
import { app, snapshot } from "./app";
check("Bob cannot read, change or delete Ada's note, and cannot tell it exists", async () => {
  const before = await snapshot();
  const findings = await attack.idor(app, {
    intruder: (client) => client.post("/login", { json: { member: 2 } }),
    ids: [1], missing: 999, prefix: "/my/", body: { title: "bob was here" }, secrets: ["ada's private plan"],
    intact: async () => ((await snapshot()) === before ? undefined : "Ada's note changed"),
  });
  expect(findings, "every id route on Ada's note, as Bob").toHaveNoFindings();
}, { task: 1 });
`;

/** A notebook whose /my/ blueprint is guarded by \`guard\` and whose update and delete find notes with \`owned\`. */
const notebookApp = (guard: string, owned: string) => `import { Blueprint, Vial, type VialRequest } from "vial";
export const app = new Vial({ config: { SECRET_KEY: "notebook-fixture-key-0123456789abcdef" } });
const notes = [{ id: 1, owner: 1, title: "ada's private plan" }, { id: 2, owner: 2, title: "bob's shopping" }];
export const snapshot = () => JSON.stringify(notes);
app.post("/login", async (req) => {
  req.session.clear();
  req.session.set("member_id", (await req.json<{ member: number }>()).member);
  return { ok: true };
});
const my = new Blueprint("my", { urlPrefix: "/my" });
my.beforeRequest((req) => {
  const member = ${guard};
  if (!member) return [{ error: "log in first" }, 401];
  req.g.member = member;
  return undefined;
});
const mine = (req: VialRequest) => notes.find((note) => note.id === req.params.id && note.owner === req.g.member);
const owned = (req: VialRequest) => ${owned};
const missing = [{ error: "no such note" }, 404];
my.get("/notes", (req) => notes.filter((note) => note.owner === req.g.member));
my.get("/notes/<int:id>", (req) => mine(req) ?? missing);
my.put("/notes/<int:id>", async (req) => {
  const note = owned(req);
  if (!note) return missing;
  note.title = (await req.json<{ title: string }>()).title;
  return note;
});
my.delete("/notes/<int:id>", (req) => {
  const note = owned(req);
  if (!note) return missing;
  notes.splice(notes.indexOf(note), 1);
  return ["", 204];
});
app.register(my);
`;

const SESSION_GUARD = 'req.session.get<number>("member_id")';
const OWNED = "mine(req)";

const ENUMERATION_CHECKS = `import { attack, check, expect, http, random } from "grader";
import { app } from "./app";
check("A failed login answers the same, in the same time, for an unknown username", async () => {
  const findings = await attack.accountEnumeration({
    input: "the username of POST /login (with a wrong password)",
    known: "ada",
    send: (username) => http(app).post("/login", { json: { username, password: random.password(16) } }),
  });
  expect(findings, "failed logins for ada and for nobody").toHaveNoFindings();
}, { task: 1, timeoutMs: 20_000 });
`;

const loginApp = (unknownHash: string) => `import { Vial, hashPassword, verifyPassword } from "vial";
export const app = new Vial();
// A real cost (pbkdf2, 600 000 rounds, as the lessons use), so skipping the check shows on a stopwatch.
const adaHash = hashPassword("correct horse battery staple", { method: "pbkdf2:sha256:600000" });
const dummyHash = hashPassword(crypto.randomUUID(), { method: "pbkdf2:sha256:600000" });
app.post("/login", async (req) => {
  const { username, password } = await req.json<{ username: string; password: string }>();
  const hash = username === "ada" ? await adaHash : ${unknownHash};
  if (hash !== undefined && (await verifyPassword(hash, password)) && username === "ada") return { ok: true };
  return [{ error: "Wrong username or password." }, 401];
});
`;

export const PROBE_FIXTURES: ProbeFixture[] = [
  {
    probe: "sessionCookies",
    checks: SESSION_CHECKS,
    correct: { "app.ts": sessionApp('req.session.get<string>("member")') },
    broken: { "app.ts": sessionApp('req.session.get<string>("member")', 30 * 24 * 3600) },
    mistake: "keeps sessions for 30 days when the lesson promises one hour",
  },
  {
    probe: "weakKeys",
    checks: WEAK_KEY_CHECKS,
    correct: { "app.ts": keyApp("[app.config.SECRET_KEY, ...fallbacks]") },
    broken: { "app.ts": keyApp("[app.config.SECRET_KEY]") },
    mistake: "vets SECRET_KEY but not SECRET_KEY_FALLBACKS",
  },
  {
    probe: "guardedRoutes",
    checks: GUARDED_CHECKS,
    correct: { "app.ts": notebookApp(SESSION_GUARD, OWNED) },
    broken: { "app.ts": notebookApp('req.session.get<number>("member_id") ?? Number(req.cookies.member_id)', OWNED) },
    mistake: "falls back to a plain member_id cookie when there is no session",
  },
  {
    probe: "idor",
    checks: IDOR_CHECKS,
    correct: { "app.ts": notebookApp(SESSION_GUARD, OWNED) },
    broken: { "app.ts": notebookApp(SESSION_GUARD, "notes.find((note) => note.id === req.params.id)") },
    mistake: "checks the owner on GET but not on PUT and DELETE",
  },
  {
    probe: "accountEnumeration",
    checks: ENUMERATION_CHECKS,
    correct: { "app.ts": loginApp("await dummyHash") },
    broken: { "app.ts": loginApp("undefined") },
    mistake: "checks no password for an unknown username, so it answers at once",
  },
];
