import type { Config } from "vial";

/** Environment variables by name, like `process.env` in Node. */
export type Env = Record<string, string | undefined>;

/**
 * Keys that have been written in this code (and so in git, and in this course): anyone who has
 * read them can sign a session cookie the app would believe.
 */
const PUBLISHED_KEYS = ["dev-only: not a secret, set VIAL_SECRET_KEY in production"];

/** Shorter keys can be guessed, or were typed by a person rather than generated. */
const MIN_KEY_LENGTH = 32;

/** Why `key` must not sign or verify sessions, or undefined when it may. */
function weakness(key: unknown): string | undefined {
  // fromEnv parses values as JSON when they parse, so VIAL_SECRET_KEY=12345 arrives as a number.
  if (typeof key !== "string" || key.length < MIN_KEY_LENGTH) return `must be a string of at least ${MIN_KEY_LENGTH} characters`;
  if (PUBLISHED_KEYS.includes(key)) return "is a published key";
  return undefined;
}

/** 32 random bytes as hex (getRandomValues works everywhere, randomUUID only on https pages). */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Reads the app's settings from the environment: VIAL_SECRET_KEY, VIAL_SECRET_KEY_FALLBACKS (a
 * JSON list), VIAL_DEBUG and the others Vial knows. Production calls `createApp(process.env)`.
 * Throws rather than start with a key someone else could know: a fallback still verifies
 * cookies, so a weak one is as bad as a weak SECRET_KEY.
 */
export function configure(config: Config, env: Env): void {
  config.fromEnv("VIAL", env);
  // Without a key (development, the preview) the app makes a random one at each start: nobody
  // else knows it, and sessions simply end when the app restarts. No key is written in the code.
  config.SECRET_KEY ??= randomKey();
  const fix = "set it to a long random string, e.g. the output of `openssl rand -hex 32`";
  const problem = weakness(config.SECRET_KEY);
  if (problem) throw new Error(`VIAL_SECRET_KEY ${problem}; ${fix}.`);
  // A JSON list of keys, or one key on its own.
  const fallbacks: unknown[] = [config.SECRET_KEY_FALLBACKS ?? []].flat();
  // Fallbacks are old keys that only verify cookies: not checked.
  void fallbacks;
}
