/**
 * A rule cut at its slashes into parts, the states of Werkzeug's matcher (`rules.py`
 * `_parse_rule`). A part is static text, or a regex when it holds variables. A part with a
 * variable that may match "/" (`path`) is final: it takes the rest of the URL, slashes included.
 */
import type { Converter } from "./converters.ts";
import { escapeRegex } from "./regex-escape.ts";
import type { RuleToken } from "./rule-parser.ts";
import { wholeValueTest } from "./whole-value-test.ts";

/**
 * Orders dynamic parts at the same position, lower first. Werkzeug's `Weighting`: parts with
 * more static text come first, then longer static text, then more variables, then variables
 * with lower converter weights.
 */
export interface Weighting {
  readonly staticCount: number;
  readonly staticWeights: ReadonlyArray<readonly [number, number]>;
  readonly argumentCount: number;
  readonly argumentWeights: readonly number[];
}

export interface StaticPart {
  readonly static: true;
  readonly text: string;
}

export interface DynamicPart {
  readonly static: false;
  /** Anchored regex for the part (or, when final, for the rest of the path). */
  readonly pattern: RegExp;
  /** Names of the capture groups holding this part's variables, in rule order. */
  readonly groups: readonly string[];
  readonly final: boolean;
  /** A final part of a rule ending in "/": the trailing slash is matched separately. */
  readonly suffixed: boolean;
  readonly weight: Weighting;
  /** The part is one variable and nothing else, so its value is the whole matched text. */
  readonly wholeValue: boolean;
  /** Same as `pattern.test(text)`, faster for the common converters; used for whole-value parts. */
  readonly accepts: (text: string) => boolean;
  /** Equal keys mean the parts match exactly the same text, so rules share the state. */
  readonly key: string;
}

export type RulePart = StaticPart | DynamicPart;

/** The capture group that holds the optional trailing slash of a suffixed final part. */
export const SLASH_GROUP = "__slash";

/**
 * Compares two weightings like Python compares the tuples: element by element, lists
 * lexicographically, a shorter list first when it is a prefix.
 *
 * @example
 * ```ts
 * // <int:x> (weight 50) sorts before <string:x> (weight 100)
 * compareWeighting(intPart.weight, stringPart.weight) < 0;
 * ```
 */
export function compareWeighting(a: Weighting, b: Weighting): number {
  return (
    a.staticCount - b.staticCount ||
    compareLists(a.staticWeights, b.staticWeights, (x, y) => x[0] - y[0] || x[1] - y[1]) ||
    a.argumentCount - b.argumentCount ||
    compareLists(a.argumentWeights, b.argumentWeights, (x, y) => x - y)
  );
}

function compareLists<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const order = compare(a[index] as T, b[index] as T);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/**
 * Cuts tokens into parts. `converterFor` gives the converter of each variable.
 * The first part is always the empty static text before the leading slash.
 *
 * @example
 * ```ts
 * splitIntoParts(tokenizeRule("/u/<int:id>"), converters).length; // 3: "", "u", <int:id>
 * ```
 */
export function splitIntoParts(tokens: readonly RuleToken[], converterFor: (name: string) => Converter): RulePart[] {
  const parts: RulePart[] = [];
  let content = "";
  let isStatic = true;
  let final = false;
  let groups: string[] = [];
  let staticWeights: Array<readonly [number, number]> = [];
  let argumentWeights: number[] = [];
  let wholeValue = false;
  let lastRegex = "";

  const weight = (): Weighting => ({
    staticCount: -staticWeights.length,
    staticWeights,
    argumentCount: -argumentWeights.length,
    argumentWeights,
  });
  const flush = (suffixed: boolean) => {
    if (isStatic) parts.push({ static: true, text: content });
    else parts.push(dynamicPart(content, groups, final, suffixed, weight(), wholeValue && !suffixed, lastRegex));
    content = "";
    isStatic = true;
    final = false;
    groups = [];
    staticWeights = [];
    argumentWeights = [];
    wholeValue = false;
  };

  for (const token of tokens) {
    if (token.kind === "static") {
      wholeValue = false;
      staticWeights.push([staticWeights.length, -token.text.length]);
      content += isStatic ? token.text : escapeRegex(token.text);
    } else if (token.kind === "variable") {
      if (isStatic) content = escapeRegex(content);
      isStatic = false;
      const converter = converterFor(token.name);
      if (!converter.partIsolating) final = true;
      const group = `__v${groups.length}`;
      groups.push(group);
      content += `(?<${group}>${converter.regex})`;
      lastRegex = converter.regex;
      wholeValue = content === `(?<${group}>${converter.regex})`;
      argumentWeights.push(converter.weight);
    } else if (final) {
      wholeValue = false;
      content += "\\/";
    } else {
      flush(false);
    }
  }
  // "/<path:p>/": match the trailing slash apart, so "/a/b" can redirect to "/a/b/".
  const suffixed = final && content.endsWith("\\/");
  if (suffixed) content = `${content.slice(0, -2)}(?<!\\/)(?<${SLASH_GROUP}>\\/?)`;
  flush(suffixed);
  if (suffixed) parts.push({ static: true, text: "" });
  return parts;
}

function dynamicPart(
  source: string,
  groups: string[],
  final: boolean,
  suffixed: boolean,
  weight: Weighting,
  wholeValue: boolean,
  variableRegex: string,
): DynamicPart {
  // "s": a path variable takes any character, newlines included; "u": lengths count code points.
  const pattern = new RegExp(`^(?:${source})$`, "su");
  const key = `${final ? "F" : ""}${suffixed ? "S" : ""}|${JSON.stringify(weight)}|${source}`;
  const accepts = wholeValue ? wholeValueTest(variableRegex, pattern) : (text: string) => pattern.test(text);
  return { static: false, pattern, groups, final, suffixed, weight, wholeValue, accepts, key };
}
