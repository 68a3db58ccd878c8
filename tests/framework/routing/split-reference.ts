/**
 * The matcher as it was before it walked the path in place: `path.split("/")`, then the trie
 * walk over the segment list, dynamic parts tested by their regex alone. Kept as the reference
 * the faster matcher must agree with (see matcher-agreement.test.ts). Rules come from a real
 * `RouteMap`, so both share the same compiled parts and converters.
 */
import type { MatchResult, Rule } from "../../../framework/src/routing";
import { compareWeighting, SLASH_GROUP, type DynamicPart } from "../../../framework/src/routing/rule-part";
import { encodePath } from "../../../framework/src/routing/url-encoding";

interface State {
  readonly static: Map<string, State>;
  readonly dynamic: Array<{ readonly part: DynamicPart; readonly next: State }>;
  readonly rules: Array<Rule<null>>;
}
const newState = (): State => ({ static: new Map(), dynamic: [], rules: [] });

/** `RouteMap.match` as it was, over the given rules (in the order they were added). */
export function referenceMatcher(rules: ReadonlyArray<Rule<null>>, mergeSlashes = true): (path: string, method: string) => MatchResult<null> {
  const root = newState();
  for (const rule of rules) {
    let state = root;
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
    state.rules.push(rule);
  }
  const sort = (state: State): void => {
    state.dynamic.sort((a, b) => compareWeighting(a.part.weight, b.part.weight));
    for (const next of state.static.values()) sort(next);
    for (const { next } of state.dynamic) sort(next);
  };
  sort(root);

  return (path, method) => {
    const allowed = new Set<string>();
    const first = search(root, path.split("/"), method, allowed);
    if (first.found) return { kind: "match", ...first.found };
    if (first.slashRequired) return { kind: "redirect", location: encodePath(`${path}/`) };
    if (mergeSlashes && path.includes("//")) {
      const merged = path.replace(/\/{2,}/g, "/");
      const second = search(root, merged.split("/"), method, allowed);
      if (second.found?.rule.mergeSlashes) return { kind: "redirect", location: encodePath(merged) };
      if (!second.found && second.slashRequired) return { kind: "redirect", location: encodePath(`${merged}/`) };
    }
    if (allowed.size > 0) return { kind: "method-not-allowed", allowed: [...allowed].sort() };
    return { kind: "not-found" };
  };
}

type Found = { rule: Rule<null>; params: Record<string, unknown> };

function search(root: State, segments: readonly string[], method: string, allowed: Set<string>): { found?: Found; slashRequired: boolean } {
  let slashRequired = false;
  const accept = (rules: ReadonlyArray<Rule<null>>, values: readonly string[], onlyLoose: boolean): Found | undefined => {
    for (const rule of rules) {
      if (onlyLoose && rule.strictSlashes) continue;
      const params = rule.toParams(values);
      if (!params) continue;
      if (rule.acceptsMethod(method)) return { rule, params };
      for (const m of rule.methods) allowed.add(m);
    }
    return undefined;
  };
  const atEnd = (state: State, values: readonly string[]): Found | undefined => {
    const found = accept(state.rules, values, false);
    if (found) return found;
    for (const rule of state.static.get("")?.rules ?? []) {
      const params = rule.toParams(values);
      if (!params) continue;
      if (!rule.acceptsMethod(method)) for (const m of rule.methods) allowed.add(m);
      else if (rule.strictSlashes) slashRequired = true;
      else return { rule, params };
    }
    return undefined;
  };
  const walk = (state: State, segs: readonly string[], index: number, values: string[]): Found | undefined => {
    if (index === segs.length) return atEnd(state, values);
    const segment = segs[index] as string;
    const staticNext = state.static.get(segment);
    if (staticNext) {
      const found = walk(staticNext, segs, index + 1, values);
      if (found) return found;
    }
    for (const { part, next } of state.dynamic) {
      const target = part.final && index < segs.length - 1 ? segs.slice(index).join("/") : segment;
      const mark = values.length;
      const groups = part.pattern.exec(target)?.groups;
      if (groups === undefined) continue;
      const trailingSlash = part.suffixed && groups[SLASH_GROUP] === "/";
      for (const group of part.groups) values.push(groups[group] ?? "");
      const found = part.final ? walk(next, trailingSlash ? [""] : [], 0, values) : walk(next, segs, index + 1, values);
      if (found) return found;
      values.length = mark;
    }
    if (index === segs.length - 1 && segment === "") return accept(state.rules, values, true);
    return undefined;
  };
  const found = walk(root, segments, 0, []);
  return found ? { found, slashRequired } : { slashRequired };
}
