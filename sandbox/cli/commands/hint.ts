import type { LearnContext } from "../context";
import { loadCourseFor, pickLesson } from "../context";

/**
 * `learn hint [lesson]`: the hints of the tasks that did not pass at the last check (of every
 * task when the lesson was never checked).
 *
 * @example
 * await hintCommand(context);
 */
export async function hintCommand(context: LearnContext): Promise<number> {
  const { print, style } = context;
  const course = await loadCourseFor(context);
  const { lesson, progress } = await pickLesson(context, course, context.args.positional[0]);
  const results = progress.lessons[lesson.id]?.tasks;
  const open = lesson.tasks.filter((task) => !results || results[String(task.n)] !== "pass");
  if (open.length === 0) {
    print(style.green(`Every task of ${lesson.id} passed at the last check: no hints needed.`));
    return 0;
  }
  print(style.bold(`Hints for ${lesson.frontmatter.title}`) + (results ? style.dim("  (tasks not passing at the last check)") : ""));
  for (const task of open) {
    print();
    print(style.bold(`Task ${task.n}${task.title ? `: ${task.title}` : ""}`));
    print(`  ${style.yellow(task.hint ?? "No hint for this task; re-read its part of the lesson.")}`);
  }
  print();
  print(style.dim("Still stuck? `npm run learn -- solution` shows what differs from the solution."));
  return 0;
}
