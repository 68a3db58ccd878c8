/**
 * Promise rejections nothing handled in the grader host: a check that forgot an `await` on
 * something that rejects, or a timer a check left behind. Node's default ends the process on
 * one, and a grader host kept for several runs (a lesson's lane in lessons:check, the learner's
 * edits) then died after its report, so that the NEXT run ended "without a grade report". Here
 * the host stays up, and the run during which the rejection surfaced reports it as an error.
 *
 * The run, not a check: node reports a rejection only some turns after the microtasks that made
 * it, measured here after the run's last check, whichever check left it. Every run of a host
 * grades the same checks.ts, which is where such a rejection comes from.
 */
import type { GradeReport } from "../../report";

/** Rejections kept per run: the first few say what is wrong. */
const MAX_KEPT = 10;

/**
 * Listens for unhandled rejections on `target` (the host's `process`) from now on; `settle`
 * folds those since its last call into a run's report as an error.
 *
 * @example
 * const rejections = watchUnhandledRejections(process);
 * const report = await rejections.settle(await runGrader(...));
 */
export function watchUnhandledRejections(target: Pick<NodeJS.Process, "on">): { settle(report: GradeReport): Promise<GradeReport> } {
  let found: string[] = [];
  target.on("unhandledRejection", (reason: unknown) => {
    if (found.length < MAX_KEPT) found.push(describe(reason));
  });
  return {
    async settle(report) {
      // One more turn, so that a rejection the last check left is this run's, not the next one's.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const left = found;
      found = [];
      if (left.length === 0) return report;
      const message = `checks.ts left a promise rejection unhandled (a missing await, or a timer a check left running): ${left.join("; ")}`;
      return { ...report, status: "error", message: report.message ? `${report.message}\n${message}` : message };
    },
  };
}

/** A few words on what was rejected; never throws, whatever the value is. */
function describe(reason: unknown): string {
  try {
    return (reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)).slice(0, 500);
  } catch {
    return "a value that cannot be shown";
  }
}
