/**
 * Splits a rule string such as `/users/<int(min=1):id>/edit` into slashes, static text and
 * variables, with Werkzeug's grammar (`rules.py` `_part_re`).
 */

/**
 * One piece of a rule string.
 *
 * @example
 * ```ts
 * const token: RuleToken = { kind: "static", text: "users" };
 * ```
 */
export type RuleToken =
  | { readonly kind: "slash" }
  | { readonly kind: "static"; readonly text: string }
  | {
      readonly kind: "variable";
      readonly name: string;
      /** The converter name; `"default"` when the rule says just `<name>`. */
      readonly converter: string;
      /** The raw text between the parentheses, or `""`. */
      readonly args: string;
      /** The variable as written, e.g. `<int(min=1):id>`, for messages. */
      readonly source: string;
    };

// Mirrors Werkzeug's _part_re: a slash, static text without "<" or "/", or a variable.
const TOKEN = /(\/)|([^</]+)|<(?:([a-zA-Z_][a-zA-Z0-9_]*)(?:\((.*?)\))?:)?([a-zA-Z_][a-zA-Z0-9_]*)>/y;

/**
 * Tokenizes `rule`. Throws an Error that points at the first part it cannot read.
 *
 * @example
 * ```ts
 * tokenizeRule("/u/<int:id>");
 * // [{ kind: "slash" }, { kind: "static", text: "u" }, { kind: "slash" },
 * //  { kind: "variable", name: "id", converter: "int", args: "", source: "<int:id>" }]
 * ```
 */
export function tokenizeRule(rule: string): RuleToken[] {
  if (!rule.startsWith("/")) throw new Error(`Invalid route "${rule}": a rule must start with "/".`);
  const tokens: RuleToken[] = [];
  let position = 0;
  while (position < rule.length) {
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(rule);
    if (match === null) throw new Error(malformedMessage(rule, position));
    const [source, slash, text, converter, args, name] = match;
    if (slash !== undefined) tokens.push({ kind: "slash" });
    else if (text !== undefined) tokens.push({ kind: "static", text });
    else if (name !== undefined) {
      tokens.push({ kind: "variable", name, converter: converter ?? "default", args: args ?? "", source });
    }
    position = TOKEN.lastIndex;
  }
  return tokens;
}

function malformedMessage(rule: string, position: number): string {
  const end = rule.indexOf(">", position);
  const fragment = end === -1 ? rule.slice(position) : rule.slice(position, end + 1);
  return (
    `Invalid route "${rule}": cannot read "${fragment}" at position ${position}. ` +
    "Variables look like <name>, <converter:name> or <converter(arguments):name>, " +
    "with names made of letters, digits and _."
  );
}
