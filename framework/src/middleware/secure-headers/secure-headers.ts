/**
 * `secureHeaders()`: the response headers that make browsers stricter, with safe defaults. The
 * set follows Hono's secure-headers (itself Helmet's), plus a default Content-Security-Policy with
 * a per-request nonce, which Hono leaves off. Headers the handler set itself are left alone.
 */
import type { Blueprint } from "../../blueprint.ts";
import type { Vial } from "../../app.ts";
import type { VialRequest } from "../../request.ts";
import { compilePolicy, renderPolicy, usesNonce, type CompiledDirective, type ContentSecurityPolicy } from "./content-security-policy.ts";
import { withHeaderChanges } from "./mutable-response.ts";
import { cspNonce } from "./nonce.ts";

/**
 * A header's setting: `true` (or leaving it out) sends the default, a string sends that value,
 * `false` sends nothing.
 *
 * @example
 * ```ts
 * import { Vial, secureHeaders, type HeaderSetting } from "vial";
 *
 * const frames: HeaderSetting = "DENY"; // a value of our own
 * const hsts: HeaderSetting = false;    // TLS ends at a proxy that sends HSTS already
 * const app = new Vial();
 * app.use(secureHeaders({ xFrameOptions: frames, strictTransportSecurity: hsts }));
 * ```
 */
export type HeaderSetting = string | boolean;

/**
 * Options of `secureHeaders()`. Every header can be changed or turned off.
 *
 * @example
 * ```ts
 * import { Vial, secureHeaders, type SecureHeadersOptions } from "vial";
 *
 * const options: SecureHeadersOptions = {
 *   contentSecurityPolicy: { imgSrc: ["'self'", "https://images.example.com"] },
 *   xFrameOptions: "DENY",
 *   permissionsPolicy: "camera=(), microphone=()",
 * };
 * const app = new Vial();
 * app.use(secureHeaders(options));
 * ```
 */
export interface SecureHeadersOptions {
  /** Directives merged over the default policy (`false` on a directive drops it); `false` sends no CSP. */
  contentSecurityPolicy?: ContentSecurityPolicy | boolean;
  /** A policy to report on without enforcing (`Content-Security-Policy-Report-Only`); off by default. */
  contentSecurityPolicyReportOnly?: ContentSecurityPolicy | false;
  /** Default `max-age=15552000; includeSubDomains` (180 days). Browsers ignore it over plain HTTP. */
  strictTransportSecurity?: HeaderSetting;
  /** Default `nosniff`: scripts and styles must be served with the right Content-Type. */
  xContentTypeOptions?: HeaderSetting;
  /** Default `SAMEORIGIN`, the legacy twin of `frame-ancestors 'self'` for old browsers. */
  xFrameOptions?: HeaderSetting;
  /** Default `no-referrer`, as in Hono and Helmet: no URL (with its ids or tokens) leaks to other sites. */
  referrerPolicy?: HeaderSetting;
  /** Default `same-origin`: other windows (popups, openers) get no handle on this one. */
  crossOriginOpenerPolicy?: HeaderSetting;
  /** Default `same-origin`: other sites cannot embed these responses (Spectre-style leaks). */
  crossOriginResourcePolicy?: HeaderSetting;
  /** Off by default (`require-corp` breaks every cross-origin image without CORP). */
  crossOriginEmbedderPolicy?: HeaderSetting;
  /** Default `?1`: ask for a process of this origin's own. */
  originAgentCluster?: HeaderSetting;
  /** Default `off`. */
  xDnsPrefetchControl?: HeaderSetting;
  /** Default `noopen` (old Internet Explorer downloads). */
  xDownloadOptions?: HeaderSetting;
  /** Default `none` (Flash and Acrobat cross-domain policies). */
  xPermittedCrossDomainPolicies?: HeaderSetting;
  /** Default `0`: the old XSS auditor is itself exploitable; CSP replaces it. */
  xXssProtection?: HeaderSetting;
  /** Off by default; e.g. `"camera=(), microphone=()"`. */
  permissionsPolicy?: HeaderSetting;
  /** Remove `X-Powered-By` (default true): no free hints about the stack. */
  removePoweredBy?: boolean;
}

type SimpleHeaderOption = Exclude<keyof SecureHeadersOptions, "contentSecurityPolicy" | "contentSecurityPolicyReportOnly" | "removePoweredBy">;

/** Header name and default value (`undefined`: off unless given a string). */
const SIMPLE_HEADERS: Record<SimpleHeaderOption, [name: string, defaultValue: string | undefined]> = {
  strictTransportSecurity: ["strict-transport-security", "max-age=15552000; includeSubDomains"],
  xContentTypeOptions: ["x-content-type-options", "nosniff"],
  xFrameOptions: ["x-frame-options", "SAMEORIGIN"],
  referrerPolicy: ["referrer-policy", "no-referrer"],
  crossOriginOpenerPolicy: ["cross-origin-opener-policy", "same-origin"],
  crossOriginResourcePolicy: ["cross-origin-resource-policy", "same-origin"],
  crossOriginEmbedderPolicy: ["cross-origin-embedder-policy", undefined],
  originAgentCluster: ["origin-agent-cluster", "?1"],
  xDnsPrefetchControl: ["x-dns-prefetch-control", "off"],
  xDownloadOptions: ["x-download-options", "noopen"],
  xPermittedCrossDomainPolicies: ["x-permitted-cross-domain-policies", "none"],
  xXssProtection: ["x-xss-protection", "0"],
  permissionsPolicy: ["permissions-policy", undefined],
};

function resolveSimpleHeaders(options: SecureHeadersOptions): [string, string][] {
  const headers: [string, string][] = [];
  for (const [option, [name, defaultValue]] of Object.entries(SIMPLE_HEADERS) as [SimpleHeaderOption, [string, string | undefined]][]) {
    const setting = options[option] ?? true;
    const value = setting === true ? defaultValue : setting === false ? undefined : setting;
    if (value === undefined) continue;
    if (typeof value !== "string" || /[\r\n\0]/.test(value)) {
      throw new TypeError(`secureHeaders: ${option} must be a string without line breaks, true or false.`);
    }
    headers.push([name, value]);
  }
  return headers;
}

function resolvePolicy(setting: ContentSecurityPolicy | boolean | undefined, base?: ContentSecurityPolicy): CompiledDirective[] | undefined {
  if (setting === false || (setting === undefined && base !== undefined)) return undefined;
  return compilePolicy(setting === true || setting === undefined ? {} : setting, base);
}

/**
 * Adds security headers to every response of the app (or of a blueprint's routes, when used on a
 * blueprint). Defaults:
 *
 * ```
 * Content-Security-Policy: default-src 'self'; base-uri 'self'; form-action 'self';
 *   frame-ancestors 'self'; object-src 'none'; script-src 'self' 'nonce-<per request>'
 * Strict-Transport-Security: max-age=15552000; includeSubDomains
 * X-Content-Type-Options: nosniff            X-Frame-Options: SAMEORIGIN
 * Referrer-Policy: no-referrer                X-XSS-Protection: 0
 * Cross-Origin-Opener-Policy: same-origin     Cross-Origin-Resource-Policy: same-origin
 * Origin-Agent-Cluster: ?1                    X-DNS-Prefetch-Control: off
 * X-Download-Options: noopen                  X-Permitted-Cross-Domain-Policies: none
 * ```
 *
 * and `X-Powered-By` removed. A header the response already has is kept as it is, so one route can
 * loosen its own policy. Inline scripts run only with `nonce="${cspNonce(req)}"`.
 *
 * @example
 * ```ts
 * import { Vial, secureHeaders, cspNonce, html, NONCE } from "vial";
 * const app = new Vial();
 * app.use(secureHeaders({
 *   contentSecurityPolicy: { imgSrc: ["'self'", "data:"], styleSrc: ["'self'", NONCE] },
 *   strictTransportSecurity: "max-age=63072000; includeSubDomains; preload",
 *   xFrameOptions: false,
 * }));
 * app.get("/", (req) => html`<script nonce="${cspNonce(req)}">start()</script>`);
 * ```
 */
export function secureHeaders(options: SecureHeadersOptions = {}): (scope: Vial | Blueprint) => void {
  const fixed = resolveSimpleHeaders(options);
  const policy = resolvePolicy(options.contentSecurityPolicy);
  const reportOnly = resolvePolicy(options.contentSecurityPolicyReportOnly, {});
  const needsNonce = (policy && usesNonce(policy)) || (reportOnly && usesNonce(reportOnly));
  const removePoweredBy = options.removePoweredBy ?? true;

  const apply = (response: Response, req: VialRequest): Response => {
    const nonce = needsNonce ? cspNonce(req) : undefined;
    return withHeaderChanges(response, (headers) => {
      const setIfAbsent = (name: string, value: string) => {
        if (!headers.has(name)) headers.set(name, value);
      };
      for (const [name, value] of fixed) setIfAbsent(name, value);
      if (policy) setIfAbsent("content-security-policy", renderPolicy(policy, nonce));
      if (reportOnly) setIfAbsent("content-security-policy-report-only", renderPolicy(reportOnly, nonce));
      if (removePoweredBy) headers.delete("x-powered-by");
    });
  };
  return (scope) => {
    scope.afterRequest(apply);
  };
}
