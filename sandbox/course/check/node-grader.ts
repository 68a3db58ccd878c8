/**
 * The default grader of lessons:check: the sandbox's node engine. This is the same payload the
 * browser engines run, so a lesson that passes here passes there.
 *
 * A plain call grades in a fresh sandbox. A session (one lesson's runs) keeps a few sandboxes,
 * its lanes, and grades run after run in each with NodeSandbox.replaceFiles: node, the bundles
 * and the lesson's database start once per lane instead of once per run, while every run still
 * gets new learner processes, only its own files and a wiped database.
 */
import { NodeSandbox, type NodeSandboxOptions } from "../../engines/node";
import type { GradeReport } from "../../report";
import type { GradeInput, Grader, GradingSession } from "./grader";

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
  // The lesson's author sees why a concealed check failed; learners' runs (learn, the site) do not.
  const sandboxOptions: NodeSandboxOptions = { revealConcealed: true, ...options };
  const grade = async (input: GradeInput): Promise<GradeReport> => {
    const sandbox = new NodeSandbox(sandboxOptions);
    try {
      await sandbox.load({ files: input.files, checks: input.checks, ...(input.entry ? { entry: input.entry } : {}) });
      return await sandbox.check(input.stopAtFirstFailure ? { stopAtFirstFailure: true } : {});
    } finally {
      await sandbox.dispose();
    }
  };
  return Object.assign(grade, { session: (lanes: number) => nodeSession(sandboxOptions, lanes) });
}

interface Lane {
  sandbox: NodeSandbox;
  /** The checks its sandbox was loaded with (undefined: not loaded yet). */
  checks?: string;
}

function nodeSession(options: NodeSandboxOptions, lanes: number): GradingSession {
  const lanesUp = new Set<Lane>();
  const idle: Lane[] = [];
  const waiting: ((lane: Lane | undefined) => void)[] = [];
  let closed = false;

  const acquire = async (): Promise<Lane> => {
    const free = idle.shift();
    if (free) return free;
    if (lanesUp.size < lanes) {
      const lane: Lane = { sandbox: new NodeSandbox(options) };
      lanesUp.add(lane);
      return lane;
    }
    // undefined: a lane was dropped, so there is room for a new one.
    return (await new Promise<Lane | undefined>((resolve) => waiting.push(resolve))) ?? acquire();
  };
  const release = (lane: Lane) => {
    const next = waiting.shift();
    if (next) next(lane);
    else idle.push(lane);
  };
  const drop = (lane: Lane) => {
    lanesUp.delete(lane);
    void lane.sandbox.dispose();
    waiting.shift()?.(undefined);
  };

  return {
    async grade(input) {
      if (closed) throw new Error("This grading session was closed.");
      const lane = await acquire();
      try {
        if (lane.checks !== input.checks) {
          await lane.sandbox.load({ files: {}, checks: input.checks });
          lane.checks = input.checks;
        }
        await lane.sandbox.replaceFiles(input.files, input.entry);
        const report = await lane.sandbox.check(input.stopAtFirstFailure ? { stopAtFirstFailure: true } : {});
        release(lane);
        return report;
      } catch (error) {
        drop(lane); // a sandbox that failed is not trusted with the next run
        throw error;
      }
    },
    async close() {
      closed = true;
      await Promise.all([...lanesUp].map((lane) => lane.sandbox.dispose()));
      lanesUp.clear();
    },
  };
}
