import type { GradeReport } from "./report";

/**
 * What a lesson sandbox runs: the learner's files, the lesson's checks, and the entry file that
 * exports the app.
 *
 * @example
 * const workspace: Workspace = { files: { "app.ts": source }, checks: checksSource };
 */
export interface Workspace {
  /** The learner's files by workspace-relative path ("app.ts", "routes/users.ts"). */
  files: Record<string, string>;
  /** The lesson's checks.ts source; it imports the learner's app as "./app". */
  checks: string;
  /** The file that exports the app (default "app.ts"). */
  entry?: string;
}

/**
 * Where learner code runs (DESIGN.md section 3). Every engine — node, worker, webcontainer —
 * implements it and passes the contract suite in tests/sandbox.
 *
 * @example
 * await sandbox.load(workspace);
 * await sandbox.write("app.ts", edited);
 * const report = await sandbox.check();
 * await sandbox.dispose();
 */
export interface Sandbox {
  /** Sets up the framework bundle, the lesson files and the checks (replacing any earlier load). */
  load(workspace: Workspace): Promise<void>;
  /** Updates one learner file. */
  write(path: string, contents: string): Promise<void>;
  /** Runs the learner's app (stopping the one started before) and returns the preview URL. */
  start(): Promise<{ url: string }>;
  /** Runs the lesson's checks against the current files. Never rejects for learner mistakes. */
  check(): Promise<GradeReport>;
  /** Everything the learner's code prints, for the output panel. */
  output: AsyncIterable<string>;
  /** Stops everything and frees what the sandbox holds; the sandbox is unusable afterwards. */
  dispose(): Promise<void>;
}

/** Limits every engine applies to one run of learner code. */
export interface SandboxLimits {
  /** Longest a check run may take before it is stopped (default 10 000 ms). */
  timeoutMs?: number;
  /** Longest a single check may take (default 5 000 ms). */
  checkTimeoutMs?: number;
  /** Most output a run may print before it is stopped (default 1 000 000 bytes). */
  outputLimitBytes?: number;
}
