/** Shared helpers for the routing tests: a map from a rule table, and a compact match outcome. */
import { RouteMap, type RouteMapOptions, type RouteOptions } from "../../../framework/src/routing";

export type RuleSpec = readonly [rule: string, endpoint: string, extra?: Partial<RouteOptions<null>>];

/** A map whose rules accept GET unless the spec says otherwise. */
export function mapOf(specs: readonly RuleSpec[], options?: RouteMapOptions): RouteMap<null> {
  const map = new RouteMap<null>(options);
  for (const [rule, endpoint, extra] of specs) map.add(rule, { endpoint, methods: ["GET"], data: null, ...extra });
  return map;
}

/** `["endpoint", params]` for a match; otherwise the result without the rule. */
export function outcome(map: RouteMap<null>, path: string, method = "GET"): unknown {
  const result = map.match(path, method);
  return result.kind === "match" ? [result.rule.endpoint, result.params] : result;
}

export const notFound = { kind: "not-found" } as const;
export const redirectTo = (location: string) => ({ kind: "redirect", location }) as const;
export const notAllowed = (...allowed: string[]) => ({ kind: "method-not-allowed", allowed }) as const;
