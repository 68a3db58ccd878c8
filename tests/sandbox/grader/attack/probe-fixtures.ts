/**
 * Lessons in miniature for the newer probes (session cookies, weak keys): one checks.ts each,
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
import { sessionSerializer } from "vial";
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
];
