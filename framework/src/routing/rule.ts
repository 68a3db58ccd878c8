/**
 * One URL rule, compiled once when it is added: its parts for the matcher, its converters,
 * and the steps that build a URL back from values (Werkzeug's `Rule`).
 */
import { errorMessage } from "../error-message.ts";
import type { Converter, ConverterFactory } from "./converters.ts";
import { parseConverterArgs } from "./converter-args.ts";
import { splitIntoParts, type RulePart } from "./rule-part.ts";
import { tokenizeRule, type RuleToken } from "./rule-parser.ts";
import { encodePath } from "./url-encoding.ts";
import { ValidationError } from "./validation-error.ts";

/** Everything a rule needs besides its text, resolved against the map's defaults. */
interface RuleSettings<T> {
  readonly endpoint: string;
  readonly methods: readonly string[];
  readonly data: T;
  readonly strictSlashes: boolean;
  readonly mergeSlashes: boolean;
  readonly converters: Readonly<Record<string, ConverterFactory>>;
  /** Values the rule adds to its params, as Werkzeug's `defaults`; see `Rule.defaults`. */
  readonly defaults?: Readonly<Record<string, unknown>>;
}

const NO_DEFAULTS: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * The outcome of building one rule's path from values.
 *
 * @example
 * ```ts
 * rule.build({ id: 5 });     // { ok: true, path: "/users/5" }
 * rule.build({ id: "x" });   // { ok: false, variable: "id", value: "x", reason: "expected an integer" }
 * ```
 */
type RuleBuildResult =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly variable: string; readonly value: unknown; readonly reason: string };

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
  /**
   * Values added to the params of every match (`{ page: 1 }` for "/users/" beside
   * "/users/page/<int:page>"). Building with them, or without them, picks this rule; a match of
   * a sibling rule with the same values redirects here (see `RouteMap.match`).
   */
  readonly defaults: Readonly<Record<string, unknown>>;
  /** The argument names and the defaults' names together (Werkzeug's `Rule.arguments`), sorted. */
  readonly allArguments: readonly string[];
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
    this.defaults = settings.defaults && Object.keys(settings.defaults).length > 0 ? Object.freeze({ ...settings.defaults }) : NO_DEFAULTS;

    const tokens = tokenizeRule(settings.mergeSlashes ? rule.replace(/\/{2,}/g, "/") : rule);
    this.#variables = this.#makeVariables(tokens, settings.converters);
    this.arguments = this.#variables.map((variable) => variable.name);
    this.converters = new Map(this.#variables.map((variable) => [variable.name, variable.converter]));
    this.allArguments = [...new Set([...this.arguments, ...Object.keys(this.defaults)])].sort();
    const byName = new Map(this.#variables.map((variable) => [variable.name, variable]));
    this.parts = splitIntoParts(tokens, (name) => (byName.get(name) as Variable).converter);
    this.#steps = tokens.map((token) =>
      token.kind === "variable" ? { variable: byName.get(token.name) as Variable } : { text: encodePath(token.kind === "slash" ? "/" : token.text) },
    );
    this.shape = tokens
      .map((token) => (token.kind === "variable" ? `<${token.converter}(${token.args})>` : token.kind === "slash" ? "/" : token.text))
      .join("");
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
        throw fail(`${token.source}: ${errorMessage(error)}`);
      }
      variables.push({ name: token.name, converter, fullMatch });
    }
    return variables;
  }

  /** Whether the rule has defaults. */
  get hasDefaults(): boolean {
    return this.defaults !== NO_DEFAULTS;
  }

  /**
   * Whether this rule supplies defaults for `other` (Werkzeug's `provides_defaults_for`): it has
   * defaults, shares `other`'s endpoint and takes the same arguments once defaults are counted.
   */
  providesDefaultsFor(other: Rule<unknown>): boolean {
    return (
      this.hasDefaults &&
      (this as Rule<unknown>) !== other &&
      this.endpoint === other.endpoint &&
      this.allArguments.length === other.allArguments.length &&
      this.allArguments.every((name, index) => other.allArguments[index] === name)
    );
  }

  /**
   * Whether these values (and method) may build this rule (Werkzeug's `suitable_for`): every
   * argument has a value or a default, and a value given for a default equals it.
   */
  suitableFor(values: Readonly<Record<string, unknown>>, method: string | undefined): boolean {
    if (method !== undefined && !this.acceptsMethod(method)) return false;
    for (const name of this.arguments) if (!Object.hasOwn(values, name) && !Object.hasOwn(this.defaults, name)) return false;
    return this.contradictedDefault(values) === undefined;
  }

  /** The first default that a given value contradicts, if any. */
  contradictedDefault(values: Readonly<Record<string, unknown>>): string | undefined {
    if (!this.hasDefaults) return undefined;
    for (const [name, value] of Object.entries(this.defaults)) {
      if (Object.hasOwn(values, name) && values[name] !== value) return name;
    }
    return undefined;
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
      // A variable with a default is that constant, as in Werkzeug's compiled builder.
      const value = this.hasDefaults && Object.hasOwn(this.defaults, name) ? this.defaults[name] : values[name];
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
