import type { LearnContext } from "../context";
import { loadCourseFor, pickLesson } from "../context";
import { hintSteps } from "../../course/hints";
import { writeProgress } from "../progress";

/**
 * `learn hint [lesson]`: one more hint each time, as the site's "Next hint" does. It reveals the
 * next hint of the first task that did not pass at the last check (of the first task when the
 * lesson was never checked), and repeats the hints already revealed, for every task not passing.
 * `--all` prints every hint at once. What was revealed is kept in workspace/progress.json.
 *
 * @example
 * await hintCommand(context);
 */
export async function hintCommand(context: LearnContext): Promise<number> {
  const { print, style } = context;
  const course = await loadCourseFor(context);
  const { lesson, progress } = await pickLesson(context, course, context.args.positional[0]);
  const lessonProgress = progress.lessons[lesson.id];
  const results = lessonProgress?.tasks;
  const open = lesson.tasks.filter((task) => !results || results[String(task.n)] !== "pass");
  if (open.length === 0) {
    print(style.green(`Every task of ${lesson.id} passed at the last check: no hints needed.`));
    return 0;
  }
  const shown: Record<string, number> = { ...lessonProgress?.hintsShown };
  const next = open.find((task) => (shown[String(task.n)] ?? 0) < hintSteps(task).length);
  if (context.args.all) for (const task of open) shown[String(task.n)] = hintSteps(task).length;
  else if (next) shown[String(next.n)] = (shown[String(next.n)] ?? 0) + 1;

  print(style.bold(`Hints for ${lesson.frontmatter.title}`) + (results ? style.dim("  (tasks not passing at the last check)") : ""));
  for (const task of open) {
    const steps = hintSteps(task);
    const revealed = Math.min(shown[String(task.n)] ?? 0, steps.length);
    print();
    print(style.bold(`Task ${task.n}${task.title ? `: ${task.title}` : ""}`) + style.dim(steps.length ? `  (hint ${revealed} of ${steps.length})` : ""));
    if (steps.length === 0) print(`  ${style.yellow("No hint for this task; re-read its part of the lesson.")}`);
    else if (revealed === 0) print(style.dim("  No hint revealed yet."));
    steps.slice(0, revealed).forEach((step, index) => print(`  ${index + 1}. ${index === revealed - 1 && (task === next || context.args.all) ? style.yellow(step) : step}`));
  }
  print();
  const more = open.some((task) => (shown[String(task.n)] ?? 0) < hintSteps(task).length);
  print(style.dim(more ? "Run `npm run learn -- hint` again for the next hint (`--all` shows them all)." : "That was the last hint. Still stuck? `npm run learn -- solution` shows what differs from the solution."));
  if (lessonProgress) lessonProgress.hintsShown = shown;
  else progress.lessons[lesson.id] = { startedAt: new Date().toISOString(), hintsShown: shown };
  await writeProgress(context.workspaceDir, progress);
  return 0;
}
