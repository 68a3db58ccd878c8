import type { Config } from "vial";

/** Environment variables by name, like `process.env` in Node. */
export type Env = Record<string, string | undefined>;

/**
 * Reads the app's settings from the environment: VIAL_SECRET_KEY, VIAL_SECRET_KEY_FALLBACKS (a
 * JSON list), VIAL_DEBUG and the others Vial knows. Production calls `createApp(process.env)`.
 */
export function configure(config: Config, env: Env): void {
  config.fromEnv("VIAL", env);
  // So that the app runs in development without any setup.
  config.SECRET_KEY ??= "dev-only: not a secret, set VIAL_SECRET_KEY in production";
}
