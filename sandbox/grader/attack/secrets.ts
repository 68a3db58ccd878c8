/**
 * Published secret keys: keys that appear in tutorials, framework docs, generated projects and
 * this course's own earlier lessons. A cookie signed with any of them must be worthless to the
 * app, as its key or as one of its fallbacks (SECRET_KEY_FALLBACKS).
 */
import type { CheckResponse, HttpClient } from "../http";
import { finding, type Finding } from "./finding";
import type { Random } from "./random";

/** Keys anyone can read: defaults, placeholders, and the course's own development keys. */
export const PUBLISHED_KEYS: readonly string[] = [
  "dev", "development", "secret", "secret-key", "secret_key", "SECRET_KEY", "mysecret", "my-secret-key",
  "your-secret-key", "changeme", "change-me", "CHANGEME", "default", "test", "testing", "password",
  "super-secret", "supersecret", "keyboard cat", "flask-secret", "django-insecure", "12345", "s3cr3t",
  "dev-only-secret", "dev-only: not a secret, set VIAL_SECRET_KEY in production",
];

/** What the probe needs: a way to sign a session with a key, and a request that says who you are. */
export interface PublishedKeyOptions {
  /** A session cookie value for a logged-in member, signed with `key` (e.g. `sessionSerializer(key).dumps({ member_id: 1 })`). */
  forge(key: string): Promise<string>;
  /** Asks who the client is, e.g. `client.get("/me", { headers })`. */
  whoami(client: HttpClient, headers: Record<string, string>): Promise<CheckResponse>;
  /** Extra keys to try, e.g. ones the lesson text shows. */
  extraKeys?: readonly string[];
  /** The session cookie's name; default `session`. */
  sessionCookie?: string;
}

/**
 * Sends a session signed with each published key and reports every key the app accepted (any
 * answer other than the one an anonymous visitor gets).
 *
 * @example
 * const findings = await attack.publishedKeys(app, {
 *   forge: (key) => sessionSerializer(key).dumps({ member_id: 1 }),
 *   whoami: (client, headers) => client.get("/me", { headers }),
 * });
 * expect(findings, "sessions signed with published keys").toHaveNoFindings();
 */
export async function probePublishedKeys(http: (app: unknown) => HttpClient, app: unknown, options: PublishedKeyOptions): Promise<Finding[]> {
  const name = options.sessionCookie ?? "session";
  const anonymous = await options.whoami(http(app), {});
  const found: Finding[] = [];
  for (const key of [...new Set([...PUBLISHED_KEYS, ...(options.extraKeys ?? [])])]) {
    const cookie = await options.forge(key);
    const res = await options.whoami(http(app), { cookie: `${name}=${cookie}` });
    if (res.status !== anonymous.status || res.text !== anonymous.text) {
      found.push(finding("secrets", `a session cookie signed with the published key ${JSON.stringify(key)} was accepted: the app answered ${res.status} ${res.text.slice(0, 120)} instead of ${anonymous.status} as for an anonymous visitor. Anyone can sign with that key; keep it out of SECRET_KEY and SECRET_KEY_FALLBACKS.`));
    }
  }
  return found;
}

/** What the weak-key probe needs: a way to build the app from environment variables. */
export interface WeakKeyOptions {
  /**
   * Builds the app from `env`, e.g. `(env) => createApp(env)`. Refusing a key means throwing (or
   * rejecting): an app that starts with a weak key has already lost.
   */
  start(env: Record<string, string>): unknown;
  /** Variables every start gets besides the keys, e.g. `{ VIAL_TRUSTED_HOSTS: '["a.example"]' }`. */
  env?: Record<string, string>;
  /** Prefix of the key variables: `<prefix>SECRET_KEY`, `<prefix>SECRET_KEY_FALLBACKS` (a JSON list); default `VIAL_`. */
  prefix?: string;
  /** The shortest key the app must accept; shorter ones must be refused. Default 32. */
  minLength?: number;
}

/**
 * Starts the app with weak keys (too short, or published) as its SECRET_KEY and in each position
 * of SECRET_KEY_FALLBACKS, and reports every start that did not refuse. A strong key, alone and
 * with strong fallbacks, must start, so an app that refuses everything is reported too.
 *
 * @example
 * const findings = await attack.weakKeys({ start: (env) => createApp(env), env: PRODUCTION });
 * expect(findings, "createApp with short or published keys").toHaveNoFindings();
 */
export async function probeWeakKeys(random: Random, options: WeakKeyOptions): Promise<Finding[]> {
  const prefix = options.prefix ?? "VIAL_";
  const minLength = options.minLength ?? 32;
  const keyName = `${prefix}SECRET_KEY`;
  const fallbacksName = `${prefix}SECRET_KEY_FALLBACKS`;
  const strong = () => random.password(Math.max(minLength, 40));
  const starts = async (keys: Record<string, string>): Promise<{ ok: true } | { ok: false; error: string }> => {
    try {
      await options.start({ ...options.env, ...keys });
      return { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
  const show = (keys: Record<string, string>) => Object.entries(keys).map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(" ");
  const found: Finding[] = [];

  for (const keys of [{ [keyName]: strong() }, { [keyName]: strong(), [fallbacksName]: JSON.stringify([strong(), strong()]) }]) {
    const started = await starts(keys);
    if (!started.ok) found.push(finding("secrets", `the app refused to start with strong keys (${show(keys)}): ${started.error}; only short or published keys should be refused`));
  }
  if (found.length > 0) return found;

  const short = [...new Set([1, Math.floor(minLength / 2), minLength - 1])].filter((length) => length > 0).map((length) => random.password(length));
  const weak = [...short.map((key) => ({ key, why: `${key.length} characters, shorter than ${minLength}` })), ...PUBLISHED_KEYS.map((key) => ({ key, why: "published" }))];
  for (const { key, why } of weak) {
    const positions: Record<string, string>[] = [
      { [keyName]: key },
      { [keyName]: strong(), [fallbacksName]: JSON.stringify([key]) },
      { [keyName]: strong(), [fallbacksName]: JSON.stringify([strong(), key]) },
      { [keyName]: strong(), [fallbacksName]: JSON.stringify([key, strong()]) },
    ];
    for (const keys of positions) {
      if ((await starts(keys)).ok) {
        found.push(finding("secrets", `the app started with a weak key (${why}): ${show(keys)}. Refuse keys shorter than ${minLength} characters and published ones, as SECRET_KEY and in SECRET_KEY_FALLBACKS alike`));
        break;
      }
    }
  }
  return found;
}
