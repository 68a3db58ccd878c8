/**
 * What the site keeps per lesson in the browser. One record per lesson the learner has opened;
 * no record means "not started".
 */
import type { FileMap } from "../state/files-store";
import type { TaskCounts } from "../../sandbox/course/tally";

/** A lesson's saved work and progress. */
export interface LessonRecord {
  lessonId: string;
  files: FileMap;
  /**
   * Set once every check passed in this browser; stays set (like a completed exercise) after
   * later edits. Never taken from a progress file: see `importedAt`.
   */
  passed: boolean;
  /** The latest check run, in short; `tasks` counts each task's checks, for a lesson's tally on the outline. */
  lastCheck?: { status: "pass" | "fail" | "error"; passedChecks: number; totalChecks: number; tasks?: TaskCounts; at: number };
  /** The files as they were before the last reset (or Solve), so it can be undone. */
  beforeReset?: FileMap;
  /** Set when `beforeReset` was kept by Solve rather than by a reset. */
  beforeResetBy?: "solve";
  updatedAt: number;
  /**
   * When the files came from a progress file, until the next check here. A progress file may
   * come from anyone, so its passes and check counts are dropped on import: the lesson shows as
   * "imported, not checked here" rather than passed.
   */
  importedAt?: number;
}

/** A lesson as the outline shows it. */
export type LessonState = "not-started" | "in-progress" | "imported" | "passed";

/**
 * The state of a lesson from its record (or its absence).
 *
 * @example
 * lessonState(undefined); // "not-started"
 */
export function lessonState(record: LessonRecord | undefined): LessonState {
  if (!record) return "not-started";
  if (record.passed) return "passed";
  return record.importedAt === undefined ? "in-progress" : "imported";
}

/** Words for each state, shared by the outline and the lesson header. */
export const LESSON_STATE_LABEL: Record<LessonState, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  imported: "Imported, not checked here",
  passed: "Passed",
};
