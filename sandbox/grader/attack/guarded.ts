/**
 * Every route behind a guard, tried by someone the guard must stop: each route of the app's URL
 * map under a prefix (a blueprint's), with each of its methods, sent anonymously and with cookies
 * that claim an identity without the app's signature (`member_id=1`, `role=admin`, an unsigned
 * or wrongly signed session), or as a logged-in visitor who lacks the right (a member at the
 * admin pages). Every answer must be a refusal, and the data must not change. A guard written
 * into each handler misses the route someone added last; this probe finds that route.
 */
import type { CheckResponse, HttpClient } from "../http";
import { finding, type Finding } from "./finding";
import type { Random } from "./random";
import { routesOf } from "./routes";

/** What the guarded-routes probe needs. */
export interface GuardedRoutesOptions {
  /** The routes to try: every rule of the URL map that starts with this, e.g. `/my/`. */
  prefix: string;
  /** Whether an answer is the refusal expected: a status list (`[401]`), or a test such as "a redirect to /login". */
  refused: number[] | ((response: CheckResponse) => boolean);
  /** Says what `refused` expects, for findings; default the status list. */
  expected?: string;
  /** Logs a visitor in who must still be refused (a member at admin pages); default an anonymous visitor, tried with forged cookies too. */
  as?(client: HttpClient): Promise<unknown>;
  /** Logs in a visitor who may pass: each GET route without variables must then not be refused, so an app that refuses everyone is reported. */
  allowed?(client: HttpClient): Promise<unknown>;
  /** Signs session data with a key, e.g. `(key, data) => sessionSerializer(key).dumps(data)`: adds a session signed with a random key to the forged cookies. */
  sign?(key: string, data: unknown): Promise<string> | string;
  /** The session data a forged cookie claims; default `{ member_id: 1 }`. */
  claims?: Record<string, unknown>;
  /** A JSON body sent with POST, PUT and PATCH, so a request would succeed if the guard let it in; default `{}`. */
  body?: unknown;
  /** Reads the data back after each unsafe request: a sentence saying what changed, or undefined. */
  intact?(): Promise<string | undefined> | string | undefined;
  /** The session cookie's name; default `session`. */
  sessionCookie?: string;
}

/** Methods worth sending; HEAD and OPTIONS are answered by the framework for GET routes. */
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Base64url of text, as cookie payloads carry it. */
function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Cookie headers that claim `claims` without the app's key: hand-made identity cookies and sessions that are not signed by the app. */
async function forgedCookies(random: Random, name: string, claims: Record<string, unknown>, sign: GuardedRoutesOptions["sign"]): Promise<string[]> {
  const id = String(Object.values(claims).find((value) => typeof value === "number" || typeof value === "string") ?? "1");
  const payload = base64url(JSON.stringify(claims));
  const cookies = [
    `member_id=${id}`,
    `user_id=${id}`,
    `user=admin; role=admin; admin=1`,
    `${name}=${payload}`,
    `${name}=${payload}.${random.word(6)}.${random.word(27)}`,
    `${name}=${random.word(40)}`,
  ];
  if (sign) cookies.push(`${name}=${await sign(random.password(40), claims)}`);
  return cookies;
}

const refusal = (options: GuardedRoutesOptions) =>
  typeof options.refused === "function" ? options.refused : (response: CheckResponse) => (options.refused as number[]).includes(response.status);

const expectedOf = (options: GuardedRoutesOptions) =>
  options.expected ?? (Array.isArray(options.refused) ? options.refused.join(" or ") : "a refusal");

const describe = (response: CheckResponse) => `${response.status} ${JSON.stringify(response.text.slice(0, 100))}`;

/**
 * Sends every method of every route under `prefix` as a visitor the guard must stop, and
 * reports each answer that was not a refusal and each change to the data.
 *
 * @example
 * const findings = await attack.guardedRoutes(app, {
 *   prefix: "/my/", refused: [401],
 *   sign: (key, data) => sessionSerializer(key).dumps(data),
 *   allowed: (client) => client.post("/login", { json: { username, password } }),
 * });
 * expect(findings, "every /my/ route without a login").toHaveNoFindings();
 */
export async function probeGuardedRoutes(http: (app: unknown) => HttpClient, random: Random, app: unknown, options: GuardedRoutesOptions): Promise<Finding[]> {
  const routes = (await routesOf(app)).filter((route) => route.rule.startsWith(options.prefix));
  if (routes.length === 0) return [finding("guarded-routes", `found no routes under ${options.prefix} in the app's URL map: is the blueprint registered there?`)];
  const isRefused = refusal(options);
  const expected = expectedOf(options);
  const visitors: { who: string; client: () => Promise<HttpClient>; headers?: Record<string, string> }[] = [];
  if (options.as) {
    const client = http(app);
    await options.as(client);
    visitors.push({ who: "a logged-in visitor without the right", client: async () => client });
  } else {
    visitors.push({ who: "a visitor who never logged in", client: async () => http(app) });
    for (const cookie of await forgedCookies(random, options.sessionCookie ?? "session", options.claims ?? { member_id: 1 }, options.sign)) {
      visitors.push({ who: `a visitor who never logged in, sending Cookie: ${cookie.slice(0, 90)}`, client: async () => http(app), headers: { cookie } });
    }
  }
  const found: Finding[] = [];
  for (const route of routes) {
    const methods = route.methods.length === 0 ? METHODS : METHODS.filter((method) => route.methods.includes(method));
    for (const method of methods) {
      for (const visitor of visitors) {
        const init = { method, headers: visitor.headers, ...(UNSAFE.has(method) && method !== "DELETE" ? { json: options.body ?? {} } : {}) };
        const res = await (await visitor.client()).fetch(route.path, init);
        if (!isRefused(res)) {
          found.push(finding("guarded-routes", `${method} ${route.path} (route ${route.rule}) from ${visitor.who} answered ${describe(res)}, not ${expected}: the route is not behind the guard`));
          break;
        }
        const changed = UNSAFE.has(method) ? await options.intact?.() : undefined;
        if (changed) {
          found.push(finding("guarded-routes", `${method} ${route.path} from ${visitor.who} answered ${res.status}, yet afterwards ${changed}: the handler ran before the refusal`));
          break;
        }
      }
    }
  }
  if (options.allowed) {
    const client = http(app);
    await options.allowed(client);
    for (const route of routes.filter((candidate) => !candidate.rule.includes("<") && (candidate.methods.length === 0 || candidate.methods.includes("GET")))) {
      const res = await client.get(route.path);
      if (isRefused(res) || res.status >= 400) {
        found.push(finding("guarded-routes", `GET ${route.path} from a visitor who may pass answered ${describe(res)}: the guard refuses everyone, or the route is broken`));
      }
    }
  }
  return found;
}
