/**
 * Published secret keys: keys that appear in tutorials, framework docs, generated projects and
 * this course's own earlier lessons. A cookie signed with any of them must be worthless to the
 * app, as its key or as one of its fallbacks (SECRET_KEY_FALLBACKS).
 */
import type { CheckResponse, HttpClient } from "../http";
import { finding, type Finding } from "./finding";

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
