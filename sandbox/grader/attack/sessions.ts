/**
 * The signed session cookie itself, attacked: a cookie whose signature was changed or removed,
 * one re-signed with a key that is not the app's, and one older than the session's lifetime must
 * each be worth exactly nothing: the app answers as it does for an anonymous visitor. Expiry is
 * crossed with the grader's fake clock, so no check waits a week.
 */
import type { Clock } from "../clock";
import type { CheckResponse, HttpClient } from "../http";
import { finding, type Finding } from "./finding";
import type { Random } from "./random";

/** What the session probe needs: how to log in, a request that says who you are, and a signer. */
export interface SessionCookieOptions {
  /** Logs `client` in; the probe takes the session cookie it was given. */
  login(client: HttpClient): Promise<CheckResponse>;
  /** Asks who the client is, e.g. `client.get("/me", { headers })`. */
  whoami(client: HttpClient, headers: Record<string, string>): Promise<CheckResponse>;
  /**
   * Signs `data` as a session cookie with `key`, e.g.
   * `(key, data) => sessionSerializer(key).dumps(data)`. Without it, re-signing is not tried.
   */
  sign?(key: string, data: unknown): Promise<string> | string;
  /**
   * How long a session may live, in seconds (the app's PERMANENT_SESSION_LIFETIME). The probe
   * moves the clock to just before it (the cookie must still work) and just after (it must not).
   * Without it, expiry is not tried.
   */
  lifetime?: number;
  /** The session cookie's name; default `session`. */
  sessionCookie?: string;
}

/** Seconds either side of the lifetime the probe tries: clearly inside, clearly past. */
const MARGIN_SECONDS = 60;

const describe = (response: CheckResponse) => `${response.status} ${response.text.slice(0, 120)}`;
const same = (a: CheckResponse, b: CheckResponse) => a.status === b.status && a.text === b.text;

/**
 * Logs in, then sends the session cookie altered in each way an attacker would try, and reports
 * every one the app accepted.
 *
 * @example
 * const findings = await attack.sessionCookies(app, {
 *   login: (client) => client.post("/login", { json: ADA }),
 *   whoami: (client, headers) => client.get("/me", { headers }),
 *   sign: (key, data) => sessionSerializer(key).dumps(data),
 *   lifetime: 7 * 24 * 3600,
 * });
 * expect(findings, "GET /me with altered, re-signed and expired session cookies").toHaveNoFindings();
 */
export async function probeSessionCookies(
  http: (app: unknown) => HttpClient,
  clock: Clock,
  random: Random,
  app: unknown,
  options: SessionCookieOptions,
): Promise<Finding[]> {
  const name = options.sessionCookie ?? "session";
  const login = await options.login(http(app));
  const cookie = login.cookies[name];
  if (cookie === undefined) {
    return [finding("sessions", `logging in (${describe(login)}) set no ${name} cookie, so the session cannot be tested`)];
  }
  const ask = (value: string) => options.whoami(http(app), { cookie: `${name}=${value}` });
  const anonymous = await options.whoami(http(app), {});
  const genuine = await ask(cookie);
  if (same(genuine, anonymous)) {
    return [finding("sessions", `the ${name} cookie set at login, sent back alone, answered ${describe(genuine)} as for an anonymous visitor, so the session cannot be tested`)];
  }

  const found: Finding[] = [];
  const refuse = async (value: string, what: string) => {
    const res = await ask(value);
    if (!same(res, anonymous)) found.push(finding("sessions", `the session cookie ${what} was accepted: the app answered ${describe(res)} instead of ${describe(anonymous)} as for an anonymous visitor`));
  };

  const parts = cookie.split(".");
  const signature = parts.at(-1) ?? "";
  const flipped = signature.slice(0, -1) + (signature.endsWith("A") ? "B" : "A");
  await refuse([...parts.slice(0, -1), flipped].join("."), "with the last character of its signature changed");
  await refuse(parts.slice(0, -1).join("."), "with its signature removed");
  await refuse(`${parts.slice(0, -1).join(".")}.`, "with an empty signature");

  const data = decodePayload(cookie);
  if (options.sign && data !== undefined) {
    const key = random.password(32);
    await refuse(await options.sign(key, data), `re-signed, with the same data, with a key that is not the app's (${JSON.stringify(key)})`);
  }

  if (options.lifetime !== undefined) {
    clock.advance(Math.max(0, options.lifetime - MARGIN_SECONDS));
    const inside = await ask(cookie);
    if (!same(inside, genuine)) {
      found.push(finding("sessions", `the session cookie was refused ${MARGIN_SECONDS} s before its lifetime of ${options.lifetime} s ran out: the app answered ${describe(inside)} instead of ${describe(genuine)}`));
    }
    clock.advance(2 * MARGIN_SECONDS);
    await refuse(cookie, `${options.lifetime + MARGIN_SECONDS} s old (its lifetime is ${options.lifetime} s)`);
  }
  return found;
}

/** The JSON inside a `payload.timestamp.signature` cookie, or undefined when it is not plain base64url JSON. */
function decodePayload(cookie: string): unknown {
  const [payload = ""] = cookie.split(".");
  if (payload === "") return undefined; // a leading dot marks a compressed payload
  try {
    return JSON.parse(atob(payload.replaceAll("-", "+").replaceAll("_", "/")));
  } catch {
    return undefined;
  }
}
