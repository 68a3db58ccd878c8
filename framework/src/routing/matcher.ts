/**
 * The state machine that finds the rule for a path, after Werkzeug's `StateMachineMatcher`.
 * Rules share a trie of parts: static parts are looked up by exact text (one Map lookup per
 * segment), dynamic parts are tried in weight order, and a branch that fails further down
 * backtracks to the next candidate. Converters run at the leaf, so a refused value lets the
 * search go on with other rules.
 */
import type { Rule } from "./rule";
import { compareWeighting, SLASH_GROUP, type DynamicPart } from "./rule-part";

interface State<T> {
  readonly static: Map<string, State<T>>;
  readonly dynamic: Array<{ readonly part: DynamicPart; readonly next: State<T> }>;
  readonly rules: Array<Rule<T>>;
}

/** A rule and its converted params. */
export interface Found<T> {
  readonly rule: Rule<T>;
  readonly params: Record<string, unknown>;
}

/** What one pass over the trie found. */
export type MatcherOutcome<T> =
  | { readonly kind: "found"; readonly found: Found<T> }
  /** Only a strict branch rule matches, with a slash appended to the path. */
  | { readonly kind: "slash-required" }
  | { readonly kind: "none" };

const NO_SEGMENTS: readonly string[] = [];
const TRAILING_SLASH: readonly string[] = [""];

const newState = <T>(): State<T> => ({ static: new Map(), dynamic: [], rules: [] });

/**
 * Holds the rules in a trie and matches segment lists against it.
 *
 * @example
 * ```ts
 * const matcher = new StateMachineMatcher<Handler>();
 * matcher.add(rule);
 * matcher.match("/users/1".split("/"), "GET", new Set());
 * ```
 */
export class StateMachineMatcher<T> {
  readonly #root: State<T> = newState();
  #sorted = true;

  /** Adds a rule. Throws when an equal rule with an overlapping method is already there. */
  add(rule: Rule<T>): void {
    let state = this.#root;
    for (const part of rule.parts) {
      if (part.static) {
        let next = state.static.get(part.text);
        if (!next) state.static.set(part.text, (next = newState()));
        state = next;
      } else {
        let entry = state.dynamic.find((candidate) => candidate.part.key === part.key);
        if (!entry) state.dynamic.push((entry = { part, next: newState() }));
        state = entry.next;
      }
    }
    const duplicate = state.rules.find((existing) => existing.shape === rule.shape && methodsOverlap(existing, rule));
    if (duplicate) {
      throw new Error(
        `Invalid route "${rule.rule}" (endpoint "${rule.endpoint}"): it matches the same URLs and methods as ` +
          `"${duplicate.rule}" (endpoint "${duplicate.endpoint}"), so it could never be reached.`,
      );
    }
    state.rules.push(rule);
    this.#sorted = false;
  }

  /**
   * Walks the trie for the segments of a path (`path.split("/")`). Methods of rules that match
   * the path but not the method are added to `allowed`.
   */
  match(segments: readonly string[], method: string, allowed: Set<string>): MatcherOutcome<T> {
    if (!this.#sorted) {
      sortState(this.#root);
      this.#sorted = true;
    }
    const search = new Search<T>(method, allowed);
    const found = search.walk(this.#root, segments, 0, []);
    if (found) return { kind: "found", found };
    return search.slashRequired ? { kind: "slash-required" } : { kind: "none" };
  }
}

// HEAD and OPTIONS come with most rules, so sharing only those is not a clash (as in Werkzeug).
function methodsOverlap(a: Rule<unknown>, b: Rule<unknown>): boolean {
  if (a.methods.size === 0 || b.methods.size === 0) return true;
  for (const method of a.methods) {
    if (method !== "HEAD" && method !== "OPTIONS" && b.methods.has(method)) return true;
  }
  return [...a.methods].sort().join() === [...b.methods].sort().join();
}

function sortState<T>(state: State<T>): void {
  state.dynamic.sort((a, b) => compareWeighting(a.part.weight, b.part.weight));
  for (const next of state.static.values()) sortState(next);
  for (const { next } of state.dynamic) sortState(next);
}

/** One search: the request's method and what has been learned on the way. */
class Search<T> {
  slashRequired = false;

  constructor(
    private readonly method: string,
    private readonly allowed: Set<string>,
  ) {}

  walk(state: State<T>, segments: readonly string[], index: number, values: string[]): Found<T> | undefined {
    if (index === segments.length) return this.#atEnd(state, values);
    const segment = segments[index] as string;

    const staticNext = state.static.get(segment);
    if (staticNext) {
      const found = this.walk(staticNext, segments, index + 1, values);
      if (found) return found;
    }

    for (const { part, next } of state.dynamic) {
      // A final part takes every remaining segment, slashes included.
      const target = part.final && index < segments.length - 1 ? segments.slice(index).join("/") : segment;
      const mark = values.length;
      let trailingSlash = false;
      if (part.wholeValue) {
        // The common "<int:id>" part: test() and take the whole text, no capture groups needed.
        if (!part.pattern.test(target)) continue;
        values.push(target);
      } else {
        const groups = part.pattern.exec(target)?.groups;
        if (groups === undefined) continue;
        trailingSlash = part.suffixed && groups[SLASH_GROUP] === "/";
        for (const group of part.groups) values.push(groups[group] ?? "");
      }
      const found = part.final
        ? this.walk(next, trailingSlash ? TRAILING_SLASH : NO_SEGMENTS, 0, values)
        : this.walk(next, segments, index + 1, values);
      if (found) return found;
      values.length = mark;
    }

    // Only a trailing slash is left: leaf rules without strict slashes take it.
    if (index === segments.length - 1 && segment === "") return this.#accept(state.rules, values, true);
    return undefined;
  }

  #atEnd(state: State<T>, values: readonly string[]): Found<T> | undefined {
    const found = this.#accept(state.rules, values, false);
    if (found) return found;
    // A branch rule ("/x/") would match with a slash appended.
    for (const rule of state.static.get("")?.rules ?? []) {
      const params = rule.toParams(values);
      if (!params) continue;
      if (!rule.acceptsMethod(this.method)) {
        for (const method of rule.methods) this.allowed.add(method);
      } else if (rule.strictSlashes) {
        // Keep looking: another rule may match the path exactly.
        this.slashRequired = true;
      } else {
        return { rule, params };
      }
    }
    return undefined;
  }

  #accept(rules: ReadonlyArray<Rule<T>>, values: readonly string[], onlyLoose: boolean): Found<T> | undefined {
    for (const rule of rules) {
      if (onlyLoose && rule.strictSlashes) continue;
      const params = rule.toParams(values);
      if (!params) continue;
      if (rule.acceptsMethod(this.method)) return { rule, params };
      for (const method of rule.methods) this.allowed.add(method);
    }
    return undefined;
  }
}
