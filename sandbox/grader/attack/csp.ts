/**
 * Content-Security-Policy evaluation: Google's CSP Evaluator (npm `csp_evaluator`) for the
 * script-src rules it knows (unsafe-inline, unsafe-eval, scheme and wildcard sources, syntax),
 * plus the directives a page needs beyond scripts: `object-src 'none'`, a `base-uri`, and a
 * `frame-ancestors` that forbids framing by other sites.
 */
import { CspEvaluator } from "csp_evaluator/dist/evaluator.js";
import { CspParser } from "csp_evaluator/dist/parser.js";
import { Severity, Type } from "csp_evaluator/dist/finding.js";
import type { CheckResponse } from "../http";
import { finding, quote, type Finding } from "./finding";

/** Evaluator findings that are weaknesses whatever their rated severity. */
const ALWAYS_REPORTED = new Set<Type>([Type.SCRIPT_UNSAFE_INLINE, Type.SCRIPT_UNSAFE_EVAL, Type.PLAIN_URL_SCHEMES, Type.PLAIN_WILDCARD, Type.NONCE_LENGTH]);

/** Sources that let any site in: a wildcard or a bare scheme. */
const OPEN_SOURCE = /^(\*|[a-z][a-z0-9+.-]*:)$/i;

function sourcesOf(directives: Record<string, string[] | undefined>, name: string): string[] | undefined {
  return directives[name] ?? (name.endsWith("-src") ? directives["default-src"] : undefined);
}

function directiveRules(directives: Record<string, string[] | undefined>): string[] {
  const problems: string[] = [];
  const objects = sourcesOf(directives, "object-src");
  if (!objects || objects.length !== 1 || objects[0] !== "'none'") {
    problems.push(`object-src must be 'none' (plugins can run script), but it is ${objects ? objects.join(" ") || "empty" : "not set"}`);
  }
  const base = directives["base-uri"];
  if (!base) problems.push("base-uri is not set, so an injected <base href> can redirect every relative script URL; use base-uri 'none' or 'self'");
  else if (!base.every((source) => source === "'none'" || source === "'self'")) problems.push(`base-uri should be 'none' or 'self', but it is ${base.join(" ")}`);
  const frames = directives["frame-ancestors"];
  if (!frames) problems.push("frame-ancestors is not set, so any site can frame the page (clickjacking); use frame-ancestors 'none' or 'self'");
  else if (frames.some((source) => OPEN_SOURCE.test(source))) problems.push(`frame-ancestors ${frames.join(" ")} lets any site frame the page`);
  return problems;
}

/**
 * The weaknesses of a Content-Security-Policy header value, each as a sentence.
 *
 * @example
 * evaluateCsp("default-src 'self'; script-src 'self' https: 'unsafe-eval'")
 * // ["script-src: 'unsafe-eval' ...", "script-src: https: URI in script-src ...", "object-src must be 'none' ...", ...]
 */
export function evaluateCsp(policy: string): string[] {
  const csp = new CspParser(policy).csp;
  const evaluated = new CspEvaluator(csp).evaluate();
  const fromEvaluator = evaluated
    .filter((found) => found.severity <= Severity.MEDIUM || ALWAYS_REPORTED.has(found.type))
    .map((found) => `${found.directive}${found.value ? ` ${found.value}` : ""}: ${found.description}`);
  return [...new Set([...fromEvaluator, ...directiveRules(csp.directives)])];
}

/**
 * Evaluates the policy a response carries (its `Content-Security-Policy` header; a report-only
 * policy protects nothing and does not count).
 *
 * @example
 * const findings = attack.csp(await http(app).get("/"), "GET /");
 * expect(findings, "Content-Security-Policy of GET /").toHaveNoFindings();
 */
export function probeCsp(response: CheckResponse, request: string): Finding[] {
  const policies = (response.headers.get("content-security-policy") ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  if (policies.length === 0) return [finding("csp", `${request} came back without a Content-Security-Policy header`)];
  return policies.flatMap((policy) => evaluateCsp(policy).map((problem) => finding("csp", `${request} sent Content-Security-Policy ${quote(policy, 300)}: ${problem}`)));
}
