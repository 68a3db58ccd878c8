"use client";
/**
 * The `<Task>` element of lesson MDX: a numbered task whose badge follows the latest grade
 * report (not checked, passing, failing, error), with its hint on request.
 */
import { useId, useState, type ReactNode } from "react";
import { useStore } from "../state/use-store";
import { reportStore, taskStatus, type TaskStatus } from "../state/report-store";
import { withInlineCode } from "./inline-code";

export interface TaskCardProps {
  n: number;
  title?: string;
  hint?: string;
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
export function TaskCard({ n, title, hint, children }: TaskCardProps) {
  const { report } = useStore(reportStore);
  const status = taskStatus(report, n);
  const [showHint, setShowHint] = useState(false);
  const hintId = useId();
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
      {hint ? (
        <div className="task__hint">
          <button type="button" className="link-button" aria-expanded={showHint} aria-controls={hintId} onClick={() => setShowHint((shown) => !shown)}>
            {showHint ? "Hide hint" : "Show hint"}
          </button>
          <p id={hintId} hidden={!showHint}>
            {withInlineCode(hint)}
          </p>
        </div>
      ) : null}
    </section>
  );
}
