import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import type { LearnContext } from "../context";
import { LearnError, loadCourseFor, pickLesson } from "../context";
import { readProgress, writeProgress } from "../progress";
import { backupLesson, lessonDir, writeLearnerFiles } from "../workspace-files";

async function confirm(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

/**
 * `learn reset [lesson]`: puts the starter files back after asking (or with --yes), keeping a
 * backup of the learner's files in workspace/.backups/. Without a terminal to ask on, it
 * refuses unless --yes is given.
 *
 * @example
 * await resetCommand(context); // args.yes = true
 */
export async function resetCommand(context: LearnContext): Promise<number> {
  const { print, style } = context;
  const course = await loadCourseFor(context);
  const { lesson } = await pickLesson(context, course, context.args.positional[0]);
  const dir = lessonDir(context.workspaceDir, lesson.id);
  if (!existsSync(dir)) throw new LearnError(`Nothing to reset: ${lesson.id} has not been started.`);
  if (!context.args.yes) {
    if (!process.stdin.isTTY) {
      throw new LearnError(`Reset replaces your files in ${context.show(dir)} with the starter files. Nothing was changed; run again with --yes to confirm (your files are backed up first).`);
    }
    if (!(await confirm(`Reset ${lesson.id} to its starter files? Your files are backed up first. [y/N] `))) {
      print("Nothing was changed.");
      return 0;
    }
  }
  const backup = await backupLesson(context.workspaceDir, lesson.id);
  await rm(dir, { recursive: true, force: true });
  await writeLearnerFiles(dir, lesson.starter, { overwrite: true });
  const progress = await readProgress(context.workspaceDir);
  const previous = progress.lessons[lesson.id];
  progress.lessons[lesson.id] = { startedAt: new Date().toISOString(), ...(previous?.passedAt ? { passedAt: previous.passedAt } : {}) };
  progress.current = lesson.id;
  await writeProgress(context.workspaceDir, progress);
  print(`${style.green("Reset")} ${lesson.id} to its starter files.`);
  print(`Your previous files are in ${context.show(backup)}`);
  print(style.dim(`To undo: cp -r "${context.show(backup)}/." "${context.show(dir)}/"`));
  return 0;
}
