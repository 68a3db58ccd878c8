/**
 * The grader host's settings. Each run's settings (with the nonce that marks its report) come
 * as a line on stdin, or in VIAL_HOST_CONFIG where writing to a process's stdin is unreliable
 * (WebContainers); the launch settings (how to start the learner host) come in argv, because a
 * spare grader host starts its learner host before it is given a run.
 */

/** What the engine sends for one run. */
export interface HostConfig {
  nonce: string;
  mode: "check" | "serve";
  entry?: string;
  checkTimeoutMs?: number;
  budgetMs?: number;
  port?: number;
  hostname?: string;
  /** Replays a run's randomised fixtures (see the report's `seed`). */
  seed?: string;
  /** Skip the checks after the first failure: lessons:check grading code known to be wrong. */
  stopAtFirstFailure?: boolean;
  /** Report concealed checks' failures in full: lessons:check and lessons:mutate, for the lesson's author. */
  revealConcealed?: boolean;
}

/** How the grader host starts learner hosts: `--learner=<JSON argv prefix>`, `--memory-mb=N`, `--warm`. */
export interface LaunchSettings {
  /** The argv prefix that runs node for learner code (default ["node"], as in a WebContainer). */
  learnerCommand: string[];
  /** The learner's memory limit, named when it runs out (0: unknown). */
  memoryMb: number;
  /** Start a learner host now and warm both up, then wait for the run's settings. */
  warm: boolean;
  /** Where the lesson's database comes from (see database-host.ts); none: lessons get no database. */
  database?: DatabaseSource;
  /**
   * `--os-signals`: a check's `appProcess.signal()` sends the learner host a real signal (the node
   * engine). Without it (a WebContainer, whose processes get no OS signal) the learner host
   * emulates it: the grader sends a "signal" message and the host dispatches it.
   */
  osSignals?: boolean;
}

/**
 * PGlite imported from `pglite` (a module URL), starting from the data folder snapshot at
 * `dataDir` when given (a file path, a tarball, gzipped or not; faster than initdb); or a real
 * server at `url` through the node-postgres module at `pg`. Either way `sqlParser` is
 * libpg-query's Emscripten module (a module URL of a CommonJS file, its `.wasm` beside it):
 * PostgreSQL's parser, which reads the app's SQL first.
 *
 * `files` names PGlite's own files (paths) for a PGlite build that cannot find them itself: the
 * browser build the site serves, which the WebContainer engine mounts into `.vial/`. Every path
 * and module URL that is neither absolute nor a URL is relative to the payload's root (the folder
 * above `.vial/`), so an engine can name files it mounted without knowing where they landed.
 */
export type DatabaseSource = ({ pglite: string; dataDir?: string; files?: PGliteFilePaths } | { url: string; pg: string }) & { sqlParser: string };

/** PGlite's WebAssembly (PostgreSQL, initdb) and its `share/` files (`pglite.data`), as file paths. */
export interface PGliteFilePaths {
  pgliteWasm: string;
  initdbWasm: string;
  fsBundle: string;
}

/**
 * The grader host's argv for given launch settings (the inverse of {@link readLaunchSettings}).
 *
 * @example
 * launchArgs({ learnerCommand: [process.execPath, "--max-old-space-size=256"], memoryMb: 256, warm: true })
 */
export function launchArgs(settings: LaunchSettings): string[] {
  return [
    `--learner=${JSON.stringify(settings.learnerCommand)}`, `--memory-mb=${settings.memoryMb}`, ...(settings.warm ? ["--warm"] : []),
    ...(settings.osSignals ? ["--os-signals"] : []),
    ...(settings.database ? [`--database=${JSON.stringify(settings.database)}`] : []),
  ];
}

/**
 * Reads the launch settings from argv.
 *
 * @example
 * readLaunchSettings(process.argv.slice(2))
 */
export function readLaunchSettings(argv: string[]): LaunchSettings {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const learner = value("learner");
  const command = learner === undefined ? ["node"] : (JSON.parse(learner) as unknown);
  if (!Array.isArray(command) || command.length === 0 || !command.every((part) => typeof part === "string")) {
    throw new Error(`--learner must be a JSON array of strings, got ${learner}`);
  }
  const database = value("database");
  return {
    learnerCommand: command, memoryMb: Number(value("memory-mb") ?? 0) || 0, warm: argv.includes("--warm"),
    ...(argv.includes("--os-signals") ? { osSignals: true } : {}),
    ...(database === undefined ? {} : { database: JSON.parse(database) as DatabaseSource }),
  };
}
