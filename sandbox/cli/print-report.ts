import type { Lesson } from "../course/index";
import type { CheckResult, GradeReport, HttpTrace } from "../report";
import type { Style } from "./style";

const BODY_LINES = 6;

function indent(text: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return text.split("\n").map((line) => (line ? pad + line : line)).join("\n");
}

function icon(status: CheckResult["status"], style: Style): string {
  if (status === "pass") return style.green("✓");
  if (status === "skip") return style.dim("-");
  return status === "error" ? style.red("!") : style.red("✗");
}

function traceLines(trace: HttpTrace, style: Style): string {
  const { request, response } = trace;
  const type = response.headers["content-type"];
  const body = response.body.split("\n").filter((line) => line.trim()).slice(0, BODY_LINES).join("\n");
  const lines = [
    style.dim(`→ ${request.method} ${request.path}${request.body ? `  ${request.body.slice(0, 120)}` : ""}`),
    style.dim(`← ${response.status}${type ? ` ${type}` : ""}`),
  ];
  if (body) lines.push(style.dim(indent(body, 2)));
  return lines.join("\n");
}

function checkLines(check: CheckResult, style: Style, taskHint: string | undefined): string[] {
  const lines = [`  ${icon(check.status, style)} ${check.name}`];
  if (check.status === "pass") return lines;
  if (check.message) lines.push(indent(check.message, 6));
  if (check.status === "skip") return lines;
  if (check.trace) lines.push(indent(traceLines(check.trace, style), 6));
  // The task's own hint is printed once under the task; only a check's own hint goes here.
  if (check.hint && check.hint !== taskHint) lines.push(indent(style.yellow(`Hint: ${check.hint}`), 6));
  return lines;
}

/** Groups checks by task, in task order; checks without a task come last. */
function byTask(checks: CheckResult[]): [number | undefined, CheckResult[]][] {
  const groups = new Map<number | undefined, CheckResult[]>();
  for (const check of checks) groups.set(check.task, [...(groups.get(check.task) ?? []), check]);
  return [...groups].sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity));
}

/**
 * Renders a grade report for the terminal: each task with its checks, what failed and why,
 * the request and response behind a failure, the task's hint, and a summary line.
 *
 * @example
 * console.log(formatReport(report, lesson, createStyle()));
 */
export function formatReport(report: GradeReport, lesson: Pick<Lesson, "tasks">, style: Style): string {
  const out: string[] = [];
  if (report.status === "error") {
    out.push(style.red(style.bold("! Your code could not be checked.")));
    if (report.message) out.push(indent(report.message, 2));
    if (report.checks.length) out.push("");
  } else if (report.message) {
    out.push(report.message, "");
  }
  let tasksDone = 0;
  const groups = byTask(report.checks);
  for (const [n, checks] of groups) {
    const task = lesson.tasks.find((t) => t.n === n);
    const passed = checks.every((c) => c.status === "pass");
    if (passed) tasksDone++;
    const failing = checks.filter((c) => c.status !== "pass").length;
    const title = n === undefined ? "Other checks" : `Task ${n}${task?.title ? `: ${task.title}` : ""}`;
    const verdict = passed ? style.green("done") : style.red(`${failing} of ${checks.length} not passing`);
    out.push(`${style.bold(title)}  ${verdict}`);
    for (const check of checks) out.push(...checkLines(check, style, task?.hint));
    if (!passed && task?.hint) out.push(indent(style.yellow(`Hint: ${task.hint}`), 2));
    out.push("");
  }
  const passing = report.checks.filter((c) => c.status === "pass").length;
  const seconds = (report.durationMs / 1000).toFixed(1);
  const taskCount = groups.filter(([n]) => n !== undefined).length;
  const summary = `${tasksDone} of ${groups.length} ${taskCount === groups.length ? "tasks" : "groups"} done, ${passing} of ${report.checks.length} checks pass (${seconds} s).`;
  const colour = report.status === "pass" ? style.green : report.status === "fail" ? style.yellow : style.red;
  out.push(colour(summary));
  return out.join("\n");
}
