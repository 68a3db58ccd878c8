/**
 * Every lesson's state (not started, in progress, passed) for the outline and the home page,
 * read once from the repository and kept in step by the workspace.
 */
import type { ProgressRepository } from "../persistence/repository";
import { LAST_LESSON_KEY } from "../persistence/repository";
import { lessonState, type LessonState } from "../persistence/records";
import { createStore } from "./store";
import type { TaskCounts } from "../../sandbox/course/tally";

export interface ProgressState {
  loaded: boolean;
  states: Record<string, LessonState>;
  /** Each checked lesson's per-task check counts at its last check, for the outline's tallies. */
  taskChecks: Record<string, TaskCounts>;
  lastLessonId: string | null;
}

export const progressStore = createStore<ProgressState>({ loaded: false, states: {}, taskChecks: {}, lastLessonId: null });

/**
 * Reads every record into the progress store.
 *
 * @example
 * await loadProgress(getRepository());
 * progressStore.get().states["first-steps/hello-vial"]; // "passed"
 */
export async function loadProgress(repository: ProgressRepository): Promise<void> {
  const [records, lastLessonId] = await Promise.all([repository.all(), repository.getMeta(LAST_LESSON_KEY)]);
  const states: Record<string, LessonState> = {};
  const taskChecks: Record<string, TaskCounts> = {};
  for (const record of records) {
    states[record.lessonId] = lessonState(record);
    if (record.lastCheck?.tasks) taskChecks[record.lessonId] = record.lastCheck.tasks;
  }
  progressStore.set({ loaded: true, states, taskChecks, lastLessonId: lastLessonId ?? null });
}

/**
 * Records one lesson's new state, and its per-task check counts after a check.
 *
 * @example
 * setLessonState("first-steps/hello-vial", "passed");
 */
export function setLessonState(lessonId: string, state: LessonState, taskChecks?: TaskCounts): void {
  progressStore.update((current) => {
    if (current.states[lessonId] === state && (!taskChecks || current.taskChecks[lessonId] === taskChecks)) return current;
    return {
      ...current,
      states: { ...current.states, [lessonId]: state },
      taskChecks: taskChecks ? { ...current.taskChecks, [lessonId]: taskChecks } : current.taskChecks,
    };
  });
}

/**
 * Where "continue where you left off" leads: the last lesson opened, else the first lesson not
 * yet passed, else nothing (start from the beginning).
 *
 * @example
 * continueTarget(progress, ["a/one", "a/two"]); // "a/two"
 */
export function continueTarget(progress: Omit<ProgressState, "taskChecks">, lessonIds: readonly string[]): string | null {
  if (progress.lastLessonId && lessonIds.includes(progress.lastLessonId)) return progress.lastLessonId;
  const started = lessonIds.some((id) => progress.states[id]);
  if (!started) return null;
  return lessonIds.find((id) => progress.states[id] !== "passed") ?? null;
}
