/**
 * The five request scenarios. Each says what request is timed and what every framework must
 * answer to it; `prepare` runs first against each server (e.g. to get a session cookie), and
 * `probe` checks behaviour the timed request alone cannot show (validation really rejects bad
 * input, a forged cookie is really refused), so no server can look fast by skipping work.
 */
import { HELLO, HELLO_JSON, ROUTE_COUNT, routeBody, SESSION_COOKIE, VALID_USER } from "./apps/shared";

/** The request the load generator sends, and the answer it must get. */
export interface TimedRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  expect: { status: number; body: string; setCookie?: boolean };
}

/** One scenario of the HTTP benchmark. */
export interface Scenario {
  id: string;
  label: string;
  /** Builds the timed request for one server (most scenarios ignore the server). */
  prepare(url: string): Promise<TimedRequest>;
  /** Extra correctness checks; returns a message describing what is wrong, or undefined. */
  probe?(url: string, timed: TimedRequest): Promise<string | undefined>;
}

const LAST_ROUTE = ROUTE_COUNT - 1;
const json = { "content-type": "application/json" };

export const SCENARIOS: readonly Scenario[] = [
  {
    id: "text",
    label: "plain text GET /",
    prepare: async () => ({ method: "GET", path: "/", headers: {}, expect: { status: 200, body: HELLO } }),
  },
  {
    id: "json",
    label: "JSON GET /json",
    prepare: async () => ({ method: "GET", path: "/json", headers: {}, expect: { status: 200, body: JSON.stringify(HELLO_JSON) } }),
  },
  {
    id: "param",
    label: `param route (1 of ${ROUTE_COUNT})`,
    prepare: async () => ({
      method: "GET",
      path: `/r${LAST_ROUTE}/42`,
      headers: {},
      expect: { status: 200, body: routeBody(LAST_ROUTE, "42") },
    }),
  },
  {
    id: "validate",
    label: "JSON POST + schema",
    prepare: async () => ({
      method: "POST",
      path: "/users",
      headers: json,
      body: JSON.stringify(VALID_USER),
      expect: { status: 201, body: JSON.stringify(VALID_USER) },
    }),
    async probe(url) {
      const invalid = { name: "", email: "not an address", age: -1 };
      const res = await fetch(`${url}/users`, { method: "POST", headers: json, body: JSON.stringify(invalid) });
      await res.arrayBuffer();
      return res.status >= 400 && res.status < 500 ? undefined : `an invalid body got ${res.status}, not a 4xx: the schema is not applied`;
    },
  },
  {
    id: "session",
    label: "signed session cookie",
    async prepare(url) {
      const first = await fetch(`${url}/session`);
      const body = await first.text();
      const cookie = first.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`));
      if (first.status !== 200 || body !== JSON.stringify({ count: 1 }) || !cookie) {
        throw new Error(`GET /session without a cookie gave ${first.status} ${body} and ${cookie ? "a" : "no"} session cookie`);
      }
      return {
        method: "GET",
        path: "/session",
        headers: { cookie: cookie.split(";")[0]! },
        expect: { status: 200, body: JSON.stringify({ count: 2 }), setCookie: true },
      };
    },
    async probe(url, timed) {
      // Flip one character of the signed value: a server that does not verify would count on.
      const cookie = timed.headers.cookie!;
      const last = cookie.at(-1) === "A" ? "B" : "A";
      const res = await fetch(`${url}/session`, { headers: { cookie: cookie.slice(0, -1) + last } });
      const body = await res.text();
      return body === JSON.stringify({ count: 1 }) ? undefined : `a forged session cookie gave ${body}, not a fresh session`;
    },
  },
];

/** Sends the timed request once and says what differs from what is expected, if anything. */
export async function verify(url: string, timed: TimedRequest): Promise<string | undefined> {
  const res = await fetch(`${url}${timed.path}`, { method: timed.method, headers: timed.headers, body: timed.body });
  const body = await res.text();
  const problems: string[] = [];
  if (res.status !== timed.expect.status) problems.push(`status ${res.status}, expected ${timed.expect.status}`);
  if (body !== timed.expect.body) problems.push(`body ${JSON.stringify(body.slice(0, 200))}, expected ${JSON.stringify(timed.expect.body)}`);
  if (timed.expect.setCookie && res.headers.getSetCookie().length === 0) problems.push("no Set-Cookie");
  return problems.length ? problems.join("; ") : undefined;
}
