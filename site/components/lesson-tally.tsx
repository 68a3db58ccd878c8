"use client";
/**
 * A scored lesson's tally on the outline ("7 of 11 fixed"): the checks of its `tally` tasks
 * that passed at the learner's last check. Nothing before the first check.
 */
import { useStore } from "../state/use-store";
import { progressStore } from "../state/progress-store";
import { tallyOf } from "../../sandbox/course/tally";

/**
 * The tally of `lessonId`, or nothing until it has been checked.
 *
 * @example
 * <LessonTally lessonId="capstone/audit" tally={{ tasks: [2, 3, 4], label: "fixed" }} />
 */
export function LessonTally({ lessonId, tally }: { lessonId: string; tally: { tasks: number[]; label: string } }) {
  const { taskChecks } = useStore(progressStore);
  const found = tallyOf(taskChecks[lessonId], tally.tasks);
  if (!found) return null;
  return (
    <span className="outline-tally" data-testid={`tally-${lessonId}`}>
      {found.passed} of {found.total} {tally.label}
    </span>
  );
}
