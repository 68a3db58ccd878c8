/**
 * Finds the numbered tasks in a lesson's MDX. A task is a block-level element
 *
 *     <Task n={1} title="Say hello" hint="Return a string from the handler.">
 *     Make `GET /` answer `Hello, Vial!`.
 *     </Task>
 *
 * read with the real MDX parser (not a regex), so what the tooling sees is what the site renders.
 */
import { createProcessor } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import { LessonError } from "./lesson-error";
import { parseOrThrow } from "./zod-problem";
import { taskAttributes } from "./schema";
import type { Task } from "./types";

/** The few mdast/MDX node fields this file reads; kept local so no transitive types are needed. */
interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: MdxAttribute[];
  children?: MdxNode[];
  position?: { start: { line: number; column: number } };
}
interface MdxAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string; data?: { estree?: { body?: EstreeStatement[] } } };
}
interface EstreeExpression {
  type: string;
  value?: unknown;
  operator?: string;
  argument?: { type: string; value?: unknown };
  elements?: (EstreeExpression | null)[];
}
interface EstreeStatement {
  type: string;
  expression?: EstreeExpression;
}

const processor = createProcessor({ remarkPlugins: [remarkFrontmatter] });

/**
 * Parses `source` (a whole lesson.mdx, frontmatter included) and returns its tasks in order.
 * Throws a LessonError naming the element when a task is malformed, misnumbered or inline.
 *
 * @example
 * ```ts
 * extractTasks('<Task n={1} hint="Use app.get.">\nSay hello.\n</Task>\n', "lesson.mdx");
 * // [{ n: 1, hint: "Use app.get." }]
 * ```
 */
export function extractTasks(source: string, file: string): Task[] {
  const tree = parseMdx(source, file);
  const tasks: Task[] = [];
  visit(tree, (node) => {
    if (node.name !== "Task") return;
    const line = node.position?.start.line ?? 0;
    if (node.type === "mdxJsxTextElement") {
      throw new LessonError(file, `<Task> on line ${line}`, "is inside a paragraph; put <Task ...> and </Task> on lines of their own, with a blank line before and after");
    }
    tasks.push(readTask(node, file, line));
  });
  checkNumbering(tasks, file);
  return tasks;
}

function parseMdx(source: string, file: string): MdxNode {
  try {
    return processor.parse(source) as unknown as MdxNode;
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    const at = place.line ? `line ${place.line}${place.column ? `:${place.column}` : ""}` : "MDX";
    throw new LessonError(file, at, `is not valid MDX: ${place.reason ?? place.message ?? String(error)}`, { cause: error });
  }
}

function visit(node: MdxNode, onElement: (node: MdxNode) => void): void {
  if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") onElement(node);
  for (const child of node.children ?? []) visit(child, onElement);
}

function readTask(node: MdxNode, file: string, line: number): Task {
  const element = `<Task> on line ${line}`;
  const values: Record<string, unknown> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== "mdxJsxAttribute" || !attribute.name) {
      throw new LessonError(file, element, "uses a {...spread} attribute; write n, title and hint out");
    }
    values[attribute.name] = attributeValue(attribute, file, `${element} ${attribute.name}`);
  }
  const parsed = parseOrThrow(taskAttributes, values, file, element);
  return { n: parsed.n, ...(parsed.title ? { title: parsed.title } : {}), hint: parsed.hint, ...(parsed.moreHints ? { moreHints: parsed.moreHints } : {}) };
}

/** Attribute values: "text", {1}, {-1}, {"text"} or {["text", "text"]}; anything computed is refused (the tooling cannot run it). */
function attributeValue(attribute: MdxAttribute, file: string, field: string): unknown {
  const value = attribute.value;
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value;
  const expression = value.data?.estree?.body?.[0]?.expression;
  if (expression?.type === "Literal") return expression.value;
  if (expression?.type === "ArrayExpression" && expression.elements?.every((element) => element?.type === "Literal")) {
    return expression.elements.map((element) => element!.value);
  }
  if (expression?.type === "UnaryExpression" && expression.operator === "-" && typeof expression.argument?.value === "number") {
    return -expression.argument.value;
  }
  throw new LessonError(file, field, `must be a plain value such as n={1} or hint="...", got {${value.value}}`);
}

function checkNumbering(tasks: Task[], file: string): void {
  tasks.forEach((task, index) => {
    if (task.n !== index + 1) {
      throw new LessonError(file, `<Task n={${task.n}}>`, `is task number ${index + 1} in reading order; number tasks 1, 2, 3... from the top, each once`);
    }
  });
}
