/**
 * The attack kit: probes a lesson's checks run against the learner's app, the same in every
 * engine. Each probe talks to the app only through `http(app)` requests (or functions the check
 * passes in), and returns findings: sentences saying what was sent and what came back. A check
 * asserts there are none with `expect(findings, label).toHaveNoFindings()`.
 */
import { probeCsp } from "./csp";
import type { Finding } from "./finding";
import type { Random } from "./random";
import { probeOpenRedirect, type OpenRedirectOptions } from "./redirect";
import { probeXss, type XssOptions } from "./xss";
import type { CheckResponse, HttpClient } from "../http";
import { probeCsrf, type CsrfOptions } from "./csrf";
import { probeForeignCookies, type ForeignCookieOptions } from "./identity";
import { probeMassAssignment, probeOversized, type MassAssignmentOptions, type OversizedOptions } from "./input";
import { PUBLISHED_KEYS, probePublishedKeys, probeWeakKeys, type PublishedKeyOptions, type WeakKeyOptions } from "./secrets";
import { probeSessionCookies, type SessionCookieOptions } from "./sessions";
import type { Clock } from "../clock";
import { probeSqlInjection, type SqlInjectionOptions } from "./sql";
import { probeGuardedRoutes, type GuardedRoutesOptions } from "./guarded";
import { probeIdor, type IdorOptions } from "./idor";
import { probeAccountEnumeration, type AccountEnumerationOptions } from "./enumeration";

export type { Finding } from "./finding";
export type { Random } from "./random";
export type { HtmlContext, XssOptions } from "./xss";
export type { OpenRedirectOptions } from "./redirect";
export type { CsrfOptions } from "./csrf";
export type { ForeignCookieOptions } from "./identity";
export type { PublishedKeyOptions, WeakKeyOptions } from "./secrets";
export type { SessionCookieOptions } from "./sessions";
export type { MassAssignmentOptions, OversizedOptions } from "./input";
export type { SqlInjectionOptions } from "./sql";
export type { GuardedRoutesOptions } from "./guarded";
export type { IdorOptions } from "./idor";
export type { AccountEnumerationOptions } from "./enumeration";
export { routesOf, type Route } from "./routes";

/** What checks.ts sees as `attack` (from the "grader" module). */
export interface AttackKit {
  /** XSS battery through one input, judged by an HTML parser; see probeXss. */
  xss(options: XssOptions): Promise<Finding[]>;
  /** Content-Security-Policy weaknesses of a response; see probeCsp. */
  csp(response: CheckResponse, request: string): Finding[];
  /** Open-redirect spellings through one redirect target; see probeOpenRedirect. */
  openRedirect(options: OpenRedirectOptions): Promise<Finding[]>;
  /** Token-less and cross-site requests to every unsafe route of the app; see probeCsrf. */
  csrf(app: unknown, options?: CsrfOptions): Promise<Finding[]>;
  /** Forged cookies (not the signed session) that change who a request belongs to; see probeForeignCookies. */
  foreignCookies(app: unknown, options: ForeignCookieOptions): Promise<Finding[]>;
  /** Sessions signed with published keys (defaults, placeholders, the course's dev keys); see probePublishedKeys. */
  publishedKeys(app: unknown, options: PublishedKeyOptions): Promise<Finding[]>;
  /** Session cookies with a changed or removed signature, re-signed with another key, or expired; see probeSessionCookies. */
  sessionCookies(app: unknown, options: SessionCookieOptions): Promise<Finding[]>;
  /** Short and published keys as SECRET_KEY and in every position of SECRET_KEY_FALLBACKS; see probeWeakKeys. */
  weakKeys(options: WeakKeyOptions): Promise<Finding[]>;
  /** Huge and mistyped values for each field of a valid body; see probeOversized. */
  oversized(options: OversizedOptions): Promise<Finding[]>;
  /** Privileged extra fields (role, id, passwordHash, ...) beside a valid body; see probeMassAssignment. */
  massAssignment(options: MassAssignmentOptions): Promise<Finding[]>;
  /** Tautologies, UNIONs, stacked statements and comment tricks through one input, judged by answers and the database afterwards; see probeSqlInjection. */
  sqlInjection(options: SqlInjectionOptions): Promise<Finding[]>;
  /** Every method of every route under a prefix, anonymous (with forged cookies) or as a visitor without the right: each must be refused; see probeGuardedRoutes. */
  guardedRoutes(app: unknown, options: GuardedRoutesOptions): Promise<Finding[]>;
  /** Every id route as a member who does not own the records: refused, nothing changed, answered like a missing id; see probeIdor. */
  idor(app: unknown, options: IdorOptions): Promise<Finding[]>;
  /** Differences in answer or time between a failing request for an account that exists and one that does not; see probeAccountEnumeration. */
  accountEnumeration(options: AccountEnumerationOptions): Promise<Finding[]>;
  /** The published keys that probe tries. */
  readonly PUBLISHED_KEYS: readonly string[];
}

/**
 * The kit for one run; its probes draw their markers and fixtures from `random`.
 *
 * @example
 * const attack = createAttackKit(createRandom(seed), http, clock.api);
 */
export function createAttackKit(random: Random, http: (app: unknown) => HttpClient, clock: Clock): AttackKit {
  return Object.freeze({
    xss: (options: XssOptions) => probeXss(random, options),
    csp: probeCsp,
    openRedirect: (options: OpenRedirectOptions) => probeOpenRedirect(random, options),
    csrf: (app: unknown, options?: CsrfOptions) => probeCsrf(http, app, options),
    foreignCookies: (app: unknown, options: ForeignCookieOptions) => probeForeignCookies(http, app, options),
    publishedKeys: (app: unknown, options: PublishedKeyOptions) => probePublishedKeys(http, app, options),
    sessionCookies: (app: unknown, options: SessionCookieOptions) => probeSessionCookies(http, clock, random, app, options),
    weakKeys: (options: WeakKeyOptions) => probeWeakKeys(random, options),
    oversized: (options: OversizedOptions) => probeOversized(random, options),
    massAssignment: probeMassAssignment,
    sqlInjection: probeSqlInjection,
    guardedRoutes: (app: unknown, options: GuardedRoutesOptions) => probeGuardedRoutes(http, random, app, options),
    idor: (app: unknown, options: IdorOptions) => probeIdor(http, app, options),
    accountEnumeration: (options: AccountEnumerationOptions) => probeAccountEnumeration(random, options),
    PUBLISHED_KEYS,
  });
}
