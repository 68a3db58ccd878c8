/**
 * The state machine that finds the rule for a path, after Werkzeug's `StateMachineMatcher`.
 * Rules share a trie of parts: static parts are looked up by exact text (one Map lookup per
 * segment), dynamic parts are tried in weight order, and a branch that fails further down
 * backtracks to the next candidate. Converters run at the leaf, so a refused value lets the
 * search go on with other rules.
 *
 * The path is walked in place, segment by segment, instead of being split first: on a path
 * fresh from the HTTP parser `split("/")` costs more than the rest of the match together.
 */
import type { Rule } from "./rule.ts";
import { compareWeighting, SLASH_GROUP, type DynamicPart } from "./rule-part.ts";

interface State<T> {
  readonly static: Map<string, State<T>>;
  readonly dynamic: Array<{ readonly part: DynamicPart; readonly next: State<T> }>;
  readonly rules: Array<Rule<T>>;
}

/** A rule and its converted params, shaped as `RouteMap`'s match result so it is handed on as is. */
interface Found<T> {
  readonly kind: "match";
  readonly rule: Rule<T>;
  readonly params: Record<string, unknown>;
}

/** What one pass over the trie learned besides the rule it found. */
export interface SearchNotes {
  /** Only a strict branch rule matches, with a slash appended to the path. */
  slashRequired: boolean;
  /** Methods of rules that match the path but not the method; made on the first such rule. */
  allowed: Set<string> | undefined;
}

/**
 * Where the walk stands: `start` is where the current segment begins. A start past the end of
 * the path means every segment has been taken (a path of n slashes has n + 1 segments, as with
 * `split("/")`).
 */
const PAST_END = (path: string): number => path.length + 1;

const newState = <T>(): State<T> => ({ static: new Map(), dynamic: [], rules: [] });

/**
 * Holds the rules in a trie and matches paths against it.
 *
 * @example
 * ```ts
 * const matcher = new StateMachineMatcher<Handler>();
 * matcher.add(rule);
 * const notes = { slashRequired: false, allowed: undefined };
 * matcher.match("/users/1", "GET", notes); // { kind: "match", rule, params } or undefined
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
   * Walks the trie for the segments of `path` (those of `path.split("/")`). Returns the rule found,
   * or undefined; `notes` receives the redirect hint and the methods of rules that match the path
   * but not the method (added to any already there).
   */
  match(path: string, method: string, notes: SearchNotes): Found<T> | undefined {
    if (!this.#sorted) {
      sortState(this.#root);
      this.#sorted = true;
    }
    return new Search<T>(method, notes).walk(this.#root, path, 0, []);
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
  constructor(
    private readonly method: string,
    private readonly notes: SearchNotes,
  ) {}

  walk(state: State<T>, path: string, start: number, values: string[]): Found<T> | undefined {
    if (start > path.length) return this.#atEnd(state, values);
    const slash = path.indexOf("/", start);
    const end = slash < 0 ? path.length : slash;
    const segment = path.slice(start, end);

    // Most states below a variable have no static children: skip the lookup there.
    const staticNext = state.static.size === 0 ? undefined : state.static.get(segment);
    if (staticNext) {
      const found = this.walk(staticNext, path, end + 1, values);
      if (found) return found;
    }

    for (const { part, next } of state.dynamic) {
      // A final part takes every remaining segment, slashes included.
      const target = part.final ? path.slice(start) : segment;
      const mark = values.length;
      let trailingSlash = false;
      if (part.wholeValue) {
        // The common "<int:id>" part: test and take the whole text, no capture groups needed.
        if (!part.accepts(target)) continue;
        values.push(target);
      } else {
        const groups = part.pattern.exec(target)?.groups;
        if (groups === undefined) continue;
        trailingSlash = part.suffixed && groups[SLASH_GROUP] === "/";
        for (const group of part.groups) values.push(groups[group] ?? "");
      }
      const found = part.final
        ? // Nothing is left after a final part, or only the trailing slash (one empty segment).
          this.walk(next, "", trailingSlash ? 0 : PAST_END(""), values)
        : this.walk(next, path, end + 1, values);
      if (found) return found;
      values.length = mark;
    }

    // Only a trailing slash is left: leaf rules without strict slashes take it.
    if (end === path.length && start === end) return this.#accept(state.rules, values, true);
    return undefined;
  }

  #atEnd(state: State<T>, values: readonly string[]): Found<T> | undefined {
    const found = this.#accept(state.rules, values, false);
    if (found) return found;
    // A branch rule ("/x/") would match with a slash appended.
    const branch = state.static.get("");
    if (!branch) return undefined;
    for (const rule of branch.rules) {
      const params = rule.toParams(values);
      if (!params) continue;
      if (!rule.acceptsMethod(this.method)) {
        this.#allow(rule);
      } else if (rule.strictSlashes) {
        // Keep looking: another rule may match the path exactly.
        this.notes.slashRequired = true;
      } else {
        return { kind: "match", rule, params };
      }
    }
    return undefined;
  }

  #accept(rules: ReadonlyArray<Rule<T>>, values: readonly string[], onlyLoose: boolean): Found<T> | undefined {
    for (const rule of rules) {
      if (onlyLoose && rule.strictSlashes) continue;
      const params = rule.toParams(values);
      if (!params) continue;
      if (rule.acceptsMethod(this.method)) return { kind: "match", rule, params };
      this.#allow(rule);
    }
    return undefined;
  }

  #allow(rule: Rule<T>): void {
    const allowed = (this.notes.allowed ??= new Set());
    for (const method of rule.methods) allowed.add(method);
  }
}
