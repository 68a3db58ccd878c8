import { join } from "node:path";
import type { LearnContext } from "../context";
import { LearnError, loadCourseFor } from "../context";
import { findLesson } from "../../course/index";
import { readProgress, writeProgress } from "../progress";
import { lessonDir, writeLearnerFiles } from "../workspace-files";

/**
 * `learn start <lesson>`: copies the lesson's starter files into workspace/<lesson>/ (never
 * overwriting a file already there), makes it the current lesson and shows its tasks.
 *
 * @example
 * await startCommand(context); // args.positional = ["hello-vial"]
 */
export async function startCommand(context: LearnContext): Promise<number> {
  const { style, print } = context;
  const name = context.args.positional[0];
  if (!name) throw new LearnError("Which lesson? Usage: npm run learn -- start <lesson>  (see `npm run learn -- list`)");
  const course = await loadCourseFor(context);
  const lesson = findLesson(course, name);
  if (!lesson) throw new LearnError(`There is no lesson "${name}". See \`npm run learn -- list\` for their names.`);

  const dir = lessonDir(context.workspaceDir, lesson.id);
  const written = await writeLearnerFiles(dir, lesson.starter, { overwrite: false });
  const kept = Object.keys(lesson.starter).filter((path) => !written.includes(path));
  const progress = await readProgress(context.workspaceDir);
  progress.current = lesson.id;
  progress.lessons[lesson.id] ??= { startedAt: new Date().toISOString() };
  await writeProgress(context.workspaceDir, progress);

  print(style.bold(lesson.frontmatter.title) + style.dim(`  (${lesson.id}, about ${lesson.frontmatter.minutes} min)`));
  print(lesson.frontmatter.summary);
  print();
  if (kept.length) print(style.yellow(`Your work is already there and was kept: ${kept.join(", ")}.`));
  if (written.length) print(`Starter files copied to ${context.show(dir)}: ${written.join(", ")}.`);
  print();
  print(style.bold("Tasks"));
  for (const task of lesson.tasks) print(`  ${task.n}. ${task.title ?? "(see the lesson text)"}`);
  print();
  print(`Read the lesson: ${context.show(join(lesson.dir, "lesson.mdx"))}`);
  print(`Edit:           ${context.show(join(dir, lesson.frontmatter.focus))}`);
  print(`Then run:       npm run learn -- check   (or \`watch\` to re-check on every save)`);
  return 0;
}
