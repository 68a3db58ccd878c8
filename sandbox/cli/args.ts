/** A parsed `learn` command line. */
export interface LearnArgs {
  command: string | undefined;
  positional: string[];
  yes: boolean;
  color: boolean | undefined;
  help: boolean;
  /** `hint --all`: every hint at once. */
  all: boolean;
  /** Course folder (default ./lessons). */
  lessons: string | undefined;
  /** Workspace folder (default ./workspace). */
  workspace: string | undefined;
}

/**
 * Parses `learn` arguments: a command, positional words, and a few flags.
 *
 * @example
 * parseArgs(["check", "hello-vial", "--no-color"]) // { command: "check", positional: ["hello-vial"], color: false, ... }
 */
export function parseArgs(argv: string[]): LearnArgs {
  const args: LearnArgs = { command: undefined, positional: [], yes: false, color: undefined, help: false, all: false, lessons: undefined, workspace: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") ? (arg.split(/=(.*)/s) as [string, string | undefined]) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--yes" || flag === "-y") args.yes = true;
    else if (flag === "--no-color") args.color = false;
    else if (flag === "--color") args.color = true;
    else if (flag === "--help" || flag === "-h") args.help = true;
    else if (flag === "--all") args.all = true;
    else if (flag === "--lessons") args.lessons = value();
    else if (flag === "--workspace") args.workspace = value();
    else if (args.command === undefined) args.command = arg;
    else args.positional.push(arg);
  }
  return args;
}
