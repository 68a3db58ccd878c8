"use client";
/**
 * The checks panel: each task's checks, passed or failed, with the failure message, the hint
 * on request, and for a failed HTTP check the request sent and the response received.
 */
import { useState } from "react";
import type { Task } from "../../sandbox/course";
import type { CheckResult, GradeReport } from "../../sandbox/report";
import { useStore } from "../state/use-store";
import { checksOfTask, reportStore, summarizeReport, taskStatus } from "../state/report-store";
import { TASK_STATUS_LABEL } from "../components/task-card";
import { withInlineCode } from "../components/inline-code";
import { HttpTraceView } from "./http-trace";

const CHECK_LABEL: Record<CheckResult["status"], string> = { pass: "Passed", fail: "Failed", error: "Error", skip: "Skipped" };
const CHECK_MARK: Record<CheckResult["status"], string> = { pass: "✓", fail: "✗", error: "!", skip: "–" };

/**
 * The results of the latest check run.
 *
 * @example
 * <ChecksPanel tasks={lesson.tasks} />
 */
export function ChecksPanel({ tasks }: { tasks: Task[] }) {
  const { running, report } = useStore(reportStore);
  if (!report) {
    return (
      <div className="checks checks--empty">
        <p>{running ? "Running the checks…" : "Press Check (or Ctrl+Enter, ⌘+Enter on a Mac) to run this lesson's checks on your files."}</p>
      </div>
    );
  }
  const otherChecks = report.checks.filter((check) => check.task === undefined || !tasks.some((task) => task.n === check.task));
  return (
    <div className="checks" aria-busy={running}>
      <p className={`checks__summary checks__summary--${report.status}`} data-testid="checks-summary">
        {summarizeReport(report)}
        {running ? " (checking again…)" : ""}
      </p>
      {report.status === "error" && report.message ? <RunError report={report} /> : null}
      {tasks.map((task) => (
        <TaskResults key={task.n} task={task} report={report} />
      ))}
      {otherChecks.length > 0 ? (
        <section className="checks__task" aria-label="Other checks">
          <h3 className="checks__task-title">Other checks</h3>
          <CheckList checks={otherChecks} hint={undefined} />
        </section>
      ) : null}
    </div>
  );
}

function RunError({ report }: { report: GradeReport }) {
  return (
    <div className="checks__error" role="alert" data-testid="checks-error">
      <h3>Your code could not be checked</h3>
      <pre>{report.message}</pre>
    </div>
  );
}

function TaskResults({ task, report }: { task: Task; report: GradeReport }) {
  const status = taskStatus(report, task.n);
  const checks = checksOfTask(report, task.n);
  return (
    <section className="checks__task" data-status={status} aria-labelledby={`checks-task-${task.n}`} data-testid={`checks-task-${task.n}`}>
      <h3 className="checks__task-title" id={`checks-task-${task.n}`}>
        <a href={`#task-${task.n}`}>
          Task {task.n}
          {task.title ? `: ${task.title}` : ""}
        </a>{" "}
        <span className="checks__task-status">{TASK_STATUS_LABEL[status]}</span>
      </h3>
      <CheckList checks={checks} hint={task.hint} />
    </section>
  );
}

function CheckList({ checks, hint }: { checks: CheckResult[]; hint: string | undefined }) {
  const [showHint, setShowHint] = useState(false);
  const failing = checks.some((check) => check.status === "fail" || check.status === "error");
  const checkHint = checks.find((check) => check.hint)?.hint;
  const shownHint = hint ?? checkHint;
  return (
    <>
      <ul className="checks__list">
        {checks.map((check, index) => (
          <li key={`${check.name}-${index}`} className="check" data-status={check.status}>
            <span className="check__mark" aria-hidden="true">
              {CHECK_MARK[check.status]}
            </span>
            <span className="visually-hidden">{CHECK_LABEL[check.status]}: </span>
            <span className="check__name">{check.name}</span>
            {check.message && check.status !== "pass" ? <pre className="check__message">{check.message}</pre> : null}
            {check.trace && check.status !== "pass" ? <HttpTraceView trace={check.trace} /> : null}
          </li>
        ))}
      </ul>
      {failing && shownHint ? (
        <div className="checks__hint">
          <button type="button" className="link-button" aria-expanded={showHint} onClick={() => setShowHint((shown) => !shown)}>
            {showHint ? "Hide hint" : "Show hint"}
          </button>
          {showHint ? <p>{withInlineCode(shownHint)}</p> : null}
        </div>
      ) : null}
    </>
  );
}
