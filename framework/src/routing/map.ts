/**
 * The URL map: rules in, matches and built URLs out. Werkzeug's `Map` and `MapAdapter` in one,
 * without hosts and subdomains: matching by specificity, 405 with the allowed methods, the 308
 * redirects for strict and merged slashes, and `build` for `urlFor`.
 */
import { BuildError, closestRule, type BuildFailure } from "./build-error.ts";
import { defaultConverters, type ConverterFactory } from "./converters.ts";
import { StateMachineMatcher, type SearchNotes } from "./matcher.ts";
import { Rule } from "./rule.ts";
import { encodePath, encodeQuery } from "./url-encoding.ts";

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
  /** Values added to the params of every match, as Werkzeug's `defaults` (see `Rule.defaults`). */
  defaults?: Readonly<Record<string, unknown>>;
}

/**
 * Options of the `RouteMap` constructor.
 *
 * @example
 * ```ts
 * import { RouteMap, defaultConverters } from "vial/routing";
 * new RouteMap({ converters: { id: defaultConverters.int! }, strictSlashes: true, mergeSlashes: true });
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
 * import { RouteMap, type MatchResult } from "vial/routing";
 * const map = new RouteMap<string>();
 * map.add("/users/<int:id>", { endpoint: "user", methods: ["GET"], data: "show user" });
 * const result: MatchResult<string> = map.match("/users/1", "GET");
 * if (result.kind === "redirect") console.log(`308 to ${result.location}`);
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
  /** Whether some rule has defaults: until then matching does no work for them. */
  #anyDefaults = false;

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
      defaults: options.defaults,
    });
    if (compiled.hasDefaults) this.#anyDefaults = true;
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
   * A match beats a slash redirect, which beats 405, which beats 404. With rule defaults, a match
   * whose values a rule of the same endpoint gives as defaults redirects to that rule's URL
   * ("/users/page/1" to "/users/" when "/users/" has `{ page: 1 }`), as Werkzeug's
   * `redirect_defaults` does.
   */
  match(path: string, method: string): MatchResult<T> {
    const notes: SearchNotes = { slashRequired: false, allowed: undefined };
    const found = this.#matcher.match(path, method, notes);
    if (found) return this.#anyDefaults ? this.#applyDefaults(found, method) : found;
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

  #applyDefaults(found: { kind: "match"; rule: Rule<T>; params: Record<string, unknown> }, method: string): MatchResult<T> {
    const { rule, params } = found;
    if (rule.hasDefaults) Object.assign(params, rule.defaults);
    // Rules sorted for building put rules with defaults before the rules they stand for.
    for (const other of this.#candidates(rule.endpoint) ?? []) {
      if (other === rule) break;
      if (!other.providesDefaultsFor(rule) || !other.suitableFor(params, method)) continue;
      const built = other.build(params);
      if (built.ok) return { kind: "redirect", location: built.path };
    }
    return found;
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
    const given: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null) given[key] = value;
    if (!candidates) {
      throw new BuildError(endpoint, values, method, { kind: "unknown-endpoint", suggested: closestRule(endpoint, given, method, this.#rules) });
    }

    let firstFailure: BuildFailure | undefined;
    const attempt = (required: string | undefined): string | undefined => {
      for (const rule of candidates) {
        if (required !== undefined && !rule.acceptsMethod(required)) continue;
        if (!rule.suitableFor(given, undefined)) continue;
        const built = rule.build(given);
        if (built.ok) return withQuery(built.path, given, rule.allArguments);
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
      // Werkzeug's build order: more arguments (defaults counted) first, then more defaults;
      // stable, so among equals the rule added first wins.
      rules.sort((a, b) => b.allArguments.length - a.allArguments.length || Object.keys(b.defaults).length - Object.keys(a.defaults).length);
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
  let best: { rule: Rule<unknown>; missing: string[] } | undefined;
  for (const rule of usable) {
    const missing = rule.arguments.filter((name) => !Object.hasOwn(given, name) && !Object.hasOwn(rule.defaults, name));
    if (!best || missing.length < best.missing.length) best = { rule, missing };
  }
  const { rule, missing } = best as { rule: Rule<unknown>; missing: string[] };
  if (missing.length > 0) return { kind: "missing-values", rule: rule.rule, missing };
  // Every value is there, so a given value contradicts the rule's default.
  const variable = rule.contradictedDefault(given) as string;
  return { kind: "default-differs", rule: rule.rule, variable, value: given[variable], default: rule.defaults[variable] };
}
