/**
 * Application configuration in the manner of Flask's `config.py`: a plain object of UPPER_CASE
 * keys with Flask's defaults, plus loaders. Only upper-case keys are loaded from objects so that
 * helper names and imports in a settings module never leak into the config.
 */

/**
 * The keys Vial itself reads, with their types. Apps may add their own keys.
 *
 * @example
 * ```ts
 * import type { ConfigValues } from "vial";
 * const production: Partial<ConfigValues> = { SESSION_COOKIE_SECURE: true, SESSION_COOKIE_SAMESITE: "Lax" };
 * ```
 */
export interface ConfigValues {
  DEBUG: boolean;
  TESTING: boolean;
  SECRET_KEY: string | undefined;
  /** Older keys that still verify sessions but never sign (newest last, as in Flask). */
  SECRET_KEY_FALLBACKS: string[];
  /** Seconds. Flask: 31 days. */
  PERMANENT_SESSION_LIFETIME: number;
  SESSION_COOKIE_NAME: string;
  SESSION_COOKIE_DOMAIN: string | undefined;
  SESSION_COOKIE_PATH: string | undefined;
  SESSION_COOKIE_HTTPONLY: boolean;
  SESSION_COOKIE_SECURE: boolean;
  SESSION_COOKIE_SAMESITE: "Strict" | "Lax" | "None" | undefined;
  SESSION_COOKIE_PARTITIONED: boolean;
  SESSION_REFRESH_EACH_REQUEST: boolean;
  /** HMAC digest of the session cookie: "SHA-1" reads and writes Flask's cookies; "SHA-256" is stronger. */
  SESSION_DIGEST: "SHA-1" | "SHA-256";
  /** Bytes; `null` means no limit. Larger bodies get 413 while they stream in. */
  MAX_CONTENT_LENGTH: number | null;
  MAX_FORM_MEMORY_SIZE: number | null;
  MAX_FORM_PARTS: number | null;
  /** Host names the app answers for; a leading dot also allows subdomains. `null` allows all. */
  TRUSTED_HOSTS: string[] | null;
  APPLICATION_ROOT: string;
  SERVER_NAME: string | undefined;
  PREFERRED_URL_SCHEME: string;
  MAX_COOKIE_SIZE: number;
  PROVIDE_AUTOMATIC_OPTIONS: boolean;
  [key: string]: unknown;
}

/**
 * Flask's defaults, where Flask has the same setting.
 *
 * @example
 * ```ts
 * import { defaultConfig } from "vial";
 * defaultConfig().PERMANENT_SESSION_LIFETIME; // 2678400 (31 days)
 * ```
 */
export function defaultConfig(): ConfigValues {
  return {
    DEBUG: false,
    TESTING: false,
    SECRET_KEY: undefined,
    SECRET_KEY_FALLBACKS: [],
    PERMANENT_SESSION_LIFETIME: 31 * 24 * 60 * 60,
    SESSION_COOKIE_NAME: "session",
    SESSION_COOKIE_DOMAIN: undefined,
    SESSION_COOKIE_PATH: undefined,
    SESSION_COOKIE_HTTPONLY: true,
    SESSION_COOKIE_SECURE: false,
    SESSION_COOKIE_SAMESITE: undefined,
    SESSION_COOKIE_PARTITIONED: false,
    SESSION_REFRESH_EACH_REQUEST: true,
    SESSION_DIGEST: "SHA-1",
    MAX_CONTENT_LENGTH: null,
    MAX_FORM_MEMORY_SIZE: 500_000,
    MAX_FORM_PARTS: 1_000,
    TRUSTED_HOSTS: null,
    APPLICATION_ROOT: "/",
    SERVER_NAME: undefined,
    PREFERRED_URL_SCHEME: "http",
    MAX_COOKIE_SIZE: 4093,
    PROVIDE_AUTOMATIC_OPTIONS: true,
  };
}

const isUpperKey = (key: string) => key === key.toUpperCase() && /[A-Z]/.test(key);

/**
 * The app's configuration. Read and write keys as properties: `app.config.SECRET_KEY`.
 *
 * @example
 * ```ts
 * import { Vial } from "vial";
 * const app = new Vial({ config: { SECRET_KEY: "dev" } });
 * app.config.fromEnv("VIAL");          // VIAL_DEBUG=true -> app.config.DEBUG === true
 * app.config.fromObject({ MAX_CONTENT_LENGTH: 1024 * 1024, helper: "ignored" });
 * ```
 */
// Declaration merging with the interface below types every key without repeating the list.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Config {
  constructor(initial: Partial<ConfigValues> = {}) {
    Object.assign(this, defaultConfig());
    this.fromObject(initial);
  }

  /** Loads the UPPER_CASE keys of an object (other keys are ignored, as in Flask). */
  fromObject(source: object): this {
    for (const [key, value] of Object.entries(source)) {
      if (isUpperKey(key)) (this as Record<string, unknown>)[key] = value;
    }
    return this;
  }

  /**
   * Loads `PREFIX_*` environment variables, like Flask's `from_prefixed_env`: the prefix is
   * removed, values are parsed as JSON where they parse (else kept as strings), keys are applied
   * in sorted order, and `A__B` sets key `B` inside the object at key `A`.
   */
  fromEnv(prefix = "VIAL", env: Record<string, string | undefined> = processEnv()): this {
    const start = `${prefix}_`;
    const keys = Object.keys(env)
      .filter((key) => key.startsWith(start))
      .sort();
    for (const key of keys) {
      const raw = env[key];
      if (raw === undefined) continue;
      const value = parseJsonOrString(raw);
      const path = key.slice(start.length).split("__");
      const tail = path.pop() as string;
      let target = this as Record<string, unknown>;
      for (const part of path) {
        const next = target[part];
        if (typeof next !== "object" || next === null) target[part] = {};
        target = target[part] as Record<string, unknown>;
      }
      target[tail] = value;
    }
    return this;
  }

  /** The keys that start with `namespace` (e.g. `"SESSION_COOKIE_"`), without it, lower-cased. */
  getNamespace(namespace: string, { lowercase = true, trimNamespace = true } = {}): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this)) {
      if (!key.startsWith(namespace)) continue;
      let name = trimNamespace ? key.slice(namespace.length) : key;
      if (lowercase) name = name.toLowerCase();
      result[name] = value;
    }
    return result;
  }
}

// Declaration merging gives `app.config.DEBUG` its type without repeating the keys.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Config extends ConfigValues {}

function parseJsonOrString(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function processEnv(): Record<string, string | undefined> {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return process?.env ?? {};
}
