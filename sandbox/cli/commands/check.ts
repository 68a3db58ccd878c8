import { confinementNotes, NodeSandbox } from "../../engines/node/index";
import type { Lesson } from "../../course/index";
import type { GradeReport } from "../../report";
import type { LearnContext } from "../context";
import { LearnError, loadCourseFor, pickLesson } from "../context";
import { formatReport } from "../print-report";
import { readProgress, recordCheck, writeProgress } from "../progress";
import { lessonDir, readLearnerFiles, writeLearnerFiles } from "../workspace-files";

/** Exit code for a report: 0 all pass, 1 some fail, 2 the code could not be checked. */
export function exitCodeOf(report: GradeReport): number {
  return report.status === "pass" ? 0 : report.status === "fail" ? 1 : 2;
}

/**
 * The learner's files of a lesson, or a LearnError telling them to start it first.
 *
 * @example
 * const files = await workspaceFiles(context, lesson);
 */
export async function workspaceFiles(context: LearnContext, lesson: Lesson): Promise<Record<string, string>> {
  const files = await readLearnerFiles(lessonDir(context.workspaceDir, lesson.id));
  if (!files) throw new LearnError(`You have not started ${lesson.id} yet: run \`npm run learn -- start ${lesson.id}\`.`);
  return files;
}

/**
 * Prints a report, what to do next, and records it in progress.json.
 *
 * @example
 * await reportAndRecord(context, lesson, report);
 */
export async function reportAndRecord(context: LearnContext, lesson: Lesson, report: GradeReport): Promise<void> {
  const { print, style } = context;
  print(formatReport(report, lesson, style));
  const progress = await readProgress(context.workspaceDir);
  const firstPass = report.status === "pass" && !progress.lessons[lesson.id]?.passedAt;
  progress.lessons[lesson.id] = recordCheck(progress.lessons[lesson.id], report);
  await writeProgress(context.workspaceDir, progress);
  if (report.status === "pass") {
    print(style.green(style.bold(firstPass ? "Lesson complete!" : "All tasks pass.")) + (lesson.next ? ` Next: npm run learn -- start ${lesson.next}` : " That was the last lesson."));
  } else if (report.status === "fail") {
    print(style.dim("Stuck? `npm run learn -- hint` shows the hints; `solution` shows a diff against the solution."));
  }
}

/** Learner output echoed before a report; a flood is cut so the report stays on screen. */
const ECHO_LIMIT = 4000;

/**
 * Echoes what the learner's code prints (dimmed, cut after a few KB) until the sandbox closes.
 *
 * @example
 * const printing = echoOutput(context, sandbox);
 */
export async function echoOutput(context: LearnContext, sandbox: { output: AsyncIterable<string> }): Promise<void> {
  let shown = 0;
  for await (const text of sandbox.output) {
    if (shown >= ECHO_LIMIT) continue;
    const part = text.slice(0, ECHO_LIMIT - shown);
    shown += part.length;
    process.stdout.write(context.style.dim(part));
    if (shown >= ECHO_LIMIT) process.stdout.write(context.style.dim("\n… (more output not shown)\n"));
  }
}

/**
 * Says, once, what the sandbox cannot hold back on this machine (no network namespace, say).
 *
 * @example
 * printSandboxNotes(context);
 */
export function printSandboxNotes(context: LearnContext): void {
  for (const note of confinementNotes()) context.print(context.style.dim(`Note: ${note}`));
}

/**
 * A lesson checked before it was started (as on a fresh clone) starts from its starter files, so
 * `learn check <lesson>` always grades something instead of sending the learner elsewhere first.
 */
async function startForCheck(context: LearnContext, lesson: Lesson): Promise<Record<string, string>> {
  const dir = lessonDir(context.workspaceDir, lesson.id);
  await writeLearnerFiles(dir, lesson.starter, { overwrite: false });
  const progress = await readProgress(context.workspaceDir);
  progress.current = lesson.id;
  progress.lessons[lesson.id] ??= { startedAt: new Date().toISOString() };
  await writeProgress(context.workspaceDir, progress);
  context.print(context.style.yellow(`${lesson.id} was not started yet: copied its starter files to ${context.show(dir)}.`));
  return lesson.starter;
}

/**
 * `learn check [lesson]`: grades the learner's files with the node engine and prints each
 * task's result. Exit code 0 when all pass, 1 when some fail, 2 when the code could not run.
 *
 * @example
 * process.exitCode = await checkCommand(context);
 */
export async function checkCommand(context: LearnContext): Promise<number> {
  const course = await loadCourseFor(context);
  const { lesson } = await pickLesson(context, course, context.args.positional[0]);
  const files = (await readLearnerFiles(lessonDir(context.workspaceDir, lesson.id))) ?? (await startForCheck(context, lesson));
  context.print(context.style.dim(`Checking ${lesson.id} (${context.show(lessonDir(context.workspaceDir, lesson.id))})…`));
  printSandboxNotes(context);
  context.print();
  const sandbox = new NodeSandbox();
  const printing = echoOutput(context, sandbox);
  try {
    await sandbox.load({ files, checks: lesson.checks });
    const report = await sandbox.check();
    await sandbox.dispose();
    await printing;
    await reportAndRecord(context, lesson, report);
    return exitCodeOf(report);
  } finally {
    await sandbox.dispose();
  }
}
