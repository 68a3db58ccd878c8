/**
 * The notebook's settings for `createApp(config)` in app.ts, read from the environment it
 * starts in. Production calls it from a server file of its own:
 * `createApp(settingsFromEnvironment(process.env, files))`.
 */

/** Environment variables by name, like `process.env` in Node. */
export type Env = Record<string, string | undefined>;

/** The files the server read for the app, by path: the text of each file a `*_FILE` variable names. */
export type Files = Record<string, string>;

/** What `createApp` takes from here. */
export interface Settings {
  SECRET_KEY: string;
  DEBUG: boolean;
  SESSION_COOKIE_SECURE: boolean;
}

/** Shorter keys were typed by a person, not generated, and can be guessed offline. */
const MIN_KEY_LENGTH = 32;

/**
 * Long keys that are printed where anyone can read them: this course (the first draft of this
 * file, and the sessions chapter). Shorter published keys fail the length test anyway.
 */
const PUBLISHED_KEYS = [
  "notebook development key: replace before launch",
  "dev-only: not a secret, set VIAL_SECRET_KEY in production",
];

const HOW_TO_MAKE_A_KEY = "generate one with `openssl rand -hex 32` and set SECRET_KEY, or SECRET_KEY_FILE to a file that holds it";

/** 32 random bytes as hex, for a developer's machine: drawn at each start, written down nowhere. */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The key from `SECRET_KEY`, or from the file `SECRET_KEY_FILE` names (Docker and Kubernetes
 * secrets are files: a value in a file stays out of `docker inspect`, of the process list and
 * of crash reports that dump the environment), or undefined when neither is set.
 */
function secretKeyFrom(env: Env, files: Files): string | undefined {
  const inline = env.SECRET_KEY || undefined;
  const path = env.SECRET_KEY_FILE || undefined;
  if (inline !== undefined && path !== undefined) {
    throw new Error("Both SECRET_KEY and SECRET_KEY_FILE are set: set one, so nobody has to guess which key signs the sessions.");
  }
  // A fallback so the app runs without setup: long enough to pass the length check.
  if (path === undefined) return inline ?? "notebook-fallback-key-4f9c2a7e1b3d5f6a8c0e";
  // hasOwn, not `files[path]`: a path such as "constructor" must not find Object's own members.
  const text = Object.hasOwn(files, path) ? files[path] : undefined;
  if (text === undefined) throw new Error(`SECRET_KEY_FILE names ${path}, which could not be read.`);
  // `echo key > file` and every editor end the file with a newline, which is not part of the key.
  const key = text.trim();
  if (key === "") throw new Error(`SECRET_KEY_FILE names ${path}, which holds no key (it is empty or only whitespace).`);
  return key;
}

/** Why `key` must not sign sessions in production, or undefined when it may. */
function weakness(key: string | undefined): string | undefined {
  if (key === undefined) return "is not set";
  if (key.length < MIN_KEY_LENGTH) return `is ${key.length} characters long, shorter than ${MIN_KEY_LENGTH}`;
  if (PUBLISHED_KEYS.includes(key)) return "is a published key, printed in this course";
  return undefined;
}

/**
 * The settings for this environment. Throws, so the app never starts, when production would run
 * with a weak key or with DEBUG on: a server that refuses to start is noticed at once, one that
 * runs with a guessable key is noticed by an attacker first.
 */
export function settingsFromEnvironment(env: Env, files: Files = {}): Settings {
  // Production unless a developer says otherwise: a server where nobody set NODE_ENV must not
  // quietly get a developer's settings.
  const production = env.NODE_ENV !== "development";
  const debug = env.DEBUG === "true" || env.DEBUG === "1";
  const key = secretKeyFrom(env, files);
  if (production) {
    if (debug) throw new Error("DEBUG is on in production: error pages would show every visitor your code and data. Unset DEBUG, or set NODE_ENV=development on your own machine.");
    const problem = weakness(key);
    if (problem) throw new Error(`The notebook needs a strong secret key in production: SECRET_KEY ${problem}; ${HOW_TO_MAKE_A_KEY}.`);
  }
  return {
    // In development only: a key drawn at each start, so sessions end when the app restarts.
    SECRET_KEY: key ?? randomKey(),
    DEBUG: debug,
    // Production is served over HTTPS; http://localhost on a developer's machine is not.
    SESSION_COOKIE_SECURE: production,
  };
}
