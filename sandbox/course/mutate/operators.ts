/**
 * The mutation operators of `lessons:mutate`: each finds, in one TypeScript file, the places
 * where a realistic security or validation mistake can be made by a small edit (a middleware
 * left out, a cookie flag flipped, a template that no longer escapes, a schema without its
 * limits, a password check skipped) and proposes that edit. A lesson's checks should refuse
 * every such mutant; one that survives is a mistake a learner could make and still pass.
 *
 * The operators read the syntax tree (the TypeScript compiler's parser), so they never match
 * inside strings or comments and every mutant still parses.
 */
import ts from "typescript";

/** One proposed edit: replace `source.slice(start, end)` with `replacement`. */
export interface Mutation {
  operator: OperatorName;
  start: number;
  end: number;
  replacement: string;
  /** What the edit does, in a few words: `removes app.use(csrf())`. */
  description: string;
}

export type OperatorName =
  | "remove-statement"
  | "flip-boolean"
  | "weaken-samesite"
  | "drop-option"
  | "plain-template"
  | "loosen-schema"
  | "skip-verify"
  | "remove-escape"
  | "drop-guard"
  | "change-status"
  | "empty-body";

/** What each operator models, for the report and AUTHORING.md. */
export const OPERATORS: Record<OperatorName, string> = {
  "remove-statement": "deletes a call made for its effect (app.use(csrf()), auth.use(rateLimit()), req.session.clear(), a hook) or a property assignment (app.config.SECRET_KEY ??= ...); route definitions are left alone",
  "flip-boolean": "negates a true/false option in an object literal (httpOnly: true, secure: true)",
  "weaken-samesite": "turns a SameSite value of Strict or Lax into None",
  "drop-option": "removes one option from an object passed to something imported from vial (secureHeaders({ frameAncestors }), rateLimit({ window }), new Vial({ config }))",
  "plain-template": "replaces an html`...` template with a plain string template, which escapes nothing",
  "loosen-schema": "removes one constraint from a zod schema (.max(), .min(), .regex(), .strict(), .pipe(z.email())) or makes an object schema loose",
  "skip-verify": "replaces a call to a verify/check/compare/is-safe function with true",
  "remove-escape": "replaces escape(x), sanitize(x), encodeURIComponent(x) with x",
  "drop-guard": "makes the condition of an if that returns, throws or aborts false, so the guard never fires",
  "change-status": "answers 200 instead of the status a response tuple, abort(), redirect() or a status: option names (500 instead of 200)",
  "empty-body": "makes a handler that answers a fixed text answer an empty one",
};

const ROUTE_METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "options", "route", "addUrlRule"]);
const SCHEMA_CONSTRAINTS = new Set([
  "max", "min", "length", "regex", "email", "url", "uuid", "int", "positive", "nonnegative", "negative", "nonpositive",
  "strict", "trim", "nonempty", "gte", "lte", "gt", "lt", "multipleOf", "startsWith", "endsWith", "includes", "refine", "pipe", "finite", "safe",
]);
const VERIFY_NAME = /^(verify|check|compare|timingSafeEqual|safeEqual|constantTimeEqual|isSafe|isValid|isAllowed|isTrusted|isSameOrigin)/i;
const ESCAPE_NAME = /^(escape|escapeHtml|htmlEscape|sanitize|sanitizeHtml|encodeURIComponent|encodeURI|quote)$/i;
const SAMESITE_NAME = /samesite/i;

/**
 * Every mutation the operators propose for one file, in source order.
 *
 * @example
 * ```ts
 * mutationsIn("app.ts", 'app.use(csrf());\n'); // [{ operator: "remove-statement", ... }]
 * ```
 */
export function mutationsIn(fileName: string, source: string): Mutation[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const vialImports = importedFrom(file, "vial");
  const found: Mutation[] = [];
  const visit = (node: ts.Node): void => {
    found.push(...mutationsAt(node, file, vialImports));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Applies one mutation to the source it was found in.
 *
 * @example
 * ```ts
 * const mutated = applyMutation(source, mutationsIn("app.ts", source)[0]);
 * ```
 */
export function applyMutation(source: string, mutation: Mutation): string {
  return source.slice(0, mutation.start) + mutation.replacement + source.slice(mutation.end);
}

function mutationsAt(node: ts.Node, file: ts.SourceFile, vialImports: Set<string>): Mutation[] {
  const text = (of: ts.Node) => of.getText(file);
  const edit = (operator: OperatorName, target: ts.Node, replacement: string, description: string): Mutation => ({
    operator, start: target.getStart(file), end: target.getEnd(), replacement, description,
  });
  const found: Mutation[] = [];

  if (ts.isExpressionStatement(node)) {
    const expression = unwrapAwait(node.expression);
    const isEffectCall = ts.isCallExpression(expression) && !isRouteDefinition(expression) && !isConsoleCall(expression);
    const isPropertyAssignment = ts.isBinaryExpression(expression) && isAssignment(expression.operatorToken.kind) && ts.isPropertyAccessExpression(expression.left);
    // `;` rather than nothing: the statement may be the body of an if without braces.
    if (isEffectCall || isPropertyAssignment) found.push(edit("remove-statement", node, ";", `removes ${oneLine(text(node))}`));
  }

  if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
    const name = propertyName(node, file);
    const value = node.initializer;
    // A flag in an answer (`{ loggedOut: true }`) is data, not a setting: leave it to the checks of the body.
    if ((value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword) && !isResponseBody(node.parent)) {
      const flipped = value.kind === ts.SyntaxKind.TrueKeyword ? "false" : "true";
      found.push(edit("flip-boolean", value, flipped, `${name}: ${text(value)} becomes ${name}: ${flipped}`));
    }
    if (SAMESITE_NAME.test(name) && ts.isStringLiteral(value) && /^(strict|lax)$/i.test(value.text)) {
      found.push(edit("weaken-samesite", value, '"None"', `${name}: ${text(value)} becomes ${name}: "None"`));
    }
  }

  const isResponseHeaders = node.parent !== undefined && ts.isObjectLiteralExpression(node.parent) && node.parent.parent !== undefined && ts.isArrayLiteralExpression(node.parent.parent) && node.parent.parent.elements.indexOf(node.parent) > 0;
  if (ts.isObjectLiteralElementLike(node) && ts.isObjectLiteralExpression(node.parent) && (isVialOptions(node.parent, vialImports) || isResponseHeaders)) {
    const end = endWithComma(node, file);
    found.push({ operator: "drop-option", start: node.getStart(file), end, replacement: "", description: `drops the option ${oneLine(text(node))}` });
  }

  if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === "html") {
    found.push(edit("plain-template", node, text(node.template), "turns an html template into a plain string template"));
  }

  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && rootIdentifier(node.expression) === "z") {
    const method = node.expression.name.text;
    const receiver = node.expression.expression;
    const receiverIsSchema = !(ts.isIdentifier(receiver) && receiver.text === "z");
    if (receiverIsSchema && SCHEMA_CONSTRAINTS.has(method)) {
      found.push(edit("loosen-schema", node, text(receiver), `drops .${method}(${oneLine(node.arguments.map(text).join(", "))})`));
    }
    if (!receiverIsSchema && (method === "object" || method === "strictObject")) {
      found.push(edit("loosen-schema", node.expression.name, "looseObject", `z.${method}(...) becomes z.looseObject(...), which keeps unknown fields`));
    }
  }

  if (ts.isCallExpression(node)) {
    const name = calleeName(node);
    const replaced = ts.isAwaitExpression(node.parent) ? node.parent : node;
    if (name !== undefined && VERIFY_NAME.test(name) && !isRouteDefinition(node) && !ts.isExpressionStatement(replaced.parent)) {
      found.push(edit("skip-verify", replaced, "true", `${oneLine(text(replaced))} becomes true`));
    }
    const [only] = node.arguments;
    if (name !== undefined && ESCAPE_NAME.test(name) && node.arguments.length === 1 && only) {
      found.push(edit("remove-escape", node, `(${text(only)})`, `${oneLine(text(node))} becomes ${oneLine(text(only))}`));
    }
  }

  if (ts.isIfStatement(node) && node.elseStatement === undefined && endsTheRequest(node.thenStatement)) {
    found.push(edit("drop-guard", node.expression, "false", `the guard if (${oneLine(text(node.expression))}) never fires`));
  }

  if (ts.isNumericLiteral(node) && isStatusPosition(node)) {
    const status = Number(node.text);
    const other = status === 200 ? "500" : "200";
    if (status >= 100 && status <= 599) found.push(edit("change-status", node, other, `status ${status} becomes ${other}`));
  }

  if (ts.isArrowFunction(node) && (ts.isStringLiteral(node.body) || ts.isNoSubstitutionTemplateLiteral(node.body)) && node.body.text !== "") {
    found.push(edit("empty-body", node.body, '""', `the handler answering ${oneLine(text(node.body))} answers ""`));
  }

  return found;
}

/** An object literal a handler answers with: returned, an arrow's body, or a tuple's first element. */
function isResponseBody(object: ts.ObjectLiteralExpression): boolean {
  let node: ts.Node = object;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === node)) return true;
  return ts.isArrayLiteralExpression(parent) && parent.elements[0] === node;
}

/** A number in a response tuple (`[body, 404]`), in abort()/redirect(), or as `status: 409`. */
function isStatusPosition(node: ts.NumericLiteral): boolean {
  const parent = node.parent;
  if (ts.isArrayLiteralExpression(parent)) return parent.elements.indexOf(node) > 0;
  if (ts.isPropertyAssignment(parent)) return ts.isIdentifier(parent.name) && parent.name.text === "status";
  if (ts.isCallExpression(parent)) {
    const name = calleeName(parent);
    return (name === "abort" && parent.arguments[0] === node) || (name === "redirect" && parent.arguments[1] === node);
  }
  return false;
}

/** Local names imported from `module`: `import { csrf, html as h } from "vial"` gives csrf, h. */
function importedFrom(file: ts.SourceFile, module: string): Set<string> {
  const names = new Set<string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== module) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.add(element.name.text);
  }
  return names;
}

/** Whether an object literal is an argument (or nested inside one) of a call to a vial import. */
function isVialOptions(object: ts.ObjectLiteralExpression, vialImports: Set<string>): boolean {
  let node: ts.Node = object;
  while (ts.isObjectLiteralExpression(node) && ts.isPropertyAssignment(node.parent) && ts.isObjectLiteralExpression(node.parent.parent)) {
    node = node.parent.parent;
  }
  const call = node.parent;
  if (!call || !(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments?.includes(node as ts.Expression)) return false;
  return ts.isIdentifier(call.expression) && vialImports.has(call.expression.text);
}

/** `app.get("/x", ...)`, `bp.route("/x", ...)`: a route, whose removal any check notices at once. */
function isRouteDefinition(call: ts.CallExpression): boolean {
  const [first] = call.arguments;
  return ts.isPropertyAccessExpression(call.expression) && ROUTE_METHODS.has(call.expression.name.text) && first !== undefined && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first));
}

function isConsoleCall(call: ts.CallExpression): boolean {
  return rootIdentifier(call.expression) === "console";
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** Whether a branch leaves the handler: return, throw, or a call to abort(). */
function endsTheRequest(statement: ts.Statement): boolean {
  const last = ts.isBlock(statement) ? statement.statements.at(-1) : statement;
  if (last === undefined) return false;
  if (ts.isReturnStatement(last) || ts.isThrowStatement(last)) return true;
  return ts.isExpressionStatement(last) && ts.isCallExpression(last.expression) && calleeName(last.expression) === "abort";
}

function unwrapAwait(expression: ts.Expression): ts.Expression {
  return ts.isAwaitExpression(expression) ? expression.expression : expression;
}

/** `verifyPassword` for `verifyPassword(a)` and `tokens.verify(a)` alike. */
function calleeName(call: ts.CallExpression): string | undefined {
  if (ts.isIdentifier(call.expression)) return call.expression.text;
  if (ts.isPropertyAccessExpression(call.expression)) return call.expression.name.text;
  return undefined;
}

/** The identifier a chain of calls and property reads starts from: `z` for `z.string().max(3)`. */
function rootIdentifier(expression: ts.Expression): string | undefined {
  let node: ts.Expression = expression;
  for (;;) {
    if (ts.isIdentifier(node)) return node.text;
    if (ts.isPropertyAccessExpression(node) || ts.isCallExpression(node) || ts.isNonNullExpression(node) || ts.isParenthesizedExpression(node)) {
      node = node.expression;
    } else {
      return undefined;
    }
  }
}

function propertyName(node: ts.PropertyAssignment, file: ts.SourceFile): string {
  return ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : node.name.getText(file);
}

/** The end of an object member, including the comma after it, so the object stays valid. */
function endWithComma(node: ts.Node, file: ts.SourceFile): number {
  const after = file.text.slice(node.getEnd());
  const comma = /^\s*,[ \t]*/.exec(after);
  return node.getEnd() + (comma ? comma[0].length : 0);
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 70 ? `${flat.slice(0, 67)}...` : flat;
}
