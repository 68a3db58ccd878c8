/**
 * The URL map: rules in, matches and built URLs out. Werkzeug's `Map` and `MapAdapter` in one,
 * without hosts and subdomains: matching by specificity, 405 with the allowed methods, the 308
 * redirects for strict and merged slashes, and `build` for `urlFor`.
 */
import { BuildError, closeNames, type BuildFailure } from "./build-error";
import { defaultConverters, type ConverterFactory } from "./converters";
import { StateMachineMatcher, type SearchNotes } from "./matcher";
import { Rule } from "./rule";
import { encodePath, encodeQuery } from "./url-encoding";

/**
 * Options of `RouteMap.add`.
 *
 * @example
 * ```ts
 * map.add("/login", { endpoint: "auth.login", methods: ["GET", "POST"], data: handler, strictSlashes: false });
 * ```
 */
export interface RouteOptions<T> {
  /** The name `build` looks the rule up by. Several rules may share one. */
  endpoint: string;
  /** Methods the rule accepts (upper-cased); an empty list accepts any method. */
  methods: readonly string[];
  /** Anything to get back on a match, such as the handler. */
  data: T;
  /** Overrides the map's `strictSlashes` for this rule. */
  strictSlashes?: boolean;
  /** Overrides the map's `mergeSlashes` for this rule (a rule like "/a//b" then keeps its "//"). */
  mergeSlashes?: boolean;
}

/**
 * Options of the `RouteMap` constructor.
 *
 * @example
 * ```ts
 * new RouteMap({ converters: { list: listFactory }, strictSlashes: true, mergeSlashes: true });
 * ```
 */
export interface RouteMapOptions {
  /** Converters by name, added to (and overriding) `defaultConverters`. */
  converters?: Record<string, ConverterFactory>;
  /** Redirect "/a//b" to "/a/b" when only the merged path matches. Default true. */
  mergeSlashes?: boolean;
  /** Redirect "/x" to the branch rule "/x/"; "/x/" does not match a leaf "/x". Default true. */
  strictSlashes?: boolean;
}

/**
 * What `RouteMap.match` found for a path and method.
 *
 * @example
 * ```ts
 * const result = map.match("/users/1", "GET");
 * if (result.kind === "redirect") return Response.redirect(result.location + search, 308);
 * ```
 */
export type MatchResult<T> =
  | { kind: "match"; rule: Rule<T>; params: Record<string, unknown> }
  /** Answer 308 with this percent-encoded path; the caller appends the query string. */
  | { kind: "redirect"; location: string }
  /** The path matches, the method does not: answer 405 with `Allow`. Sorted. */
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

/**
 * Holds the rules of an app.
 *
 * @example
 * ```ts
 * const map = new RouteMap<string>();
 * map.add("/users/<int:id>", { endpoint: "user", methods: ["GET"], data: "show user" });
 * map.match("/users/42", "GET");  // { kind: "match", rule, params: { id: 42 } }
 * map.build("user", { id: 42, tab: "posts" }); // "/users/42?tab=posts"
 * ```
 */
export class RouteMap<T> {
  readonly #converters: Readonly<Record<string, ConverterFactory>>;
  readonly #mergeSlashes: boolean;
  readonly #strictSlashes: boolean;
  readonly #matcher = new StateMachineMatcher<T>();
  readonly #rules: Array<Rule<T>> = [];
  readonly #byEndpoint = new Map<string, Array<Rule<T>>>();
  /** Endpoints whose rules must be re-sorted for building (more arguments first). */
  readonly #unsortedEndpoints = new Set<string>();

  constructor(options: RouteMapOptions = {}) {
    this.#converters = { ...defaultConverters, ...options.converters };
    this.#mergeSlashes = options.mergeSlashes ?? true;
    this.#strictSlashes = options.strictSlashes ?? true;
  }

  /** Every rule, in the order added (for `vial routes`). */
  get rules(): ReadonlyArray<Rule<T>> {
    return this.#rules;
  }

  /**
   * Compiles and adds a rule. Throws an Error naming the problem for a malformed rule, an
   * unknown converter or bad converter arguments, a repeated variable name, or a rule that
   * duplicates an earlier one (same URLs, overlapping methods).
   */
  add(rule: string, options: RouteOptions<T>): Rule<T> {
    const compiled = new Rule(rule, {
      endpoint: options.endpoint,
      methods: options.methods,
      data: options.data,
      strictSlashes: options.strictSlashes ?? this.#strictSlashes,
      mergeSlashes: options.mergeSlashes ?? this.#mergeSlashes,
      converters: this.#converters,
    });
    this.#matcher.add(compiled);
    this.#rules.push(compiled);
    const siblings = this.#byEndpoint.get(compiled.endpoint);
    if (siblings) siblings.push(compiled);
    else this.#byEndpoint.set(compiled.endpoint, [compiled]);
    this.#unsortedEndpoints.add(compiled.endpoint);
    return compiled;
  }

  /** Whether some rule has this endpoint. */
  hasEndpoint(endpoint: string): boolean {
    return this.#byEndpoint.has(endpoint);
  }

  /**
   * Finds the rule for a percent-decoded path (like WSGI's PATH_INFO) and an upper-case method.
   * A match beats a slash redirect, which beats 405, which beats 404.
   */
  match(path: string, method: string): MatchResult<T> {
    const notes: SearchNotes = { slashRequired: false, allowed: undefined };
    const found = this.#matcher.match(path, method, notes);
    if (found) return found;
    if (notes.slashRequired) return { kind: "redirect", location: encodePath(`${path}/`) };

    if (this.#mergeSlashes && path.includes("//")) {
      const merged = path.replace(/\/{2,}/g, "/");
      const second = this.#matcher.match(merged, method, notes);
      if (second?.rule.mergeSlashes) return { kind: "redirect", location: encodePath(merged) };
      if (!second && notes.slashRequired) return { kind: "redirect", location: encodePath(`${merged}/`) };
    }
    if (notes.allowed && notes.allowed.size > 0) return { kind: "method-not-allowed", allowed: [...notes.allowed].sort() };
    return { kind: "not-found" };
  }

  /**
   * Builds "/path?query" for an endpoint. Values that are rule arguments fill the path (through
   * their converters); the rest go to the query string (arrays repeat the key; `undefined` and
   * `null` are dropped). Among rules of the endpoint, the first with the most arguments that all
   * have values wins; without `method`, rules accepting GET are preferred. Throws `BuildError`.
   */
  build(endpoint: string, values: Readonly<Record<string, unknown>>, options: { method?: string } = {}): string {
    const method = options.method?.toUpperCase();
    const candidates = this.#candidates(endpoint);
    if (!candidates) {
      throw new BuildError(endpoint, values, method, { kind: "unknown-endpoint", suggestions: closeNames(endpoint, this.#byEndpoint.keys()) });
    }
    const given: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null) given[key] = value;

    let firstFailure: BuildFailure | undefined;
    const attempt = (required: string | undefined): string | undefined => {
      for (const rule of candidates) {
        if (required !== undefined && !rule.acceptsMethod(required)) continue;
        if (!rule.arguments.every((name) => Object.hasOwn(given, name))) continue;
        const built = rule.build(given);
        if (built.ok) return withQuery(built.path, given, rule.arguments);
        firstFailure ??= { kind: "value-refused", rule: rule.rule, variable: built.variable, value: built.value, reason: built.reason };
      }
      return undefined;
    };
    const url = method === undefined ? (attempt("GET") ?? attempt(undefined)) : attempt(method);
    if (url !== undefined) return url;
    throw new BuildError(endpoint, values, method, firstFailure ?? explainMissing(candidates, given, method));
  }

  #candidates(endpoint: string): ReadonlyArray<Rule<T>> | undefined {
    const rules = this.#byEndpoint.get(endpoint);
    if (rules && this.#unsortedEndpoints.delete(endpoint)) {
      // Stable: among rules with as many arguments, the one added first wins.
      rules.sort((a, b) => b.arguments.length - a.arguments.length);
    }
    return rules;
  }
}

function withQuery(path: string, values: Readonly<Record<string, unknown>>, pathArguments: readonly string[]): string {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (!pathArguments.includes(key)) extra[key] = value;
  const query = encodeQuery(extra);
  return query === "" ? path : `${path}?${query}`;
}

function explainMissing(rules: ReadonlyArray<Rule<unknown>>, given: Readonly<Record<string, unknown>>, method: string | undefined): BuildFailure {
  const usable = method === undefined ? rules : rules.filter((rule) => rule.acceptsMethod(method));
  if (usable.length === 0) {
    const allowed = new Set(rules.flatMap((rule) => [...rule.methods]));
    return { kind: "method-not-accepted", allowed: [...allowed].sort() };
  }
  // Point at the rule that needs the fewest extra values.
  let best: { rule: string; missing: string[] } | undefined;
  for (const rule of usable) {
    const missing = rule.arguments.filter((name) => !Object.hasOwn(given, name));
    if (!best || missing.length < best.missing.length) best = { rule: rule.rule, missing };
  }
  const { rule, missing } = best as { rule: string; missing: string[] };
  return { kind: "missing-values", rule, missing };
}
