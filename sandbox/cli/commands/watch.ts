import { watch } from "node:fs";
import type { FSWatcher } from "node:fs";
import { NodeSandbox } from "../../engines/node/index";
import type { LearnContext } from "../context";
import { loadCourseFor, pickLesson } from "../context";
import { lessonDir, readLearnerFiles } from "../workspace-files";
import { echoOutput, printSandboxNotes, reportAndRecord, workspaceFiles } from "./check";

/** Editors save in bursts (write, rename, chmod); one re-check per burst. */
const DEBOUNCE_MS = 150;

/**
 * `learn watch [lesson]`: checks now and again on every save, keeping one sandbox loaded and
 * writing only the files that changed. Runs until Ctrl+C.
 *
 * @example
 * await watchCommand(context);
 */
export async function watchCommand(context: LearnContext): Promise<number> {
  const { print, style } = context;
  const course = await loadCourseFor(context);
  const { lesson } = await pickLesson(context, course, context.args.positional[0]);
  const dir = lessonDir(context.workspaceDir, lesson.id);
  let files = await workspaceFiles(context, lesson);
  printSandboxNotes(context);
  const sandbox = new NodeSandbox();
  void echoOutput(context, sandbox);
  await sandbox.load({ files, checks: lesson.checks });

  const runCheck = async () => {
    if (process.stdout.isTTY) process.stdout.write("\u001bc");
    print(style.dim(`[${new Date().toLocaleTimeString()}] Checking ${lesson.id}…`));
    print();
    await reportAndRecord(context, lesson, await sandbox.check());
    print();
    print(style.dim(`Watching ${context.show(dir)} for changes. Press Ctrl+C to stop.`));
  };

  /** Applies what changed on disk to the sandbox; false when nothing did. */
  const sync = async (): Promise<boolean> => {
    const now = (await readLearnerFiles(dir)) ?? {};
    const removed = Object.keys(files).some((path) => !(path in now));
    const changed = Object.keys(now).filter((path) => now[path] !== files[path]);
    files = now;
    if (removed) await sandbox.load({ files, checks: lesson.checks });
    else for (const path of changed) await sandbox.write(path, now[path]!);
    return removed || changed.length > 0;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = runCheck();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        if (await sync()) await runCheck();
      }).catch((error: unknown) => print(style.red(String(error))));
    }, DEBOUNCE_MS);
  };
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { recursive: true }, schedule);
  } catch {
    // Platforms without recursive watching: look every half second instead.
    const interval = setInterval(schedule, 500);
    watcher = { close: () => clearInterval(interval) } as FSWatcher;
  }

  return new Promise((resolve) => {
    const stop = () => {
      watcher.close();
      clearTimeout(timer);
      void running.finally(() => sandbox.dispose()).then(() => resolve(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
