/**
 * The default grader of lessons:check: the sandbox's node engine, one fresh sandbox per run, so
 * a lesson that leaks state or hangs cannot affect the next one. This is the same payload the
 * browser engines run, so a lesson that passes here passes there.
 */
import { NodeSandbox, type NodeSandboxOptions } from "../../engines/node";
import type { Grader } from "./grader";

/**
 * Makes a grader backed by the node engine.
 *
 * @example
 * ```ts
 * const grade = nodeGrader();
 * const report = await grade({ files: lesson.solution, checks: lesson.checks });
 * ```
 */
export function nodeGrader(options: NodeSandboxOptions = {}): Grader {
  return async (input) => {
    // The lesson's author sees why a concealed check failed; learners' runs (learn, the site) do not.
    const sandbox = new NodeSandbox({ revealConcealed: true, ...options, ...(input.stopAtFirstFailure ? { stopAtFirstFailure: true } : {}) });
    try {
      await sandbox.load({ files: input.files, checks: input.checks, ...(input.entry ? { entry: input.entry } : {}) });
      return await sandbox.check();
    } finally {
      await sandbox.dispose();
    }
  };
}
