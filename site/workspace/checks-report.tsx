"use client";
/**
 * A grade report in the checks panel: each task's checks, passed or failed, with the failure
 * message, the hints on request (one at a time, shared with the task in the prose), and for a
 * failed HTTP check the request sent and the response received. In a chunk of its own, loaded
 * with the first check (checks-panel.tsx): a lesson opened only to be read never needs it.
 */
import { useEffect, useRef } from "react";
import type { Task } from "../../sandbox/course";
import type { CheckResult, GradeReport } from "../../sandbox/report";
import { checksOfTask, summarizeReport, taskStatus } from "../state/report-store";
import { TASK_STATUS_LABEL } from "../components/task-card";
import { HintSteps } from "../components/hint-steps";
import { hintSteps } from "../../sandbox/course/hints";
import { HttpTraceView } from "./http-trace";
import { REPORT_SHOWN_EVENT } from "./results-area";

const CHECK_LABEL: Record<CheckResult["status"], string> = { pass: "Passed", fail: "Failed", error: "Error", skip: "Skipped" };
const CHECK_MARK: Record<CheckResult["status"], string> = { pass: "✓", fail: "✗", error: "!", skip: "–" };

/**
 * The latest report, with the run under way (if any) noted beside its summary.
 *
 * @example
 * <ChecksReport tasks={lesson.tasks} report={report} running={false} waitingFor={null} />
 */
export function ChecksReport({ tasks, report, running, waitingFor }: { tasks: Task[]; report: GradeReport; running: boolean; waitingFor: string | null | undefined }) {
  // A lone failure's exchange starts open; with several, their one-line summaries keep every
  // failing check in view, and each opens on request.
  const failures = report.checks.filter((check) => check.status === "fail" || check.status === "error");
  const firstFailing = failures.length === 1 ? failures[0] : undefined;
  const otherChecks = report.checks.filter((check) => check.task === undefined || !tasks.some((task) => task.n === check.task));
  const shown = useRef<HTMLDivElement>(null);
  // The results area grows to fit the failures once they are on screen.
  useEffect(() => void shown.current?.dispatchEvent(new Event(REPORT_SHOWN_EVENT, { bubbles: true })), [report]);
  return (
    <div className="checks" aria-busy={running} ref={shown}>
      <p className={`checks__summary checks__summary--${report.status}`} data-testid="checks-summary">
        {summarizeReport(report)}
        {running ? (waitingFor ? ` (checking again once ${waitingFor.replace(/ to start$/, " has started")}…)` : " (checking again…)") : ""}
      </p>
      {report.status === "error" && report.message ? <RunError report={report} /> : null}
      {tasks.map((task) => (
        <TaskResults key={task.n} task={task} report={report} openTrace={firstFailing} />
      ))}
      {otherChecks.length > 0 ? (
        <section className="checks__task" aria-label="Other checks">
          <h3 className="checks__task-title">Other checks</h3>
          <CheckList checks={otherChecks} task={undefined} openTrace={firstFailing} />
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

function TaskResults({ task, report, openTrace }: { task: Task; report: GradeReport; openTrace: CheckResult | undefined }) {
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
      <CheckList checks={checks} task={task} openTrace={openTrace} />
    </section>
  );
}

function CheckList({ checks, task, openTrace }: { checks: CheckResult[]; task: Task | undefined; openTrace: CheckResult | undefined }) {
  const failing = checks.some((check) => check.status === "fail" || check.status === "error");
  // The task's own hints, then what its failing checks add.
  const checkHints = checks.filter((check) => check.status !== "pass" && check.hint).map((check) => check.hint!);
  const steps = [...new Set([...hintSteps(task ?? {}), ...checkHints])];
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
            {check.trace && check.status !== "pass" ? <HttpTraceView trace={check.trace} open={check === openTrace} /> : null}
          </li>
        ))}
      </ul>
      {failing && steps.length > 0 ? (
        <div className="checks__hint">
          <HintSteps n={task?.n ?? 0} steps={steps} />
        </div>
      ) : null}
    </>
  );
}
