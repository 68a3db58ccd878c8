/**
 * `npm run learn -- <command>`: the course offline, in your own editor (Rustlings-style).
 *
 *   list               chapters and lessons, with your progress
 *   start <lesson>     copy a lesson's starter files into workspace/<lesson>/
 *   check [lesson]     grade your files (exit 0: all pass, 1: some fail, 2: error)
 *   watch [lesson]     check again on every save
 *   hint [lesson]      the next hint for the tasks that are not passing (--all: every hint)
 *   solution [lesson]  diff your files against the solution (changes nothing)
 *   reset [lesson]     back to the starter files (asks first; keeps a backup)
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "./args";
import { createContext, LearnError } from "./context";
import type { LearnContext } from "./context";

type Command = (context: LearnContext) => Promise<number>;

/** Loaded on demand, so `learn --help` doesn't pay for the course loader and the sandbox. */
const commands: Record<string, () => Promise<Command>> = {
  list: async () => (await import("./commands/list")).listCommand,
  start: async () => (await import("./commands/start")).startCommand,
  check: async () => (await import("./commands/check")).checkCommand,
  watch: async () => (await import("./commands/watch")).watchCommand,
  hint: async () => (await import("./commands/hint")).hintCommand,
  solution: async () => (await import("./commands/solution")).solutionCommand,
  reset: async () => (await import("./commands/reset")).resetCommand,
};

const USAGE = `Usage: npm run learn -- <command> [lesson] [options]

Commands:
  list               chapters and lessons, with your progress
  start <lesson>     copy a lesson's starter files into workspace/<lesson>/
  check [lesson]     grade your files (exit code 0: all pass, 1: some fail, 2: error)
  watch [lesson]     check again every time you save
  hint [lesson]      the next hint for a task that is not passing yet (--all: every hint)
  solution [lesson]  show how your files differ from the solution (changes nothing)
  reset [lesson]     put the starter files back (asks first, keeps a backup)

[lesson] defaults to the lesson you started last. Lessons are named by id
(first-steps/hello-vial) or by slug when unique (hello-vial).

Options:
  --yes, -y          reset without asking
  --all              hint: every hint at once
  --no-color         plain output
  --lessons <dir>    course folder (default ./lessons)
  --workspace <dir>  where your work is kept (default ./workspace)`;

/**
 * Runs one `learn` command line and returns its exit code.
 *
 * @example
 * process.exitCode = await main(["check", "hello-vial"]);
 */
export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const load = args.command ? commands[args.command] : undefined;
  if (args.help || !args.command) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (!load) {
    process.stderr.write(`Unknown command "${args.command}".\n\n${USAGE}\n`);
    return 2;
  }
  const context = createContext(args);
  try {
    return await (await load())(context);
  } catch (error) {
    if (error instanceof LearnError) {
      process.stderr.write(context.style.red(error.message) + "\n");
      return error.exitCode;
    }
    process.stderr.write(`The learn command failed unexpectedly: ${error instanceof Error ? error.stack : String(error)}\n`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `learn list | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
