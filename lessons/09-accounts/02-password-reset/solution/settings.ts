import { Config } from "vial";

/**
 * The app's settings, in a module of their own so that every file can read them (what Flask's
 * `current_app.config` is for): app.ts builds the app with them, and the accounts routes sign
 * their tokens with the same key.
 */
export const settings = new Config().fromEnv("VIAL");

// The real key comes from the environment (VIAL_SECRET_KEY=...), so it never lands in git; the
// fallback only lets the app run in the sandbox and must never sign anything in production.
settings.SECRET_KEY ??= "dev-only: not a secret, set VIAL_SECRET_KEY in production";

// Where members reach the app. Links in mail are built from it, never from the request's Host
// header, which whoever sends the request chooses.
settings.SERVER_NAME ??= "localhost";
