/**
 * Every lesson's state (not started, in progress, passed) for the outline and the home page,
 * read once from the repository and kept in step by the workspace.
 */
import type { ProgressRepository } from "../persistence/repository";
import { LAST_LESSON_KEY } from "../persistence/repository";
import { lessonState, type LessonState } from "../persistence/records";
import { createStore } from "./store";

export interface ProgressState {
  loaded: boolean;
  states: Record<string, LessonState>;
  lastLessonId: string | null;
}

export const progressStore = createStore<ProgressState>({ loaded: false, states: {}, lastLessonId: null });

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
  for (const record of records) states[record.lessonId] = lessonState(record);
  progressStore.set({ loaded: true, states, lastLessonId: lastLessonId ?? null });
}

/**
 * Records one lesson's new state.
 *
 * @example
 * setLessonState("first-steps/hello-vial", "passed");
 */
export function setLessonState(lessonId: string, state: LessonState): void {
  progressStore.update((current) =>
    current.states[lessonId] === state ? current : { ...current, states: { ...current.states, [lessonId]: state } },
  );
}

/**
 * Where "continue where you left off" leads: the last lesson opened, else the first lesson not
 * yet passed, else nothing (start from the beginning).
 *
 * @example
 * continueTarget(progress, ["a/one", "a/two"]); // "a/two"
 */
export function continueTarget(progress: ProgressState, lessonIds: readonly string[]): string | null {
  if (progress.lastLessonId && lessonIds.includes(progress.lastLessonId)) return progress.lastLessonId;
  const started = lessonIds.some((id) => progress.states[id]);
  if (!started) return null;
  return lessonIds.find((id) => progress.states[id] !== "passed") ?? null;
}
