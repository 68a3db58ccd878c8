import { attack, check, expect, http, random } from "grader";
import { sessionSerializer } from "vial/signing";
import { createApp } from "./app";
import { settingsFromEnvironment, type Env, type Files, type Settings } from "./settings";

/** A key as `openssl rand -hex 32` makes one: 64 characters, new for every run. */
const strongKey = () => random.word(64);

/** Where secrets are mounted in a container; a new file name for every run. */
const secretPath = () => `/run/secrets/${random.word(10)}`;

/** The key the first draft of settings.ts printed: published now, like every key in a course. */
const DRAFT_KEY = "notebook development key: replace before launch";

/** What the checks call "starting the app": the settings for this environment, then the app. */
function describe(env: Env, files: Files = {}): string {
  const shown = { ...env, ...(Object.keys(files).length > 0 ? { files } : {}) };
  return `settingsFromEnvironment(${JSON.stringify(shown)})`;
}

/**
 * Registers a random member on an app with these settings (hashing made cheap with TESTING) and
 * returns who it was and the session cookie the app set. Requests go to https://, as production
 * is served, so a Secure cookie is kept.
 */
async function registerWith(settings: Settings, label: string): Promise<{ username: string; cookie: string; setCookie: string }> {
  const client = http(await createApp({ ...settings, TESTING: true }));
  const username = random.word(10);
  const res = await client.post("https://notebook.example/register", { form: { username, password: random.password(16) } });
  expect(res.status, `status of POST /register on the app started with ${label}`).toBe(303);
  const cookie = res.cookies.session ?? "";
  expect(cookie, `session cookie set by POST /register on the app started with ${label}`).toBeTruthy();
  return { username, cookie, setCookie: res.headers.get("set-cookie") ?? "" };
}

/** The session inside `cookie` if `key` signed it (itsdangerous, as Flask and Vial sign), else why not. */
async function sessionSignedBy(key: string, cookie: string): Promise<unknown> {
  try {
    return await sessionSerializer(key).loads(cookie);
  } catch (error) {
    return `not signed with that key (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Expects starting with `env` to throw an error whose message matches `names`. */
async function expectRefused(env: Env, files: Files, names: RegExp, why: string): Promise<void> {
  await expect(() => settingsFromEnvironment(env, files), `${describe(env, files)} (${why})`).toThrow(names);
}

check("Sessions are signed with the key in SECRET_KEY", async () => {
  const key = strongKey();
  const env: Env = random.pick([{ SECRET_KEY: key }, { NODE_ENV: "production", SECRET_KEY: key }]);
  const { username, cookie } = await registerWith(await settingsFromEnvironment(env), describe(env));
  expect(await sessionSignedBy(key, cookie), `session cookie of the app started with ${describe(env)}, verified with that key`).toEqual({ member: username });
}, { task: 1 });

check("With SECRET_KEY_FILE, sessions are signed with the key in that file, without its trailing newline", async () => {
  for (const ending of ["\n", "\r\n", "\n\n"]) {
    const key = strongKey();
    const path = secretPath();
    // Another secret beside it (the database password, say): the key is the file the variable names.
    const files: Files = random.pick([
      { [path]: `${key}${ending}`, [secretPath()]: `${strongKey()}\n` },
      { [secretPath()]: `${strongKey()}\n`, [path]: `${key}${ending}` },
    ]);
    const env: Env = { NODE_ENV: "production", SECRET_KEY_FILE: path };
    const { username, cookie } = await registerWith(await settingsFromEnvironment(env, files), describe(env, files));
    expect(await sessionSignedBy(key, cookie), `session cookie of the app started with ${describe(env, files)}, verified with the key in ${path} (without ${JSON.stringify(ending)})`).toEqual({ member: username });
  }
}, { task: 1 });

check("A SECRET_KEY_FILE that is missing or holds only whitespace, or both variables at once, stop the start with a clear message", async () => {
  for (const mode of [{ NODE_ENV: "production" }, { NODE_ENV: "development" }]) {
    const missing = secretPath();
    await expectRefused({ ...mode, SECRET_KEY_FILE: missing }, { [secretPath()]: strongKey() }, new RegExp(`SECRET_KEY_FILE|${missing}`), "the file it names does not exist");
    const blank = secretPath();
    await expectRefused({ ...mode, SECRET_KEY_FILE: blank }, { [blank]: `${" ".repeat(40)}\n` }, new RegExp(`SECRET_KEY|${blank}`), "the file holds only whitespace");
    const path = secretPath();
    await expectRefused({ ...mode, SECRET_KEY: strongKey(), SECRET_KEY_FILE: path }, { [path]: strongKey() }, /SECRET_KEY/, "two keys: which one signs?");
  }
}, { task: 1 });

check("In production, no key stops the start, with a message naming SECRET_KEY", async () => {
  // Production is the default: a server where nobody set NODE_ENV is still a server.
  for (const env of [{}, { NODE_ENV: "production" }, { NODE_ENV: "" }]) {
    await expectRefused(env, {}, /SECRET_KEY/, "no key in production");
  }
}, { task: 2 });

check("In production, short and published keys stop the start, from SECRET_KEY and from SECRET_KEY_FILE", async () => {
  const weak = [
    ...[1, 16, 31].map((length) => ({ key: random.word(length), why: `${length} characters` })),
    ...[...attack.PUBLISHED_KEYS, DRAFT_KEY].map((key) => ({ key, why: "a published key" })),
  ];
  for (const { key, why } of weak) {
    await expectRefused({ NODE_ENV: "production", SECRET_KEY: key }, {}, /SECRET_KEY/, `SECRET_KEY is ${why}`);
    const path = secretPath();
    await expectRefused({ NODE_ENV: "production", SECRET_KEY_FILE: path }, { [path]: `${key}\n` }, /SECRET_KEY/, `the key file holds ${why}`);
  }
  // A key of exactly 32 generated characters is long enough, by the file or by the variable.
  const path = secretPath();
  for (const [env, files] of [[{ SECRET_KEY: random.word(32) }, {}], [{ SECRET_KEY_FILE: path }, { [path]: `${random.word(32)}\n` }]] as const) {
    await expect(() => settingsFromEnvironment({ NODE_ENV: "production", ...env }, files), `${describe({ NODE_ENV: "production", ...env }, files)} (a strong 32-character key)`).not.toThrow();
  }
}, { task: 2 });

check("On a developer's machine without a key, each start draws a new random key", async () => {
  const env: Env = { NODE_ENV: "development" };
  const first = await settingsFromEnvironment(env);
  const second = await settingsFromEnvironment(env);
  for (const settings of [first, second]) {
    expect(typeof settings.SECRET_KEY === "string" && settings.SECRET_KEY.length >= 32, `SECRET_KEY of ${describe(env)} is a string of 32 characters or more (got ${JSON.stringify(settings.SECRET_KEY)})`).toBe(true);
    expect([...attack.PUBLISHED_KEYS, DRAFT_KEY], `published keys (SECRET_KEY of ${describe(env)} must not be one)`).not.toContain(settings.SECRET_KEY);
  }
  expect(second.SECRET_KEY, `SECRET_KEY of a second start with ${describe(env)} (a key written in the code would be the same)`).not.toBe(first.SECRET_KEY);
}, { task: 2 });

check("DEBUG on in production stops the start, with a message naming DEBUG", async () => {
  for (const env of [{ SECRET_KEY: strongKey(), DEBUG: "true" }, { NODE_ENV: "production", SECRET_KEY: strongKey(), DEBUG: "true" }]) {
    await expectRefused(env, {}, /DEBUG/, "DEBUG in production");
  }
}, { task: 3 });

check("DEBUG is off unless a developer turns it on", async () => {
  const production: Env = { NODE_ENV: "production", SECRET_KEY: strongKey() };
  expect((await settingsFromEnvironment(production)).DEBUG, `DEBUG of ${describe(production)}`).toBeFalsy();
  const developer: Env = { NODE_ENV: "development" };
  expect((await settingsFromEnvironment(developer)).DEBUG, `DEBUG of ${describe(developer)}`).toBeFalsy();
  const debugging: Env = { NODE_ENV: "development", DEBUG: "true" };
  expect((await settingsFromEnvironment(debugging)).DEBUG, `DEBUG of ${describe(debugging)}`).toBe(true);
}, { task: 3 });

check("Session cookies are Secure in production, and not on a developer's http://localhost", async () => {
  const production: Env = { NODE_ENV: "production", SECRET_KEY: strongKey() };
  const served = await registerWith(await settingsFromEnvironment(production), describe(production));
  expect(served.setCookie, `Set-Cookie of POST /register on the app started with ${describe(production)}`).toMatch(/;\s*Secure/i);
  const developer: Env = { NODE_ENV: "development" };
  const local = await registerWith(await settingsFromEnvironment(developer), describe(developer));
  expect(local.setCookie, `Set-Cookie of POST /register on the app started with ${describe(developer)}`).not.toMatch(/;\s*Secure/i);
}, { task: 3 });
