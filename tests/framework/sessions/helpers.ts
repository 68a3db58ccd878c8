/** Shared by the session tests: an app with a secret, and readers for the cookie it sends. */
import { Vial, type ConfigValues } from "vial";
import { sessionSerializer } from "../../../framework/src/signing";

export const SECRET = "test-secret";
export const MONTH = 31 * 24 * 3600;

/** An app with SECRET_KEY set whose errors are collected instead of printed. */
export function sessionApp(config: Partial<ConfigValues> = {}): { app: Vial; errors: unknown[] } {
  const errors: unknown[] = [];
  const app = new Vial({ config: { SECRET_KEY: SECRET, ...config }, logger: { error: (_message, error) => errors.push(error) } });
  return { app, errors };
}

/** The Set-Cookie header for `name`, if the response has one. */
export function setCookieFor(res: Response, name = "session"): string | undefined {
  return res.headers.getSetCookie().find((header) => header.startsWith(`${name}=`));
}

/** The cookie value (before the first `;`) of the Set-Cookie header for `name`. */
export function cookieValue(res: Response, name = "session"): string | undefined {
  const header = setCookieFor(res, name);
  return header === undefined ? undefined : header.slice(name.length + 1).split(";")[0];
}

/** A session cookie signed like Vial/Flask would, optionally at another time or with other keys. */
export function signSession(data: Record<string, unknown>, options: { keys?: string | string[]; signedAt?: number; digest?: "SHA-1" | "SHA-256" } = {}): Promise<string> {
  const signedAt = options.signedAt;
  return sessionSerializer(options.keys ?? SECRET, { digest: options.digest, ...(signedAt === undefined ? {} : { now: () => signedAt }) }).dumps(data);
}

/** What a cookie holds, when it verifies under `keys`. */
export async function readSession(cookie: string, keys: string | string[] = SECRET, digest: "SHA-1" | "SHA-256" = "SHA-1"): Promise<unknown> {
  const loaded = await sessionSerializer(keys, { digest }).safeLoads(cookie, { maxAge: MONTH });
  return loaded.ok ? loaded.value : undefined;
}

/** Sends a request with `Cookie: session=<cookie>`. */
export function withSession(app: Vial, path: string, cookie: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("cookie", `session=${cookie}`);
  return app.request(path, { ...init, headers });
}
