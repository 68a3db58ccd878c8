"use client";
/**
 * A lesson's state in the outline: not started, in progress, imported (not checked here) or
 * passed, read from the browser.
 */
import { useStore } from "../state/use-store";
import { progressStore } from "../state/progress-store";
import { LESSON_STATE_LABEL } from "../persistence/records";

/**
 * The badge for `lessonId`; blank until the saved progress has been read.
 *
 * @example
 * <LessonStateBadge lessonId="first-steps/hello-vial" />
 */
export function LessonStateBadge({ lessonId }: { lessonId: string }) {
  const { loaded, states } = useStore(progressStore);
  const state = states[lessonId] ?? "not-started";
  return (
    <span className="state-badge" data-state={loaded ? state : "unknown"} data-testid={`state-${lessonId}`}>
      {loaded ? LESSON_STATE_LABEL[state] : ""}
    </span>
  );
}
