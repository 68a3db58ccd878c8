/**
 * Identity comes from the signed session only: cookies the app did not sign (a `member_id=2`,
 * a `user=admin`, the app's own cookie names with other values) must never change who a
 * request belongs to, whether the visitor is anonymous or logged in.
 */
import type { CheckResponse, HttpClient } from "../http";
import { finding, type Finding } from "./finding";

/** Cookie names that hand-made logins use to say who someone is. */
const IDENTITY_NAMES = ["user", "user_id", "username", "member_id", "uid", "role", "admin"];

/** Values worth claiming: other ids, other names, other roles. */
const CLAIMS = ["1", "2", "admin"];

/** What the identity probe needs: how to log in, and a request that says who you are. */
export interface ForeignCookieOptions {
  /** Logs `client` in (e.g. POSTs a login form); the probe reads the cookies it was given. */
  login(client: HttpClient): Promise<CheckResponse>;
  /** Asks who the client is, e.g. `client.get("/me")`. */
  whoami(client: HttpClient, headers?: Record<string, string>): Promise<CheckResponse>;
  /** The name of the signed session cookie; default `session`. */
  sessionCookie?: string;
}

const describe = (response: CheckResponse) => `${response.status} ${response.text.slice(0, 120)}`;

function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies).map(([name, value]) => `${name}=${value}`).join("; ");
}

/**
 * Sends the "who am I" request with forged cookies, anonymous and logged in, and reports every
 * forged cookie that changed the answer.
 *
 * @example
 * const findings = await attack.foreignCookies(app, {
 *   login: (client) => client.post("/login", { json: ADA }),
 *   whoami: (client, headers) => client.get("/me", { headers }),
 * });
 * expect(findings, "cookies that are not the signed session").toHaveNoFindings();
 */
export async function probeForeignCookies(http: (app: unknown) => HttpClient, app: unknown, options: ForeignCookieOptions): Promise<Finding[]> {
  const sessionName = options.sessionCookie ?? "session";
  const member = http(app);
  const login = await options.login(member);
  const ownCookies = Object.fromEntries(Object.entries(login.cookies).filter(([name]) => name !== sessionName));
  const names = [...new Set([...Object.keys(ownCookies), ...IDENTITY_NAMES])];
  const anonymous = await options.whoami(http(app));
  const loggedIn = await options.whoami(member);
  const session = login.cookies[sessionName];
  const found: Finding[] = [];
  for (const name of names) {
    for (const claim of [...new Set([...(ownCookies[name] !== undefined ? [ownCookies[name]!] : []), ...CLAIMS])]) {
      const forged = { [name]: claim };
      const stranger = await options.whoami(http(app), { cookie: cookieHeader(forged) });
      if (stranger.status !== anonymous.status || stranger.text !== anonymous.text) {
        found.push(finding("identity", `a visitor who never logged in sent Cookie: ${cookieHeader(forged)}; the app answered ${describe(stranger)} instead of ${describe(anonymous)} as for anyone else`));
        break;
      }
      // A logged-in member tries the claims most likely to matter: the app's own value, and another id.
      if (session === undefined || (claim !== ownCookies[name] && claim !== CLAIMS[1])) continue;
      const mixed = await options.whoami(http(app), { cookie: cookieHeader({ [sessionName]: session, ...forged }) });
      if (mixed.status !== loggedIn.status || mixed.text !== loggedIn.text) {
        found.push(finding("identity", `a logged-in member added Cookie: ${cookieHeader(forged)} to their session; the app answered ${describe(mixed)} instead of ${describe(loggedIn)}`));
        break;
      }
    }
  }
  return found;
}
