/**
 * One URL rule, compiled once when it is added: its parts for the matcher, its converters,
 * and the steps that build a URL back from values (Werkzeug's `Rule`).
 */
import type { Converter, ConverterFactory } from "./converters";
import { parseConverterArgs } from "./converter-args";
import { splitIntoParts, type RulePart } from "./rule-part";
import { tokenizeRule, type RuleToken } from "./rule-parser";
import { encodePath } from "./url-encoding";
import { ValidationError } from "./validation-error";

/** Everything a rule needs besides its text, resolved against the map's defaults. */
export interface RuleSettings<T> {
  readonly endpoint: string;
  readonly methods: readonly string[];
  readonly data: T;
  readonly strictSlashes: boolean;
  readonly mergeSlashes: boolean;
  readonly converters: Readonly<Record<string, ConverterFactory>>;
}

/**
 * The outcome of building one rule's path from values.
 *
 * @example
 * ```ts
 * rule.build({ id: 5 });     // { ok: true, path: "/users/5" }
 * rule.build({ id: "x" });   // { ok: false, variable: "id", value: "x", reason: "expected an integer" }
 * ```
 */
export type RuleBuildResult =
  | { readonly ok: true; readonly path: string }
  | { readonly ok: false; readonly variable: string; readonly value: unknown; readonly reason: string };

interface Variable {
  readonly name: string;
  readonly converter: Converter;
  /** Checks what `toUrl` returns, so a value that could never match is refused when building. */
  readonly fullMatch: RegExp;
}

type BuildStep = { readonly text: string } | { readonly variable: Variable };

/**
 * A compiled rule. Made by `RouteMap.add`; handed back in match results.
 *
 * @example
 * ```ts
 * const rule = map.add("/users/<int:id>/", { endpoint: "user", methods: ["GET"], data: handler });
 * rule.arguments; // ["id"]
 * rule.isBranch;  // true: "/users/1" redirects to "/users/1/"
 * ```
 */
export class Rule<T> {
  /** The rule text as given, e.g. `"/users/<int:id>"`. */
  readonly rule: string;
  readonly endpoint: string;
  /** Upper-case methods; empty means any method. */
  readonly methods: ReadonlySet<string>;
  /** Whatever the map's owner attached (for Vial: the handler and its options). */
  readonly data: T;
  /** Variable names in the order they appear. */
  readonly arguments: readonly string[];
  /** Ends with "/": requesting it without the slash redirects (under strict slashes). */
  readonly isBranch: boolean;
  readonly isLeaf: boolean;
  readonly strictSlashes: boolean;
  readonly mergeSlashes: boolean;
  /** The converter of each variable. */
  readonly converters: ReadonlyMap<string, Converter>;
  /** The parts the matcher walks through. */
  readonly parts: readonly RulePart[];
  /** Equal for rules that match the same URLs, whatever their variable names. */
  readonly shape: string;
  readonly #variables: readonly Variable[];
  readonly #steps: readonly BuildStep[];

  constructor(rule: string, settings: RuleSettings<T>) {
    this.rule = rule;
    this.endpoint = settings.endpoint;
    this.methods = new Set(settings.methods.map((method) => method.toUpperCase()));
    this.data = settings.data;
    this.isBranch = rule.endsWith("/");
    this.isLeaf = !this.isBranch;
    this.strictSlashes = settings.strictSlashes;
    this.mergeSlashes = settings.mergeSlashes;

    const tokens = tokenizeRule(settings.mergeSlashes ? rule.replace(/\/{2,}/g, "/") : rule);
    this.#variables = this.#makeVariables(tokens, settings.converters);
    this.arguments = this.#variables.map((variable) => variable.name);
    this.converters = new Map(this.#variables.map((variable) => [variable.name, variable.converter]));
    const byName = new Map(this.#variables.map((variable) => [variable.name, variable]));
    this.parts = splitIntoParts(tokens, (name) => (byName.get(name) as Variable).converter);
    this.#steps = tokens.map((token) =>
      token.kind === "variable" ? { variable: byName.get(token.name) as Variable } : { text: encodePath(token.kind === "slash" ? "/" : token.text) },
    );
    this.shape = tokens.map((token) => (token.kind === "variable" ? `<${token.converter}(${token.args})>` : token.kind === "slash" ? "/" : token.text)).join("");
  }

  #makeVariables(tokens: readonly RuleToken[], factories: Readonly<Record<string, ConverterFactory>>): Variable[] {
    const variables: Variable[] = [];
    for (const token of tokens) {
      if (token.kind !== "variable") continue;
      const fail = (why: string) => new Error(`Invalid route "${this.rule}": ${why}`);
      if (variables.some((variable) => variable.name === token.name)) {
        throw fail(`the variable "${token.name}" appears twice; each variable needs its own name.`);
      }
      const factory = Object.hasOwn(factories, token.converter) ? factories[token.converter] : undefined;
      if (!factory) {
        const known = Object.keys(factories).sort().join(", ");
        throw fail(`unknown converter "${token.converter}" in ${token.source}. Known converters: ${known}.`);
      }
      let converter: Converter;
      let fullMatch: RegExp;
      try {
        converter = factory(parseConverterArgs(token.args));
        fullMatch = new RegExp(`^(?:${converter.regex})$`, "su");
      } catch (error) {
        throw fail(`${token.source}: ${error instanceof Error ? error.message : String(error)}`);
      }
      variables.push({ name: token.name, converter, fullMatch });
    }
    return variables;
  }

  /** Whether a request with this (upper-case) method may use the rule. */
  acceptsMethod(method: string): boolean {
    return this.methods.size === 0 || this.methods.has(method);
  }

  /**
   * Converts the raw texts the matcher captured (in variable order) into handler params, or
   * returns undefined when a converter refuses one (the rule then does not match).
   */
  toParams(raw: readonly string[]): Record<string, unknown> | undefined {
    const params: Record<string, unknown> = {};
    for (let index = 0; index < this.#variables.length; index++) {
      const variable = this.#variables[index] as Variable;
      try {
        params[variable.name] = variable.converter.toValue(raw[index] ?? "");
      } catch (error) {
        if (error instanceof ValidationError) return undefined;
        throw error;
      }
    }
    return params;
  }

  /** Builds the percent-encoded path from values that hold every argument. */
  build(values: Readonly<Record<string, unknown>>): RuleBuildResult {
    let path = "";
    for (const step of this.#steps) {
      if ("text" in step) {
        path += step.text;
        continue;
      }
      const { name, converter, fullMatch } = step.variable;
      const value = values[name];
      let text: string;
      try {
        text = converter.toUrl(value);
      } catch (error) {
        if (error instanceof ValidationError) return { ok: false, variable: name, value, reason: error.message };
        throw error;
      }
      if (!fullMatch.test(text)) {
        return { ok: false, variable: name, value, reason: `"${text}" does not fit the pattern ${converter.regex}` };
      }
      path += encodePath(text, { keepSlashes: !converter.partIsolating });
    }
    return { ok: true, path };
  }

  /** The rule text, as `vial routes` shows it. */
  toString(): string {
    return this.rule;
  }
}
