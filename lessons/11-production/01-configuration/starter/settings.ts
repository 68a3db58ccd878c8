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

/**
 * A first draft, as many apps start: it works on a laptop, and just as well for an attacker.
 * (`files` is not read yet.)
 */
export function settingsFromEnvironment(env: Env, files: Files = {}): Settings {
  return {
    SECRET_KEY: env.SECRET_KEY ?? "notebook development key: replace before launch",
    DEBUG: true,
    SESSION_COOKIE_SECURE: false,
  };
}
