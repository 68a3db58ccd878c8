"use client";
/**
 * The `<Task>` element of lesson MDX: a numbered task whose badge follows the latest grade
 * report (not checked, passing, failing, error), with its hints on request, one at a time.
 */
import type { ReactNode } from "react";
import { useStore } from "../state/use-store";
import { reportStore, taskStatus, type TaskStatus } from "../state/report-store";
import { hintSteps } from "../../sandbox/course/hints";
import { HintSteps } from "./hint-steps";

export interface TaskCardProps {
  n: number;
  title?: string;
  hint?: string;
  /** Further hints, each more specific, revealed one at a time after `hint`. */
  moreHints?: string[];
  children?: ReactNode;
}

/** Words shown beside each badge (the badge is never colour alone). */
export const TASK_STATUS_LABEL: Record<TaskStatus, string> = {
  pending: "Not checked yet",
  pass: "Done",
  fail: "Not yet",
  error: "Could not check",
};

const BADGE_MARK: Record<TaskStatus, string> = { pending: "", pass: "✓", fail: "✗", error: "!" };

/**
 * A task in the lesson text.
 *
 * @example
 * <TaskCard n={1} title="Say hello" hint="Use `app.get`.">Make GET / answer Hello.</TaskCard>
 */
export function TaskCard({ n, title, hint, moreHints, children }: TaskCardProps) {
  const { report } = useStore(reportStore);
  const status = taskStatus(report, n);
  return (
    <section className="task" id={`task-${n}`} data-status={status} aria-labelledby={`task-${n}-title`}>
      <header className="task__head">
        <span className="task__badge" aria-hidden="true">
          {BADGE_MARK[status] || n}
        </span>
        <h3 className="task__title" id={`task-${n}-title`}>
          Task {n}
          {title ? `: ${title}` : ""}
        </h3>
        <span className="task__status" data-testid={`task-${n}-status`}>
          {TASK_STATUS_LABEL[status]}
        </span>
      </header>
      <div className="task__body">{children}</div>
      <div className="task__hint">
        <HintSteps n={n} steps={hintSteps({ hint, moreHints })} />
      </div>
    </section>
  );
}
