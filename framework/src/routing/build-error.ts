/**
 * The error `RouteMap.build` (and so `urlFor`) throws when no rule can produce a URL, with a
 * message that says what to change, as Werkzeug's `BuildError` does.
 */

/**
 * Why a build failed; the message is written from it.
 *
 * @example
 * ```ts
 * if (error instanceof BuildError && error.failure.kind === "missing-values") console.log(error.failure.missing);
 * ```
 */
export type BuildFailure =
  | { readonly kind: "unknown-endpoint"; readonly suggestions: readonly string[] }
  | { readonly kind: "method-not-accepted"; readonly allowed: readonly string[] }
  | { readonly kind: "missing-values"; readonly rule: string; readonly missing: readonly string[] }
  | { readonly kind: "value-refused"; readonly rule: string; readonly variable: string; readonly value: unknown; readonly reason: string };

/**
 * Thrown when a URL cannot be built for an endpoint.
 *
 * @example
 * ```ts
 * import { Vial, BuildError } from "vial";
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
      const hint = failure.suggestions.length > 0 ? ` Did you mean ${orList(quoted(failure.suggestions))}?` : "";
      return `${start}: no route has that endpoint.${hint}`;
    }
    case "method-not-accepted":
      return `${start} with method ${method}: its routes accept only ${failure.allowed.join(", ")}.`;
    case "missing-values": {
      const noun = failure.missing.length === 1 ? "value" : "values";
      return `${start}: missing ${noun} for ${andList(quoted(failure.missing))} (route "${failure.rule}").`;
    }
    case "value-refused":
      return (
        `${start}: the value ${preview(failure.value)} for "${failure.variable}" was refused ` +
        `(route "${failure.rule}"): ${failure.reason}.`
      );
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

function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * Endpoint names close to `wanted`: same name in another blueprint (`login` / `auth.login`),
 * or a small edit distance. Best first, at most three.
 *
 * @example
 * ```ts
 * closeNames("usr", ["user", "index", "auth.login"]); // ["user"]
 * closeNames("login", ["auth.login"]);                // ["auth.login"]
 * ```
 */
export function closeNames(wanted: string, names: Iterable<string>): string[] {
  const scored: Array<[number, string]> = [];
  const lastPart = (name: string) => name.slice(name.lastIndexOf(".") + 1);
  for (const name of names) {
    const sameLastPart = lastPart(name).toLowerCase() === lastPart(wanted).toLowerCase();
    const similarity = 1 - editDistance(wanted.toLowerCase(), name.toLowerCase()) / Math.max(wanted.length, name.length, 1);
    const score = sameLastPart ? 1 + similarity : similarity;
    if (score >= 0.6) scored.push([score, name]);
  }
  return scored.sort((a, b) => b[0] - a[0] || a[1].localeCompare(b[1])).slice(0, 3).map(([, name]) => name);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}
