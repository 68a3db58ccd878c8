import { relative, resolve } from "node:path";
import { findLesson, loadCourse } from "../course/index";
import type { Course, Lesson } from "../course/index";
import type { LearnArgs } from "./args";
import { readProgress } from "./progress";
import type { Progress } from "./progress";
import { createStyle } from "./style";
import type { Style } from "./style";

/** A problem to tell the learner about, with the exit code to end with (2: not a check result). */
export class LearnError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

/** Everything a command needs: paths, output, styling, and the parsed arguments. */
export interface LearnContext {
  args: LearnArgs;
  lessonsDir: string;
  workspaceDir: string;
  style: Style;
  print(text?: string): void;
  /** A path as the learner would type it from where they ran the command. */
  show(path: string): string;
}

/**
 * Builds the context from the arguments and environment: lessons in ./lessons, work in
 * ./workspace, unless --lessons/--workspace say otherwise.
 *
 * @example
 * const context = createContext(parseArgs(process.argv.slice(2)));
 */
export function createContext(args: LearnArgs, cwd = process.cwd()): LearnContext {
  return {
    args,
    lessonsDir: resolve(cwd, args.lessons ?? "lessons"),
    workspaceDir: resolve(cwd, args.workspace ?? "workspace"),
    style: createStyle(args.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR)),
    print: (text = "") => process.stdout.write(text + "\n"),
    show: (path) => relative(cwd, path) || ".",
  };
}

/**
 * Loads the course, turning a broken lesson folder into a LearnError that names it.
 *
 * @example
 * const course = await loadCourseFor(context);
 */
export async function loadCourseFor(context: LearnContext): Promise<Course> {
  try {
    return await loadCourse(context.lessonsDir);
  } catch (error) {
    throw new LearnError(`Could not load the course from ${context.show(context.lessonsDir)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The lesson a command is about: the one named, else the current one from progress.json.
 *
 * @example
 * const { lesson, progress } = await pickLesson(context, course, args.positional[0]);
 */
export async function pickLesson(context: LearnContext, course: Course, name: string | undefined): Promise<{ lesson: Lesson; progress: Progress }> {
  const progress = await readProgress(context.workspaceDir);
  const wanted = name ?? progress.current;
  if (!wanted) throw new LearnError("No lesson started yet. Pick one with `npm run learn -- list`, then `npm run learn -- start <lesson>`.");
  const lesson = findLesson(course, wanted);
  if (!lesson) throw new LearnError(`There is no lesson "${wanted}". See \`npm run learn -- list\` for their names.`);
  return { lesson, progress };
}
