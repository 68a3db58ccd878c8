/**
 * The error `RouteMap.build` (and so `urlFor`) throws when no rule can produce a URL, with a
 * message that says what to change, as Werkzeug's `BuildError` does.
 */
import type { Rule } from "./rule.ts";
import { similarity } from "./similarity.ts";

/**
 * Why a build failed; the message is written from it.
 *
 * @example
 * ```ts
 * if (error instanceof BuildError && error.failure.kind === "missing-values") console.log(error.failure.missing);
 * ```
 */
export type BuildFailure =
  /** `suggested` is the closest rule of the map, as Werkzeug's `BuildError.suggested`; none in an empty map. */
  | { readonly kind: "unknown-endpoint"; readonly suggested: Rule<unknown> | undefined }
  | { readonly kind: "method-not-accepted"; readonly allowed: readonly string[] }
  | { readonly kind: "missing-values"; readonly rule: string; readonly missing: readonly string[] }
  /** The only rule that could be built has a default for `variable` that the given value contradicts. */
  | { readonly kind: "default-differs"; readonly rule: string; readonly variable: string; readonly value: unknown; readonly default: unknown }
  | { readonly kind: "value-refused"; readonly rule: string; readonly variable: string; readonly value: unknown; readonly reason: string };

/**
 * Thrown when a URL cannot be built for an endpoint.
 *
 * @example
 * ```ts
 * import { Vial } from "vial";
 * import { BuildError } from "vial/routing";
 * const app = new Vial();
 * app.get("/users/<int:id>", { endpoint: "user" }, (req) => `user ${req.params.id}`);
 * try {
 *   app.urlFor("user", {});
 * } catch (error) {
 *   if (error instanceof BuildError) console.log(error.message);
 *   // Could not build a URL for endpoint "user": missing value for "id" (route "/users/<int:id>").
 * }
 * ```
 */
export class BuildError extends Error {
  readonly endpoint: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly method: string | undefined;
  readonly failure: BuildFailure;

  constructor(endpoint: string, values: Readonly<Record<string, unknown>>, method: string | undefined, failure: BuildFailure) {
    super(describe(endpoint, method, failure));
    this.name = "BuildError";
    this.endpoint = endpoint;
    this.values = values;
    this.method = method;
    this.failure = failure;
  }
}

const quoted = (items: readonly string[]) => items.map((item) => `"${item}"`);

function describe(endpoint: string, method: string | undefined, failure: BuildFailure): string {
  const start = `Could not build a URL for endpoint "${endpoint}"`;
  switch (failure.kind) {
    case "unknown-endpoint": {
      const hint = failure.suggested ? ` Did you mean "${failure.suggested.endpoint}" instead?` : "";
      return `${start}: no route has that endpoint.${hint}`;
    }
    case "method-not-accepted":
      return `${start} with method ${method}: its routes accept only ${failure.allowed.join(", ")}.`;
    case "missing-values": {
      const noun = failure.missing.length === 1 ? "value" : "values";
      return `${start}: missing ${noun} for ${andList(quoted(failure.missing))} (route "${failure.rule}").`;
    }
    case "default-differs":
      return `${start}: route "${failure.rule}" stands for ${failure.variable} = ${preview(failure.default)}, ` + `not ${preview(failure.value)}.`;
    case "value-refused":
      return `${start}: the value ${preview(failure.value)} for "${failure.variable}" was refused ` + `(route "${failure.rule}"): ${failure.reason}.`;
  }
}

function preview(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * The rule whose endpoint is most like `wanted`, as Werkzeug's `BuildError.closest_rule` scores
 * them: mostly the endpoint's similarity (difflib's ratio), then whether the rule takes every
 * given value, then whether it accepts the method. The first of equals wins; undefined for no rules.
 *
 * @example
 * ```ts
 * closestRule("helloworld", {}, undefined, map.rules)?.endpoint; // "world"
 * ```
 */
export function closestRule<R extends Rule<unknown>>(
  wanted: string,
  values: Readonly<Record<string, unknown>>,
  method: string | undefined,
  rules: Iterable<R>,
): R | undefined {
  const given = Object.keys(values);
  let best: R | undefined;
  let bestScore = -1;
  for (const rule of rules) {
    const takesValues = given.every((name) => rule.arguments.includes(name) || Object.hasOwn(rule.defaults, name));
    const acceptsMethod = method !== undefined && rule.methods.has(method);
    const score = 0.98 * similarity(rule.endpoint, wanted) + 0.01 * Number(takesValues) + 0.01 * Number(acceptsMethod);
    if (score > bestScore) [best, bestScore] = [rule, score];
  }
  return best;
}
