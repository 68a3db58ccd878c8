/**
 * A grader and a learner side wired together in one process (loopbackPort), for testing the
 * protocol's logic without processes: messages are still cloned and delivered asynchronously.
 */
import { transform } from "sucrase";
import { createLearnerSide } from "../../../../sandbox/payload/learner-side/learner";
import { loopbackPort } from "../../../../sandbox/payload/grader-side/loopback";
import type { GraderSideHost } from "../../../../sandbox/payload/grader-side/run-grader";
import type { Transform } from "../../../../sandbox/payload/runtime/module-loader";

export const sucrase = transform as unknown as Transform;

/** A grader host whose learners read `files` (checks at `.vial/checks.ts`); counts learners started. */
export function inProcessHost(files: Record<string, string>, modules: Record<string, unknown> = {}): GraderSideHost & { started: number } {
  const host = {
    started: 0,
    readFile: (path: string) => (path === ".vial/checks.ts" ? files[path] : undefined),
    modules,
    transform: sucrase,
    startLearner: () => {
      host.started++;
      return loopbackPort((send) => createLearnerSide({
        host: { readFile: (path) => (path.startsWith(".vial/") ? undefined : files[path]), transform: sucrase },
        modules: () => modules,
        send,
      }));
    },
  };
  return host;
}
