import { join } from "node:path";
import type { LearnContext } from "../context";
import { LearnError, loadCourseFor } from "../context";
import { findLesson } from "../../course/index";
import { continueFrom, inheritedPaths } from "../../course/continue-previous";
import type { Course, Lesson } from "../../course/types";
import { readProgress, writeProgress, type Progress } from "../progress";
import { lessonDir, readLearnerFiles, writeLearnerFiles } from "../workspace-files";

/**
 * `learn start <lesson>`: copies the lesson's starter files into workspace/<lesson>/ (never
 * overwriting a file already there), makes it the current lesson and shows its tasks. A lesson
 * marked `from: previous` continues the learner's own files of the previous lesson when they
 * passed its checks at the last check, as the site does; otherwise it says why it starts from
 * the model solution.
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
  const progress = await readProgress(context.workspaceDir);
  const starting = await startingFiles(context.workspaceDir, course, lesson, progress);
  const written = await writeLearnerFiles(dir, starting.files, { overwrite: false });
  const kept = Object.keys(starting.files).filter((path) => !written.includes(path));
  progress.current = lesson.id;
  progress.lessons[lesson.id] ??= { startedAt: new Date().toISOString() };
  await writeProgress(context.workspaceDir, progress);

  print(style.bold(lesson.frontmatter.title) + style.dim(`  (${lesson.id}, about ${lesson.frontmatter.minutes} min)`));
  print(lesson.frontmatter.summary);
  print();
  if (starting.note && written.length) print(starting.note);
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

/** The files a lesson starts from, and for a `from: previous` lesson a sentence saying whose. */
async function startingFiles(workspace: string, course: Course, lesson: Lesson, progress: Progress): Promise<{ files: Record<string, string>; note?: string }> {
  const previous = lesson.frontmatter.from === "previous" && lesson.previous ? findLesson(course, lesson.previous) : undefined;
  if (!previous) return { files: lesson.starter };
  const fallback = (why: string) => ({ files: lesson.starter, note: `Starting from the model solution of ${previous.id}: ${why}` });
  const status = progress.lessons[previous.id]?.status;
  if (status !== "pass") {
    return fallback(status ? "your files did not pass its checks at the last check (`npm run learn -- check " + previous.id + "`)." : "you have not passed its checks here yet.");
  }
  const own = await readLearnerFiles(lessonDir(workspace, previous.id));
  if (!own || Object.keys(own).length === 0) return fallback(`your files are no longer in ${lessonDir(workspace, previous.id)}.`);
  return { files: continueFrom(lesson.starter, inheritedPaths(lesson.starter, previous.solution), own), note: `Continuing from your own files of ${previous.id}, which passed its checks.` };
}
