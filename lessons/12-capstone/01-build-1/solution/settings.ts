import type { Config } from "vial";

/** Environment variables by name, like `process.env` in Node. */
export type Env = Record<string, string | undefined>;

/** 32 random bytes as hex (getRandomValues works everywhere, randomUUID only on https pages). */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Reads the app's settings from the environment: VIAL_SECRET_KEY and the others Vial knows.
 * Production calls `createApp(process.env)`. No key is ever written in the code, where git and
 * everyone who reads it would know it: without one (development, the preview) the app makes a
 * random key at each start, and sessions simply end when it restarts.
 */
export function configure(config: Config, env: Env): void {
  config.fromEnv("VIAL", env);
  config.SECRET_KEY ??= randomKey();
}
