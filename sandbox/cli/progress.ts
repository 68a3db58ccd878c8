import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { GradeReport } from "../report";
import { countByTask, type TaskCounts } from "../course/tally";

/** What the `learn` command remembers about one lesson. */
export interface LessonProgress {
  startedAt: string;
  status?: GradeReport["status"];
  checkedAt?: string;
  /** When every check first passed. */
  passedAt?: string;
  /** Task number to its result at the last check. */
  tasks?: Record<string, "pass" | "fail" | "error">;
  /** Task number to how many of its checks passed at the last check (for a lesson's tally). */
  taskChecks?: TaskCounts;
  /** Task number to how many of its hints `learn hint` has revealed. */
  hintsShown?: Record<string, number>;
}

/** workspace/progress.json. */
export interface Progress {
  version: 1;
  /** The lesson `check`, `watch`, `hint`, `solution` and `reset` use when none is named. */
  current?: string;
  lessons: Record<string, LessonProgress>;
}

const EMPTY: Progress = { version: 1, lessons: {} };

/**
 * Reads workspace/progress.json (an empty record when missing or unreadable).
 *
 * @example
 * const progress = await readProgress("workspace");
 */
export async function readProgress(workspace: string): Promise<Progress> {
  try {
    const parsed = JSON.parse(await readFile(join(workspace, "progress.json"), "utf8")) as Progress;
    return parsed.version === 1 && typeof parsed.lessons === "object" ? parsed : structuredClone(EMPTY);
  } catch {
    return structuredClone(EMPTY);
  }
}

/**
 * Writes workspace/progress.json atomically (a crash never leaves half a file).
 *
 * @example
 * await writeProgress("workspace", progress);
 */
export async function writeProgress(workspace: string, progress: Progress): Promise<void> {
  const path = join(workspace, "progress.json");
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(progress, null, 2) + "\n");
  await rename(temporary, path);
}

/**
 * Folds a grade report into a lesson's progress: its status, per-task results, and when it
 * first passed.
 *
 * @example
 * progress.lessons[id] = recordCheck(progress.lessons[id], report);
 */
export function recordCheck(previous: LessonProgress | undefined, report: GradeReport, now = new Date()): LessonProgress {
  const tasks: Record<string, "pass" | "fail" | "error"> = {};
  for (const check of report.checks) {
    if (check.task === undefined || check.status === "skip") continue;
    const key = String(check.task);
    const worse = check.status === "error" || (check.status === "fail" && tasks[key] !== "error");
    if (worse || tasks[key] === undefined) tasks[key] = check.status;
  }
  const at = now.toISOString();
  return {
    ...(previous?.hintsShown ? { hintsShown: previous.hintsShown } : {}),
    startedAt: previous?.startedAt ?? at,
    status: report.status,
    checkedAt: at,
    tasks,
    taskChecks: countByTask(report.checks),
    ...(previous?.passedAt || report.status === "pass" ? { passedAt: previous?.passedAt ?? at } : {}),
  };
}
