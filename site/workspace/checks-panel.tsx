"use client";
/**
 * The checks panel: what to press before the first check, the progress of a run, and then the
 * latest grade report (checks-report.tsx, loaded in its own chunk once a check starts).
 */
import type { Task } from "../../sandbox/course";
import { useLoaded } from "../components/use-loaded";
import { useStore } from "../state/use-store";
import { reportStore } from "../state/report-store";

const loadReport = () => import("./checks-report");

/**
 * The results of the latest check run.
 *
 * @example
 * <ChecksPanel tasks={lesson.tasks} />
 */
export function ChecksPanel({ tasks }: { tasks: Task[] }) {
  const { running, report, waitingFor } = useStore(reportStore);
  // Fetched when the first check starts, so it is there by the time the report is.
  const reportView = useLoaded(loadReport, running || report !== null);
  const progress = waitingFor ? `Waiting for ${waitingFor}: your check runs as soon as it is ready…` : "Running the checks…";
  if (!report || reportView.status !== "loaded") {
    const failed = report && reportView.status === "failed" ? `The report could not be shown (${reportView.error}). Reload the page to try again.` : null;
    return (
      <div className="checks checks--empty">
        <p data-testid="checks-progress">{failed ?? (running ? progress : report ? "Loading the report…" : "Press Check (or Ctrl+Enter, ⌘+Enter on a Mac) to run this lesson's checks on your files.")}</p>
      </div>
    );
  }
  const { ChecksReport } = reportView.value;
  return <ChecksReport tasks={tasks} report={report} running={running} waitingFor={waitingFor} />;
}
